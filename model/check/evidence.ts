import type { Choice } from './explore.js';
import { LINE, PAGE } from '../core/geometry.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { liveMeta, metaAt } from '../fs/state.js';

/**
 * A choice of a crash state in words: how much of the journal committed, which version of a
 * page-cache page was written back, which stores of which line persisted, how much of a media page
 * a host wrote back. Lines and pages are
 * named by the device or file they hold, since that is what the test declared.
 */
export function describeChoice(choice: Choice, state: Machine, world: World): string {
  const { site } = choice;
  switch (site.kind) {
    case 'nt':
      return `non-temporal store piece #${site.seq} ${choice.chosen === 1 ? 'landed' : 'was lost'}`;
    case 'journal':
      return `journal: ${choice.chosen} of ${choice.of - 1} uncommitted handles committed`;
    case 'page':
      return `page ${pageName(site, state)}: ${choice.chosen} of ${choice.of - 1} pending writes written back`;
    case 'meta':
      return `page ${pageName(site, state)}: the metadata of its first writeback ${choice.chosen === 1 ? 'had committed' : 'had not committed'}`;
    case 'landed':
      return `page ${pageName(site, state)}: its data ${choice.chosen === 1 ? 'reached media before the crash' : 'had not reached media (the block kept old bytes)'}`;
    case 'line':
      return `${lineName(site.line, state, world)}: ${choice.chosen} of ${choice.of - 1} pending store pieces persisted`;
    case 'host':
      return `host page of ${lineName((site.page * PAGE) / LINE, state, world)}: ${choice.chosen} of ${choice.of - 1} store pieces since the last flush request written back by the host`;
  }
}

function pageName(site: { readonly ino: number; readonly page: number }, state: Machine): string {
  return `${fileName(state, site.ino)}[${site.page * PAGE}:${PAGE}]`;
}

function fileName(state: Machine, ino: number): string {
  for (let k = state.fs.handles.length; k >= 0; k--) {
    const name = Object.entries(metaAt(state.fs, k).names).find(([, i]) => i === ino)?.[0];
    if (name) return name;
  }
  return `inode ${ino}`;
}

function lineName(line: number, state: Machine, world: World): string {
  const addr = line * LINE;
  const dev = Object.values(state.devices).find((d) => addr >= d.base && addr < d.base + d.size);
  if (dev) return `${dev.name}[${addr - dev.base}:${LINE}]`;
  const block = Math.floor((addr - world.fsBase) / PAGE);
  const within = (addr - world.fsBase) % PAGE;
  for (const inode of Object.values(liveMeta(state.fs).inodes)) {
    const blocks: [string, number][] = [...Object.entries(inode.extents).map(([p, e]): [string, number] => [p, e.block]), ...Object.entries(inode.cow)];
    const page = blocks.find(([, b]) => b === block)?.[0];
    if (page !== undefined) return `${fileName(state, inode.ino)}[${Number(page) * PAGE + within}:${LINE}] (block ${block})`;
  }
  return `block ${block} [${within}:${LINE}]`;
}
