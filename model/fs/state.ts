import { current, isDraft } from 'immer';
import type { Meta } from './meta.js';
import type { AppendLog } from '../core/append-log.js';
import type { IntMap } from '../core/int-map.js';

/**
 * One journal handle (DESIGN 1.2): the metadata changes of one syscall, applied atomically. The
 * handle keeps the whole metadata after it (structurally shared with its neighbours), so the
 * durable metadata after committing `k` handles is simply the `meta` of handle `k - 1`.
 */
export interface Handle {
  /** Program index of the operation that made the handle. */
  readonly op: number;
  /** Inodes whose metadata the handle changed, and those whose size or block map it changed (fdatasync). */
  readonly touched: readonly number[];
  readonly datasync: readonly number[];
  readonly meta: Meta;
}

/** One write to a page-cache page, in program order since the page was last written back for certain. */
export interface PageWrite {
  readonly off: number;
  readonly bytes: readonly number[];
  /** Journal handles that existed when the write happened: its writeback's metadata goes after them. */
  readonly handles: number;
  /** The file's in-memory size after the write. */
  readonly isize: number;
  /** data=journal: the data went into handle `handles - 1` itself. */
  readonly journaled: boolean;
  /** Program index of the operation that made the write. */
  readonly op: number;
}

/** A page-cache page with writes not yet written back for certain. */
export interface CachedPage {
  /** True when the page did not come from written data (a hole, delayed or unwritten extent): it starts as zeros. */
  readonly zeroBase: boolean;
  /** True when the page's block was shared (reflinked) when the page was dirtied: writeback must copy it to a new block. */
  readonly copy: boolean;
  readonly writes: readonly PageWrite[];
}

/** A truncate or hole punch waiting for pinned pages to be released (pins=wait). */
export interface DeferredTruncate {
  readonly op: number;
  readonly file: string;
  readonly off: number;
  readonly len: number;
  readonly kind: 'truncate' | 'punch';
}

/**
 * A pinned range (`p = pin m OFF LEN`): what a device may DMA into. get_user_pages() resolves the
 * physical pages once, at pin time, so DMA keeps going there even if the file lets them go.
 */
export interface Pin {
  /** The mapping name and offset the pin was taken through. */
  readonly map: string;
  readonly off: number;
  readonly len: number;
  /** For each pinned byte range of one page: where DMA lands. */
  readonly pages: readonly PinnedPage[];
}

/** One pinned page: a media page (device-dax, fsdax, NOVA), a page-cache page, or a private copy. */
export type PinnedPage =
  | { readonly kind: 'media'; readonly addr: number; readonly ino?: number; readonly page?: number }
  | { readonly kind: 'pagecache'; readonly ino: number; readonly page: number }
  | { readonly kind: 'private'; readonly key: string; readonly ino: number; readonly page: number };

/** The filesystem half of the machine. */
export interface FsState {
  /** Metadata durable before any handle of the journal (the last checkpoint). */
  readonly base: Meta;
  /** The handles since the checkpoint, in order (an append-only log that the crash points share). */
  readonly handles: AppendLog<Handle>;
  /** Handles committed for certain (by fsync, sync, a MAP_SYNC fault ...); more may have committed on their own. */
  readonly committed: number;
  /** In-memory size of page-cache files whose size grew past what is recorded (ino to size). */
  readonly isize: Readonly<Record<number, number>>;
  /** Page-cache pages with pending writes, keyed `ino:page`. */
  readonly pages: Readonly<Record<string, CachedPage>>;
  /** DAX file pages written through a mapping since the last fsync/msync (fsync flushes their lines), keyed `ino:page`. */
  readonly daxDirty: Readonly<Record<string, true>>;
  /** File pages whose write fault has happened (writable in the page tables) since they were last cleaned, keyed `ino:page`. */
  readonly writable: Readonly<Record<string, true>>;
  /** Every byte value ever written at each offset of each inode (ino to offset to values), for the no-stale-data property. */
  readonly history: IntMap<IntMap<readonly number[]>>;
  readonly pins: Readonly<Record<string, Pin>>;
  readonly deferred: Readonly<Record<string, readonly DeferredTruncate[]>>;
  /** Private copies of pages of MAP_PRIVATE mappings, keyed by the mapping's start address and page. */
  readonly privatePages: Readonly<Record<string, readonly number[]>>;
}

/** The metadata the running kernel sees. */
export function liveMeta(fs: FsState): Meta {
  return metaAt(fs, fs.handles.length);
}

/**
 * The metadata on media after committing the first `k` handles. Read through a step's draft, the
 * base is a draft too; a handle built from it is kept in the append-only log, which immer does not
 * finalize, so it must hold the base itself and not a proxy revoked when the step ends.
 */
export function metaAt(fs: FsState, k: number): Meta {
  if (k > 0) return fs.handles.at(k - 1)!.meta;
  return isDraft(fs.base) ? current(fs.base) : fs.base;
}

/** The key of a file page in the per-page tables. */
export const pageKey = (ino: number, page: number) => `${ino}:${page}`;

/** The file page a key of the per-page tables stands for (the inverse of `pageKey`). */
export function pageOfKey(key: string): { readonly ino: number; readonly page: number } {
  const [ino, page] = key.split(':').map(Number) as [number, number];
  return { ino, page };
}

/** The page numbers of inode `ino` among the keys of a per-page table, in key order. */
export function pagesOf(table: Readonly<Record<string, unknown>>, ino: number): readonly number[] {
  if (isDraft(table)) return pagesByIno(table).get(ino) ?? [];
  // A settled table never changes (a step copies what it edits), and recovery asks for its pages in every crash state.
  let byIno = settledPages.get(table);
  if (!byIno) settledPages.set(table, (byIno = pagesByIno(table)));
  return byIno.get(ino) ?? [];
}

const settledPages = new WeakMap<object, Map<number, number[]>>();

function pagesByIno(table: Readonly<Record<string, unknown>>): Map<number, number[]> {
  const byIno = new Map<number, number[]>();
  for (const key of Object.keys(table)) {
    const { ino, page } = pageOfKey(key);
    const pages = byIno.get(ino);
    if (pages) pages.push(page);
    else byIno.set(ino, [page]);
  }
  return byIno;
}
