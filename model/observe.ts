import type { MediaView } from './crash.js';
import { LINE, lineOf } from './geometry.js';
import type { Machine } from './machine.js';
import type { Observation } from './program.js';

/** What an observation saw: an integer (little-endian bytes) or a string. */
export type Observed = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'str'; readonly text: string };

/** The recovered view of the media after a crash: devices read straight from the persisted lines. */
export function observe(obs: Observation, state: Machine, view: MediaView): Observed {
  // validate.ts allows only `exists` besides byte ranges on a device, and a device always exists.
  if (obs.kind !== 'bytes') return { kind: 'int', value: 1n };
  const dev = state.devices[obs.target]!;
  const bytes = readMedia(view, dev.base + obs.off, obs.len);
  return obs.asStr ? { kind: 'str', text: Buffer.from(bytes).toString('utf8') } : { kind: 'int', value: littleEndian(bytes) };
}

function readMedia(view: MediaView, addr: number, len: number): number[] {
  const out: number[] = [];
  for (let a = addr; a < addr + len; a++) out.push(view.readLine(lineOf(a))[a % LINE]!);
  return out;
}

function littleEndian(bytes: readonly number[]): bigint {
  return bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

/** An observed value as reports print it: decimal below 10, hex above, strings quoted. */
export function showObserved(v: Observed): string {
  if (v.kind === 'str') return JSON.stringify(v.text);
  return v.value < 10n ? v.value.toString() : `0x${v.value.toString(16)}`;
}
