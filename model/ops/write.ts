import { PAGE, valueBytes } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { allocate } from '../fs/alloc.js';
import { liveSize, visiblePage } from '../kernel/content.js';
import { editInode, remember } from '../kernel/edit.js';
import { commitAll, journal, uncommitted } from '../fs/journal.js';
import { blockRange, type Inode, type Meta } from '../fs/meta.js';
import { cacheWrite } from '../kernel/pagecache.js';
import { liveMeta, type FsState } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import { persistNow } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { isInode, named } from './fs-common.js';
import { refuseFrozen, refuseResize } from './frozen.js';
import { mediaWrite } from './media-write.js';
import { syncAfterWrite } from './sync.js';

type WriteOp = OpOf<'write'>;

/** Whether writing `[off, off+len)` needs the block map to change: a hole, an unwritten or shared block. */
export function changesBlockMap(inode: Inode, off: number, len: number): boolean {
  return blockRange(off, len).some((p) => inode.extents[p]?.state !== 'written' || inode.extents[p]?.shared === true);
}

/** `write f OFF VALUE [O_DIRECT] [O_DSYNC] [O_SYNC]`, by the file's kind (DESIGN 1.2, 1.3). */
export function runWrite(state: Machine, op: WriteOp, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  const bytes = valueBytes(op.value);
  const refused = refuseWrite(state, inode, op.off, bytes.length, world);
  if (refused) return refused;
  if (inode.kind === 'cow-log') return novaWrite(state, inode, op, bytes, world, index);
  const direct = op.flags.includes('O_DIRECT');
  if (inode.kind === 'pagecache' && direct && (op.off % 512 !== 0 || bytes.length % 512 !== 0)) {
    return errno('EINVAL', 'O_DIRECT needs offset and length aligned to the logical block size, 512 (open(2) O_DIRECT)');
  }
  const steps = touchTimes(new Steps(state), world, inode.ino, index);
  const failed = inode.kind === 'dax' || direct ? mediaWrite(steps, inode, op, bytes, world, index) : bufferedWrite(steps, inode, op, bytes, world, index);
  if (failed) return failed;
  return syncAfterWrite(steps, world, inode.ino, op, bytes.length, index);
}

/** ETXTBSY for a write past the end of a sealed file, or one that changes a frozen block map. */
function refuseWrite(state: Machine, inode: Inode, off: number, len: number, world: World): StepOutcome | undefined {
  const resized = off + len > liveSize(state, inode.ino) ? refuseResize(state, inode, world, 'a write past the end') : undefined;
  return resized ?? (changesBlockMap(inode, off, len) ? refuseFrozen(state, inode, world, 'the write') : undefined);
}

/**
 * write() updates the file's mtime before it copies (file_modified -> ext4_dirty_inode;
 * xfs_vn_update_time), so the inode is in the running transaction and fsync commits it, while
 * fdatasync does not wait for a timestamp (ext4 i_datasync_tid; xfs_file_fsync ignores
 * XFS_ILOG_TIMESTAMP). A handle of the inode already waiting to commit carries the update too.
 */
function touchTimes(steps: Steps, world: World, ino: number, index: number): Steps {
  if (world.bugs.has('write-skips-mtime') || uncommitted(steps.current.fs, ino, false)) return steps;
  const meta = liveMeta(steps.current.fs);
  return steps.step((d) => journal(d.fs, index, meta, [ino], []));
}

/**
 * Buffered write() to a page-cache file: the bytes land in page-cache pages (volatile). In
 * data=journal the data joins the operation's handle, with the blocks it needs, in program order
 * (ext4.rst "data=journal"; delayed allocation is off in that mode).
 */
function bufferedWrite(steps: Steps, inode: Inode, op: WriteOp, bytes: number[], world: World, index: number): StepOutcome | undefined {
  const end = op.off + bytes.length;
  const journaled = world.options.data === 'journal';
  const meta = journaled ? journaledMeta(steps.current, inode.ino, op.off, bytes.length, world) : undefined;
  if (journaled && !meta) return errno('ENOSPC', 'no free block');
  const grown = journaled ? undefined : sizeAtWrite(steps.current, inode.ino, end, world);
  steps.step((d) => {
    const isize = Math.max(liveSize(d as Machine, inode.ino), end);
    if (meta) journal(d.fs, index, meta, [inode.ino]);
    if (grown) journal(d.fs, index, grown, [inode.ino]);
    let at = 0;
    for (const p of blockRange(op.off, bytes.length)) {
      const from = Math.max(op.off, p * PAGE);
      const n = Math.min(end, (p + 1) * PAGE) - from;
      // The page's starting contents follow the block as it was before this write allocated it.
      cacheWrite(d, inode.ino, p, from % PAGE, bytes.slice(at, at + n), isize, journaled, inode.extents[p]?.state !== 'written');
      at += n;
    }
    if (!journaled && isize > liveMeta(d.fs as FsState).inodes[inode.ino]!.size) d.fs.isize[inode.ino] = isize;
    remember(d, inode.ino, op.off, bytes);
  });
  return undefined;
}

/**
 * The metadata with the new size when an append ends inside an allocated, written block and the
 * filesystem journals that size at write() time (FsProfile.sizeAtWrite: ext4_da_do_write_end), so a
 * commit before writeback shows it over the block's old bytes.
 */
function sizeAtWrite(state: Machine, ino: number, end: number, world: World): Meta | undefined {
  const last = liveMeta(state.fs).inodes[ino]!.extents[Math.floor((end - 1) / PAGE)];
  const allocated = last?.state === 'written' && !last.shared;
  if (!world.profile.sizeAtWrite || world.bugs.has('size-at-writeback') || !allocated || end <= liveSize(state, ino)) return undefined;
  return editInode(state, ino, (i) => void (i.size = end));
}

function journaledMeta(state: Machine, ino: number, off: number, len: number, world: World) {
  const inode = liveMeta(state.fs).inodes[ino]!;
  const holes = blockRange(off, len).filter((p) => !inode.extents[p]);
  const fresh = allocate(state.fs, liveMeta(state.fs), world.blocks, holes.length, world.bugs);
  if (!fresh) return undefined;
  return editInode(state, ino, (i) => {
    holes.forEach((p, n) => void (i.extents[p] = { block: fresh[n]!, state: 'written' }));
    for (const p of blockRange(off, len)) i.extents[p] = { ...i.extents[p]!, state: 'written' };
    i.size = Math.max(i.size, off + len);
  });
}

/**
 * NOVA write(): copy-on-write into fresh pages, then one atomic log append, so the write is atomic
 * and durable when it returns (Xu & Swanson, "NOVA", FAST 2016 §4.3): a single micro-step.
 */
function novaWrite(state: Machine, inode: Inode, op: WriteOp, bytes: number[], world: World, index: number): StepOutcome {
  const pages = blockRange(op.off, bytes.length);
  const fresh = allocate(state.fs, liveMeta(state.fs), world.blocks, pages.length, world.bugs);
  if (!fresh) return errno('ENOSPC', 'no free block');
  const contents = pages.map((p) => {
    const page = visiblePage(state, world, inode.ino, p);
    for (let o = Math.max(op.off, p * PAGE); o < Math.min(op.off + bytes.length, (p + 1) * PAGE); o++) page[o % PAGE] = bytes[o - op.off]!;
    return page;
  });
  const meta = editInode(state, inode.ino, (i) => {
    pages.forEach((p, n) => void (i.extents[p] = { block: fresh[n]!, state: 'written' }));
    i.size = Math.max(i.size, op.off + bytes.length);
  });
  return new Steps(state)
    .step((d) => {
      pages.forEach((_, n) => persistNow(d.cpu, blockAddress(world, fresh[n]!), contents[n]!, world));
      journal(d.fs, index, meta, [inode.ino]);
      commitAll(d.fs);
      remember(d, inode.ino, op.off, bytes);
    })
    .done();
}

