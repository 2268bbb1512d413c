import { visibleBytes } from '../x86/cpu.js';
import { PAGE } from '../core/geometry.js';
import { type Machine } from './machine.js';
import { blockAddress, type World } from '../core/world.js';
import type { Extent, Inode } from '../fs/meta.js';
import { liveMeta, pageKey } from '../fs/state.js';

const ZERO_PAGE: readonly number[] = Object.freeze(new Array<number>(PAGE).fill(0));

/** The media block the running kernel reads a file page from, if the page has data on media. */
export function dataBlock(inode: Inode, page: number): number | undefined {
  const cow = inode.cow[page];
  if (cow !== undefined) return cow;
  const extent: Extent | undefined = inode.extents[page];
  return extent?.state === 'written' ? extent.block : undefined;
}

/**
 * What a process sees in a file page now: the page-cache copy with its writes, else the media
 * block through the CPU caches, else zeros (holes, unwritten and delayed extents read as zeros).
 */
export function visiblePage(state: Machine, world: World, ino: number, page: number): number[] {
  const inode = liveMeta(state.fs).inodes[ino]!;
  const cached = state.fs.pages[pageKey(ino, page)];
  const block = dataBlock(inode, page);
  const base = cached?.zeroBase || block === undefined ? [...ZERO_PAGE] : visibleBytes(state.cpu, world.initial, blockAddress(world, block), PAGE);
  for (const w of cached?.writes ?? []) base.splice(w.off, w.bytes.length, ...w.bytes);
  return base;
}

/** The file's size as the running kernel sees it: the recorded size or the larger in-memory size. */
export function liveSize(state: Machine, ino: number): number {
  const inode = liveMeta(state.fs).inodes[ino]!;
  return Math.max(inode.size, state.fs.isize[ino] ?? 0);
}
