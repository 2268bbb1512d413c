import type { Choice } from './explore.js';
import { LINE } from './geometry.js';
import type { Machine } from './machine.js';

/**
 * A choice of a crash state in words: which stores of which line persisted. Lines are named by the
 * device and byte range they hold, since that is what the test declared.
 */
export function describeChoice(choice: Choice, state: Machine): string {
  const [kind, id] = choice.site.split(' ') as [string, string];
  if (kind === 'nt') return `non-temporal store piece #${id} ${choice.chosen === 1 ? 'landed' : 'was lost'}`;
  const line = Number(id);
  return `${lineName(line, state)}: ${choice.chosen} of ${choice.of - 1} pending store pieces persisted`;
}

function lineName(line: number, state: Machine): string {
  const addr = line * LINE;
  const dev = Object.values(state.devices).find((d) => addr >= d.base && addr < d.base + d.size);
  if (!dev) return `media line ${line}`;
  const off = addr - dev.base;
  return `${dev.name}[${off}:${LINE}]`;
}
