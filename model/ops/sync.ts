import type { Draft } from 'immer';
import { PAGE } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { dataBlock } from '../kernel/content.js';
import { editInode } from '../kernel/edit.js';
import { commitAll, journal, uncommitted } from '../fs/journal.js';
import { blockRange } from '../fs/meta.js';
import { writeBack } from '../kernel/pagecache.js';
import { liveMeta, pageKey, pageOfKey, type FsState } from '../fs/state.js';
import type { StepOutcome } from '../kernel/outcome.js';
import { clflush, fence } from '../x86/persist.js';
import { hostSync } from '../x86/cpu.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { isInode, named } from './fs-common.js';

/** Which data an fsync-like call writes back: the whole file, or the pages of a byte range. */
export type SyncRange = { readonly off: number; readonly len: number } | 'file';

/**
 * Writes a file's data back for certain: page-cache pages through writeback; DAX pages written
 * through a mapping by flushing their cache lines (fs/dax.c dax_writeback_mapping_range, which
 * also write-protects them so the next store faults again); NOVA's copy-on-write pages by
 * swapping them in. Ends with the fence the pmem driver's flush issues (nvdimm_flush -> wmb()).
 */
export function writeBackFile(d: Draft<Machine>, world: World, ino: number, range: SyncRange, index: number): void {
  const pages = range === 'file' ? undefined : blockRange(range.off, range.len);
  writeBack(d, world, ino, index, pages);
  const inode = liveMeta(d.fs as FsState).inodes[ino];
  if (!inode) return;
  for (const key of Object.keys(d.fs.daxDirty)) {
    const { ino: i, page: p } = pageOfKey(key);
    if (i !== ino || (pages && !pages.includes(p))) continue;
    const block = dataBlock(inode, p);
    if (block !== undefined) clflush(d.cpu, blockAddress(world, block), world, PAGE);
    delete d.fs.daxDirty[key];
    delete d.fs.writable[key];
  }
  swapNova(d, ino, pages, index);
  fence(d.cpu, 'sfence', world);
}

/** NOVA: swaps copy-on-write pages into the file, one atomic pointer each, committed at once. */
function swapNova(d: Draft<Machine>, ino: number, pages: readonly number[] | undefined, index: number): void {
  const inode = liveMeta(d.fs as FsState).inodes[ino]!;
  const todo = Object.keys(inode.cow).map(Number).filter((p) => !pages || pages.includes(p));
  if (todo.length === 0) return;
  const meta = editInode(d as Machine, ino, (i) => {
    for (const p of todo) {
      i.extents[p] = { block: i.cow[p]!, state: 'written' };
      delete i.cow[p];
    }
  });
  journal(d.fs, index, meta, [ino]);
  commitAll(d.fs);
  for (const p of todo) delete d.fs.writable[pageKey(ino, p)];
}

/**
 * The commit half of fsync/fdatasync (ext4_sync_file, xfs_file_fsync): the whole running
 * transaction commits, but only if the inode has a change not yet committed (any change for
 * fsync; its size or block map for fdatasync). Either way the device is flushed: by the commit's
 * REQ_PREFLUSH, or by blkdev_issue_flush when nothing needs committing.
 */
function commitFor(steps: Steps, world: World, ino: number, datasyncOnly: boolean): void {
  const commit = !world.bugs.has('fsync-skips-commit') && uncommitted(steps.current.fs, ino, datasyncOnly);
  flushStep(steps, world, commit);
}

/**
 * A step that commits the journal if `commit` says so and flushes the region (nvdimm_flush,
 * drivers/nvdimm/region_devs.c, which pmem_submit_bio calls for REQ_PREFLUSH and REQ_FUA). On a
 * synchronous region that is the fence writeBackFile ends with; on an asynchronous one it is the
 * region's own flush, virtio-pmem's async_pmem_flush, whose request (nd_virtio.c virtio_pmem_flush)
 * the host answers by syncing the backing file, so it is a step of its own even with nothing to commit.
 */
function flushStep(steps: Steps, world: World, commit: boolean): void {
  const host = world.persistence.flushReachesHost && !world.bugs.has('virtio-flush-noop');
  if (!commit && !host) return;
  steps.step((d) => {
    if (commit) commitAll(d.fs);
    if (host) hostSync(d.cpu, world.initial);
  });
}

/** fsync/fdatasync of a file: write back, then commit. A crash may fall between the two. */
export function syncFile(steps: Steps, world: World, ino: number, range: SyncRange, datasyncOnly: boolean, index: number): StepOutcome {
  steps.step((d) => writeBackFile(d, world, ino, range, index));
  commitFor(steps, world, ino, datasyncOnly);
  return steps.done();
}

/** `fsync f`, `fdatasync f`. */
export function runFsync(state: Machine, op: OpOf<'fsync' | 'fdatasync'>, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  return syncFile(new Steps(state), world, inode.ino, 'file', op.op === 'fdatasync', index);
}

/** `sync`: every file written back, then one commit (fs/sync.c ksys_sync). */
export function runSync(state: Machine, world: World, index: number): StepOutcome {
  const inos = Object.keys(liveMeta(state.fs).inodes).map(Number);
  const steps = new Steps(state).step((d) => {
    for (const ino of inos) writeBackFile(d, world, ino, 'file', index);
  });
  flushStep(steps, world, !world.bugs.has('fsync-skips-commit'));
  return steps.done();
}

/** After write(): O_DSYNC syncs the written range and what is needed to reach it, O_SYNC all metadata too (generic_write_sync). */
export function syncAfterWrite(steps: Steps, world: World, ino: number, op: OpOf<'write'>, len: number, index: number): StepOutcome {
  const dsync = op.flags.includes('O_DSYNC');
  const sync = op.flags.includes('O_SYNC');
  if (!dsync && !sync) return steps.done();
  return syncFile(steps, world, ino, { off: op.off, len }, !sync, index);
}

