import { PAGE } from '../core/geometry.js';
import type { FileKind } from '../../profiles/filesystems.js';
import { range } from '../core/range.js';

/**
 * How a file block is backed (DESIGN 1.2): data, or allocated but reading as zeros. Delayed
 * allocation reserves no extent here: a page-cache page over a hole gets its block at writeback.
 */
export type ExtentState = 'written' | 'unwritten';

/** One file block's mapping to a media block. `shared` marks blocks a reflink made common to several files. */
export interface Extent {
  readonly block: number;
  readonly state: ExtentState;
  readonly shared?: boolean;
}


export interface Inode {
  readonly ino: number;
  readonly kind: FileKind;
  /** The size the filesystem records (i_disksize); a page-cache file's in-memory size may be larger. */
  readonly size: number;
  /** File block index to extent. */
  readonly extents: Readonly<Record<number, Extent>>;
  /** Set by `daxctl f STATIC`: the block map may not change (the RFC's S_SWAPFILE reuse). */
  readonly static: boolean;
  /** NOVA: file page to the fresh block its first mapped write copied it to, waiting to be swapped in. */
  readonly cow: Readonly<Record<number, number>>;
}

/** Filesystem metadata: what the journal protects. */
export interface Meta {
  readonly names: Readonly<Record<string, number>>;
  readonly inodes: Readonly<Record<number, Inode>>;
  readonly nextIno: number;
}

export const EMPTY_META: Meta = { names: {}, inodes: {}, nextIno: 1 };


/** File block indexes `[first, last]` that bytes `[off, off+len)` touch. */
export function blockRange(off: number, len: number): number[] {
  if (len <= 0) return [];
  const first = Math.floor(off / PAGE);
  const last = Math.floor((off + len - 1) / PAGE);
  return range(last - first + 1, first);
}

/** Every media block an inode refers to, with NOVA's pending copies. */
export function blocksOf(inode: Inode): number[] {
  return [...Object.values(inode.extents).map((e) => e.block), ...Object.values(inode.cow)];
}

/** Whether the inode is still named somewhere. */
export function isNamed(meta: Meta, ino: number): boolean {
  return Object.values(meta.names).includes(ino);
}
