import { PAGE } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { allocate } from '../fs/alloc.js';
import { liveSize } from '../kernel/content.js';
import { editInode } from '../kernel/edit.js';
import { journal } from '../fs/journal.js';
import { blockRange, type Inode, type Meta } from '../fs/meta.js';
import { cacheWrite } from '../kernel/pagecache.js';
import { liveMeta, pageKey, pagesOf, type DeferredTruncate } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import { persistNow } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { commitIfSynchronous, isInode, named } from './fs-common.js';
import { refuseFrozen, refuseResize } from './frozen.js';

/** Pins on pages `[first, ...)` of `ino` (up to `last` when given). */
function pinsOn(state: Machine, ino: number, first: number, last = Infinity): string[] {
  return Object.entries(state.fs.pins)
    .filter(([, pin]) => pin.pages.some((pg) => pg.ino === ino && pg.page !== undefined && pg.page >= first && pg.page <= last))
    .map(([name]) => name);
}

/**
 * Truncating or punching pinned pages: with pins=wait the kernel waits for the pins to go
 * (fs/dax.c dax_layout_busy_page, ext4_break_layouts), so the operation takes effect when the last
 * of them is released (`unpin`); with pins=unsafe it goes ahead and frees the blocks under the DMA.
 */
function deferIfPinned(state: Machine, world: World, ino: number, first: number, last: number, deferred: DeferredTruncate): StepOutcome | undefined {
  const pins = pinsOn(state, ino, first, last);
  if (pins.length === 0 || world.config.pins === 'unsafe') return undefined;
  return new Steps(state).step((d) => void (d.fs.deferred[pins[0]!] = [...(d.fs.deferred[pins[0]!] ?? []), deferred])).done();
}

/** Zeroes `[off, end)` of one page: durably on media for DAX and NOVA, in the page cache otherwise (truncate_pagecache_range, dax_zero_range). */
function zeroPart(steps: Steps, world: World, ino: number, off: number, end: number): void {
  if (end <= off) return;
  const inode = liveMeta(steps.current.fs).inodes[ino]!;
  const page = Math.floor(off / PAGE);
  const extent = inode.extents[page];
  steps.step((d) => {
    if (inode.kind === 'pagecache') cacheWrite(d, ino, page, off % PAGE, new Array<number>(end - off).fill(0), liveSize(d as Machine, ino), false);
    else if (extent?.state === 'written') persistNow(d.cpu, blockAddress(world, extent.block) + (off % PAGE), new Array<number>(end - off).fill(0), world);
  });
}

/** Drops cached, dirty and private state of file pages that no longer have a block. */
function forgetPages(steps: Steps, ino: number, pages: readonly number[]): void {
  steps.step((d) => {
    for (const p of pages) {
      const key = pageKey(ino, p);
      delete d.fs.pages[key];
      delete d.fs.daxDirty[key];
      delete d.fs.writable[key];
    }
  });
}

/** `truncate f LEN` (truncate(2)): shrinking frees whole blocks past the size and zeroes the rest of the last page. */
export function runTruncate(state: Machine, op: OpOf<'truncate'>, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  const size = liveSize(state, inode.ino);
  const refused = refuseResize(state, inode, world, 'truncate') ?? (op.len <= size ? refuseFrozen(state, inode, world, 'a truncate that does not extend') : undefined);
  if (refused) return refused;
  const keep = Math.ceil(op.len / PAGE);
  const deferred = deferIfPinned(state, world, inode.ino, keep, Infinity, { op: index, file: op.file, off: op.len, len: 0, kind: 'truncate' });
  if (op.len < size && deferred) return deferred;
  const steps = new Steps(state);
  const gone = Object.keys(inode.extents).map(Number).concat(Object.keys(inode.cow).map(Number)).filter((p) => p >= keep);
  if (op.len < size) zeroPart(steps, world, inode.ino, op.len, Math.min(keep * PAGE, size));
  const meta = editInode(steps.current, inode.ino, (i) => {
    for (const p of gone) {
      delete i.extents[p];
      delete i.cow[p];
    }
    i.size = op.len;
  });
  forgetPages(steps, inode.ino, [...gone, ...pagesFrom(steps.current, inode.ino, keep)]);
  return steps
    .step((d) => {
      delete d.fs.isize[inode.ino];
      journal(d.fs, index, meta, [inode.ino]);
      commitIfSynchronous(d, world);
    })
    .done();
}

function pagesFrom(state: Machine, ino: number, first: number): number[] {
  return pagesOf(state.fs.pages, ino).filter((p) => p >= first);
}

/**
 * `fallocate f OFF LEN [KEEP_SIZE|PUNCH_HOLE|ZERO_RANGE]` (fallocate(2)). Allocation makes
 * unwritten extents, which read as zeros (ext4_fallocate, xfs_alloc_file_space with
 * XFS_BMAPI_PREALLOC); NOVA allocates zeroed written blocks. PUNCH_HOLE, which the kernel accepts
 * only with KEEP_SIZE, implies it here. ZERO_RANGE turns whole blocks unwritten and zeroes the rest.
 */
export function runFallocate(state: Machine, op: OpOf<'fallocate'>, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  if (op.len <= 0) return errno('EINVAL', 'len must be greater than 0 (fallocate(2))');
  const refused = refuseFrozen(state, inode, world, 'fallocate');
  if (refused) return refused;
  if (op.mode === 'PUNCH_HOLE') return punch(state, inode, op, world, index);
  return allocateRange(state, inode, op, world, index);
}

function punch(state: Machine, inode: Inode, op: OpOf<'fallocate'>, world: World, index: number): StepOutcome {
  const end = op.off + op.len;
  const whole = blockRange(op.off, op.len).filter((p) => p * PAGE >= op.off && (p + 1) * PAGE <= end);
  const deferred = deferIfPinned(state, world, inode.ino, Math.floor(op.off / PAGE), Math.floor((end - 1) / PAGE), { op: index, file: op.file, off: op.off, len: op.len, kind: 'punch' });
  if (deferred) return deferred;
  const steps = new Steps(state);
  zeroPartials(steps, world, inode.ino, op.off, end, whole);
  const meta = editInode(steps.current, inode.ino, (i) => {
    for (const p of whole) {
      delete i.extents[p];
      delete i.cow[p];
    }
  });
  forgetPages(steps, inode.ino, whole);
  return steps.step((d) => (journal(d.fs, index, meta, [inode.ino]), commitIfSynchronous(d, world))).done();
}

/** Zeroes the parts of `[off, end)` outside the whole pages `whole`, within the file's size. */
function zeroPartials(steps: Steps, world: World, ino: number, off: number, end: number, whole: readonly number[]): void {
  const size = liveSize(steps.current, ino);
  for (const p of blockRange(off, end - off).filter((q) => !whole.includes(q))) {
    zeroPart(steps, world, ino, Math.max(off, p * PAGE), Math.min(end, (p + 1) * PAGE, Math.max(size, off)));
  }
}

function allocateRange(state: Machine, inode: Inode, op: OpOf<'fallocate'>, world: World, index: number): StepOutcome {
  const end = op.off + op.len;
  const pages = blockRange(op.off, op.len);
  const cowLog = inode.kind === 'cow-log';
  const zeroing = op.mode === 'ZERO_RANGE';
  const holes = pages.filter((p) => !inode.extents[p]);
  const fresh = allocate(state.fs, liveMeta(state.fs), world.blocks, holes.length, world.bugs);
  if (!fresh) return errno('ENOSPC', 'no free block (fallocate(2))');
  const whole = pages.filter((p) => p * PAGE >= op.off && (p + 1) * PAGE <= end);
  const steps = new Steps(state);
  if (zeroing) zeroPartials(steps, world, inode.ino, op.off, end, whole);
  const meta: Meta = editInode(steps.current, inode.ino, (i) => {
    holes.forEach((p, n) => void (i.extents[p] = { block: fresh[n]!, state: cowLog ? 'written' : 'unwritten' }));
    if (zeroing && !cowLog) for (const p of whole) i.extents[p] = { ...i.extents[p]!, state: 'unwritten' };
    if (op.mode !== 'KEEP_SIZE' && end > i.size) i.size = end;
  });
  if (zeroing) forgetPages(steps, inode.ino, whole);
  const zeroBlocks = cowLog ? [...fresh, ...(zeroing ? whole.flatMap((p) => (inode.extents[p] ? [inode.extents[p]!.block] : [])) : [])] : [];
  return steps
    .step((d) => {
      for (const block of zeroBlocks) persistNow(d.cpu, blockAddress(world, block), new Array<number>(PAGE).fill(0), world);
      journal(d.fs, index, meta, [inode.ino]);
      commitIfSynchronous(d, world);
    })
    .done();
}
