import type { Draft } from 'immer';
import { PAGE } from '../core/geometry.js';
import { type Machine, type VmaTarget } from './machine.js';
import { blockAddress, type World } from '../core/world.js';
import { persistNow } from '../x86/persist.js';
import type { Steps } from './steps.js';
import { allocate } from '../fs/alloc.js';
import { dataBlock, visiblePage } from './content.js';
import { editInode } from './edit.js';
import { commitAll, journal, uncommitted } from '../fs/journal.js';
import { liveMeta, pageKey } from '../fs/state.js';

type FileTarget = Extract<VmaTarget, { kind: 'file' }>;

/** Why a write fault cannot be served, raising SIGBUS. */
export type FaultFailure = { readonly sigbus: string };

/**
 * The first write through a DAX or NOVA mapping to a file page (fs/dax.c dax_iomap_fault): the
 * page's block is allocated (hole), converted (unwritten) or copied (shared after a reflink) in the
 * running transaction, zeroed durably before the handle can commit (dax.rst: "allocated blocks
 * are zeroed out ... to avoid exposure of uninitialized data"). With MAP_SYNC the fault commits
 * the metadata before the store can proceed (dax_finish_sync_fault -> vfs_fsync_range). Later
 * writes to the page do not fault until fsync/msync write-protects it again.
 */
export function writeFault(steps: Steps, world: World, target: FileTarget, page: number, op: number): FaultFailure | undefined {
  const state = steps.current;
  const key = pageKey(target.ino, page);
  if (state.fs.writable[key]) return undefined;
  if (target.mode === 'cow-log') return novaFault(steps, world, target.ino, page, op);
  const inode = liveMeta(state.fs).inodes[target.ino]!;
  const extent = inode.extents[page];
  const change = !extent ? 'allocate' : extent.shared ? 'copy' : extent.state === 'unwritten' ? 'convert' : undefined;
  if (change && target.direct === 'guarantee') return { sigbus: `MAP_DIRECT guarantee: the write fault would ${change} a block` };
  if (change && inode.static && change !== 'convert') return { sigbus: `static file: the write fault would ${change} a block` };
  if (change) {
    const failed = remapPage(steps, world, target.ino, page, change, op);
    if (failed) return failed;
  }
  const mustSync = target.sync && (change !== undefined || uncommitted(steps.current.fs, target.ino, true));
  if (mustSync && !world.bugs.has('mapsync-fault-skips-commit')) steps.step((d) => commitAll(d.fs));
  steps.step((d) => {
    d.fs.writable[key] = true;
    d.fs.daxDirty[key] = true;
  });
  return undefined;
}

/** Gives file page `page` a fresh written block in one handle, zeroed (or copied, for a shared block) durably first. */
function remapPage(steps: Steps, world: World, ino: number, page: number, change: 'allocate' | 'copy' | 'convert', op: number): FaultFailure | undefined {
  const state = steps.current;
  const old = liveMeta(state.fs).inodes[ino]!.extents[page];
  const fresh = change === 'convert' ? [old!.block] : allocate(state.fs, liveMeta(state.fs), world.blocks, 1, world.bugs);
  if (!fresh) return { sigbus: 'no space left for the write fault (ENOSPC)' };
  const contents = change === 'copy' ? visiblePage(state, world, ino, page) : new Array<number>(PAGE).fill(0);
  const meta = editInode(state, ino, (inode) => void (inode.extents[page] = { block: fresh[0]!, state: 'written' }));
  steps.step((d) => {
    if (change === 'copy' || !world.bugs.has('dax-alloc-skips-zeroing')) persistNow(d.cpu, blockAddress(world, fresh[0]!), contents, world);
    journal(d.fs, op, meta, [ino]);
  });
  return undefined;
}

/**
 * NOVA: the first mapped write to a page copies it to a fresh pmem page, recorded at once in the
 * inode's persistent list; msync/fsync, background writeback or recovery swap it in (DESIGN 1.3,
 * after Dave Chinner's description of NOVA in seeds/004).
 */
function novaFault(steps: Steps, world: World, ino: number, page: number, op: number): FaultFailure | undefined {
  const state = steps.current;
  const inode = liveMeta(state.fs).inodes[ino]!;
  if (inode.cow[page] === undefined) {
    const fresh = allocate(state.fs, liveMeta(state.fs), world.blocks, 1, world.bugs);
    if (!fresh) return { sigbus: 'no space left for the copy-on-write page (ENOSPC)' };
    const contents = visiblePage(state, world, ino, page);
    const meta = editInode(state, ino, (i) => void (i.cow[page] = fresh[0]!));
    steps.step((d) => {
      persistNow(d.cpu, blockAddress(world, fresh[0]!), contents, world);
      journal(d.fs, op, meta, [ino]);
      commitAll(d.fs);
    });
  }
  steps.step((d: Draft<Machine>) => {
    d.fs.writable[pageKey(ino, page)] = true;
    d.fs.daxDirty[pageKey(ino, page)] = true;
  });
  return undefined;
}

/** The media address of byte `off` of a DAX or NOVA file page after its write fault. */
export function faultedAddress(state: Machine, world: World, ino: number, off: number): number {
  const inode = liveMeta(state.fs).inodes[ino]!;
  const page = Math.floor(off / PAGE);
  return blockAddress(world, dataBlock(inode, page)!) + (off % PAGE);
}
