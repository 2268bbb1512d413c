import { castDraft, produce, type Draft } from 'immer';
import { PAGE } from '../core/geometry.js';
import { type Machine } from './machine.js';
import { blockAddress, type World } from '../core/world.js';
import { copyFlushcache, persistNow } from '../x86/persist.js';
import { allocate } from '../fs/alloc.js';
import { visiblePage } from './content.js';
import { journal } from '../fs/journal.js';
import type { Meta } from '../fs/meta.js';
import { liveMeta, pageKey, pagesOf } from '../fs/state.js';

/**
 * A write into the page cache (buffered write(), a store through a page-cache mapping, DMA into a
 * page-cache page): the page keeps it until writeback. A page over a hole gets its block at
 * writeback (delayed allocation): no journal handle until then (ext4_da_write_begin). `fresh`
 * says whether a new page starts as zeros, when the caller has just changed the block under it.
 */
export function cacheWrite(draft: Draft<Machine>, ino: number, page: number, off: number, bytes: readonly number[], isize: number, journaled: boolean, fresh?: boolean): void {
  const key = pageKey(ino, page);
  const inode = liveMeta(draft.fs).inodes[ino]!;
  const existing = draft.fs.pages[key];
  const zeroBase = existing ? existing.zeroBase : (fresh ?? inode.extents[page]?.state !== 'written');
  const copy = existing ? existing.copy : inode.extents[page]?.shared === true;
  const write = { off, bytes: [...bytes], handles: draft.fs.handles.length, isize, journaled, op: draft.cpu.op };
  draft.fs.pages[key] = castDraft({ zeroBase, copy, writes: [...(existing?.writes ?? []), write] });
}

/** The cached pages of `ino` (all, or only those in `pages`), by page number. */
export function cachedPages(state: Machine, ino: number, pages?: readonly number[]): number[] {
  return pagesOf(state.fs.pages, ino)
    .filter((p) => !pages || pages.includes(p))
    .sort((a, b) => a - b);
}

/**
 * Whether a forced writeback waits for its data (fsync, msync, sync, O_DSYNC, and data=ordered,
 * whose commit waits for it) or only submits it (filemap_flush, WB_SYNC_NONE, with nothing ordering
 * the data before the commit): the pmem driver copies a submitted page with memcpy_flushcache and
 * nothing fences it (drivers/nvdimm/pmem.c write_pmem, pmem_submit_bio).
 */
export type Landing = 'wait' | 'submit';

/**
 * Writes back cached pages of `ino` for certain (fsync, msync, sync, O_DSYNC, auto_da_alloc): the
 * delayed or unwritten blocks under them are allocated or converted and the recorded size grows to
 * cover them, in one handle; the page contents reach media, or with `submit` are on their way there.
 * Returns false when there was nothing.
 */
export function writeBack(draft: Draft<Machine>, world: World, ino: number, op: number, pages?: readonly number[], landing: Landing = 'wait'): boolean | 'ENOSPC' {
  const todo = cachedPages(draft as Machine, ino, pages);
  if (todo.length === 0) return false;
  const contents = todo.map((p) => visiblePage(draft as Machine, world, ino, p));
  const meta = mapPages(draft as Machine, world, ino, todo);
  if (!meta) return 'ENOSPC';
  if (meta !== liveMeta(draft.fs)) journal(draft.fs, op, meta, [ino]);
  todo.forEach((p, i) => {
    const block = meta.inodes[ino]!.extents[p]!.block;
    (landing === 'wait' ? persistNow : copyFlushcache)(draft.cpu, blockAddress(world, block), contents[i]!, world);
    delete draft.fs.pages[pageKey(ino, p)];
  });
  return true;
}

/** The metadata after writeback of `pages`: each backed by a written block of its own (a shared one is copied), the size grown to cover them. */
function mapPages(state: Machine, world: World, ino: number, pages: readonly number[]): Meta | undefined {
  const live = liveMeta(state.fs);
  const holes = pages.filter((p) => !live.inodes[ino]!.extents[p] || live.inodes[ino]!.extents[p]!.shared);
  const fresh = allocate(state.fs, live, world.blocks, holes.length, world.bugs);
  if (!fresh) return undefined;
  const isize = state.fs.isize[ino] ?? 0;
  const changed = produce(live, (m) => {
    const inode = m.inodes[ino]!;
    holes.forEach((p, i) => void (inode.extents[p] = { block: fresh[i]!, state: 'written' }));
    for (const p of pages) if (inode.extents[p]!.state !== 'written') inode.extents[p] = { ...inode.extents[p]!, state: 'written' };
    const end = Math.max(...pages.map((p) => Math.min(isize, (p + 1) * PAGE)));
    if (end > inode.size) inode.size = end;
  });
  return changed;
}

