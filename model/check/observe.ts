import { readBytes, type MediaView } from '../x86/crash.js';
import type { FsView } from '../kernel/recover.js';
import type { Machine } from '../kernel/machine.js';
import type { Observation } from '../../lang/ast.js';

/** What an observation saw: an integer (little-endian bytes) or a string. */
export type Observed = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'str'; readonly text: string };

/** The views recovery gives: the media lines (devices) and the filesystem. */
export interface Views {
  readonly media: MediaView;
  readonly fs: FsView;
}

/**
 * One observation after recovery. Devices are read straight from the persisted lines; files
 * through the recovered filesystem, where bytes past the end do not exist: `as str` gives the
 * shorter string and an integer reads them as zero (DESIGN section 2).
 */
export function observe(obs: Observation, state: Machine, views: Views): Observed {
  const dev = state.devices[obs.target];
  if (dev) {
    // validate.ts allows only `exists` besides byte ranges on a device, and a device always exists.
    if (obs.kind !== 'bytes') return { kind: 'int', value: 1n };
    return bytesObserved(readMedia(views.media, dev.base + obs.off, obs.len), obs.asStr);
  }
  if (obs.kind === 'exists') return { kind: 'int', value: views.fs.exists(obs.target) ? 1n : 0n };
  if (obs.kind === 'size') return { kind: 'int', value: BigInt(views.fs.size(obs.target)) };
  return bytesObserved(views.fs.read(obs.target, obs.off, obs.len), obs.asStr);
}

function bytesObserved(bytes: readonly number[], asStr: boolean): Observed {
  return asStr ? { kind: 'str', text: Buffer.from(bytes).toString('utf8') } : { kind: 'int', value: littleEndian(bytes) };
}

function readMedia(view: MediaView, addr: number, len: number): number[] {
  const out: number[] = [];
  readBytes(view, addr, len, out);
  return out;
}

/** Bytes as a little-endian integer, six at a time in a plain number (exact below 2^53), so that a short read makes one BigInt. */
function littleEndian(bytes: readonly number[]): bigint {
  let value = 0n;
  for (let end = bytes.length; end > 0; end -= 6) {
    const start = Math.max(0, end - 6);
    let chunk = 0;
    for (let i = end - 1; i >= start; i--) chunk = chunk * 256 + bytes[i]!;
    value = (value << BigInt(8 * (end - start))) | BigInt(chunk);
  }
  return value;
}

/** An observed value as reports print it: decimal below 10, hex above, strings quoted. */
export function showObserved(v: Observed): string {
  if (v.kind === 'str') return JSON.stringify(v.text);
  return v.value < 10n ? v.value.toString() : `0x${v.value.toString(16)}`;
}
