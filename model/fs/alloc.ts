import type { Bugs } from '../../profiles/bugs.js';
import { blocksOf, type Meta } from './meta.js';
import { metaAt, type FsState } from './state.js';

/**
 * Picks `count` free blocks, lowest first. A block is free when no metadata the running kernel
 * still has to honour refers to it: the live metadata, and every handle not yet committed for
 * certain, since "freed blocks are not reused until the transaction that freed them commits"
 * (DESIGN 1.2; jbd2 keeps such blocks out of the allocator until the commit, ext4 mballoc
 * ext4_mb_free_metadata). Returns undefined when the filesystem is full (ENOSPC).
 */
export function allocate(fs: FsState, live: Meta, total: number, count: number, bugs: Bugs): number[] | undefined {
  const busy = new Set<number>(bugs.has('double-allocation') ? usedBlocks(metaAt(fs, fs.committed)) : usedBlocks(live));
  if (!bugs.has('reuse-before-commit') && !bugs.has('double-allocation')) {
    for (let k = fs.committed; k <= fs.handles.length; k++) for (const b of usedBlocks(metaAt(fs, k))) busy.add(b);
  }
  const free: number[] = [];
  for (let b = 0; b < total && free.length < count; b++) if (!busy.has(b)) free.push(b);
  return free.length === count ? free : undefined;
}

/** Every block some inode of `meta` refers to. */
export function usedBlocks(meta: Meta): number[] {
  return Object.values(meta.inodes).flatMap(blocksOf);
}
