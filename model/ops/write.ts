import { PAGE, splitPieces, valueBytes } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { allocate } from '../fs/alloc.js';
import { liveSize, visiblePage } from '../kernel/content.js';
import { editInode, remember } from '../kernel/edit.js';
import { commitAll, journal } from '../fs/journal.js';
import { blockRange, type Inode } from '../fs/meta.js';
import { cacheWrite, writeBack } from '../kernel/pagecache.js';
import { liveMeta, type FsState } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import { fence, flushOpt, persistNow, store } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { isInode, named } from './fs-common.js';
import { refuseFrozen } from './frozen.js';
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
  const refused = changesBlockMap(inode, op.off, bytes.length) ? refuseFrozen(state, inode, world, 'the write') : undefined;
  if (refused) return refused;
  if (inode.kind === 'cow-log') return novaWrite(state, inode, op, bytes, world, index);
  const direct = op.flags.includes('O_DIRECT');
  if (inode.kind === 'pagecache' && direct && (op.off % 512 !== 0 || bytes.length % 512 !== 0)) {
    return errno('EINVAL', 'O_DIRECT needs offset and length aligned to the logical block size, 512 (open(2) O_DIRECT)');
  }
  const steps = new Steps(state);
  const failed = inode.kind === 'dax' || direct ? mediaWrite(steps, inode, op, bytes, world, index) : bufferedWrite(steps, inode, op, bytes, world, index);
  if (failed) return failed;
  return syncAfterWrite(steps, world, inode.ino, op, bytes.length, index);
}

/**
 * DAX write() and O_DIRECT: blocks are allocated or converted first (zeroed durably before the
 * handle can commit: dax.rst; for O_DIRECT into holes, unwritten extents converted at I/O
 * completion, fs/ext4/file.c ext4_dio_write_iter), the data is copied to media ending in a fence
 * (DESIGN 1.2), and the size grows in a handle after the copy (ext4_handle_inode_extension,
 * xfs_dio_write_end_io). The kernel's copy (memcpy_flushcache) writes each line in address order;
 * the model lets each line keep any program-order prefix of its 8-byte pieces until the fence, as
 * a flushed cached copy would, rather than any subset: a 4 KiB write would otherwise have 2^512
 * torn states. One crash point after the copy and before the fence stands for every torn state,
 * since each earlier point's states are among its own.
 */
function mediaWrite(steps: Steps, inode: Inode, op: WriteOp, bytes: number[], world: World, index: number): StepOutcome | undefined {
  const pageCache = inode.kind === 'pagecache';
  if (pageCache) steps.step((d) => void writeBack(d, world, inode.ino, index, blockRange(op.off, bytes.length)));
  const mapped = mapForWrite(steps, inode.ino, op.off, bytes.length, world, index, pageCache ? 'unwritten' : 'written');
  if (mapped) return mapped;
  const segs = pieces(steps.current, inode.ino, op.off, bytes, world);
  steps.step((d) => {
    for (const seg of segs) {
      store(d.cpu, seg.addr, seg.bytes);
      flushOpt(d.cpu, seg.addr, world);
      remember(d, inode.ino, seg.fileOff, seg.bytes);
    }
  });
  steps.step((d) => fence(d.cpu, 'sfence', world));
  const end = op.off + bytes.length;
  const grows = end > liveMeta(steps.current.fs).inodes[inode.ino]!.size;
  if (pageCache || grows) {
    const meta = editInode(steps.current, inode.ino, (i) => {
      for (const p of blockRange(op.off, bytes.length)) i.extents[p] = { ...i.extents[p]!, state: 'written' };
      if (end > i.size) i.size = end;
    });
    steps.step((d) => journal(d.fs, index, meta, [inode.ino]));
  }
  return undefined;
}

/** Allocates (as `state`) the holes of the range and converts or copies its other non-written blocks, in one handle. */
function mapForWrite(steps: Steps, ino: number, off: number, len: number, world: World, index: number, state: 'written' | 'unwritten'): StepOutcome | undefined {
  const inode = liveMeta(steps.current.fs).inodes[ino]!;
  const pages = blockRange(off, len).filter((p) => inode.extents[p]?.state !== 'written' || inode.extents[p]?.shared);
  if (pages.length === 0) return undefined;
  const holes = pages.filter((p) => !inode.extents[p] || inode.extents[p]!.shared);
  const fresh = allocate(steps.current.fs, liveMeta(steps.current.fs), world.blocks, holes.length, world.bugs);
  if (!fresh) return errno('ENOSPC', 'no free block');
  const copies = holes.map((p) => (inode.extents[p]?.shared ? visiblePage(steps.current, world, ino, p) : undefined));
  const meta = editInode(steps.current, ino, (i) => {
    holes.forEach((p, n) => void (i.extents[p] = { block: fresh[n]!, state: copies[n] ? 'written' : state }));
    for (const p of pages) if (!holes.includes(p)) i.extents[p] = { ...i.extents[p]!, state: 'written' };
  });
  steps.step((d) => {
    pages.forEach((p) => {
      const n = holes.indexOf(p);
      const block = meta.inodes[ino]!.extents[p]!.block;
      const content = n >= 0 ? copies[n] : undefined;
      if (content || !world.bugs.has('dax-alloc-skips-zeroing')) persistNow(d.cpu, blockAddress(world, block), content ?? new Array<number>(PAGE).fill(0), world);
    });
    journal(d.fs, index, meta, [ino]);
  });
  return undefined;
}

/** The failure-atomic pieces of `bytes` written at file offset `off`, at their media addresses. */
function pieces(state: Machine, ino: number, off: number, bytes: readonly number[], world: World) {
  const inode = liveMeta(state.fs).inodes[ino]!;
  const out: { addr: number; fileOff: number; bytes: number[] }[] = [];
  let at = 0;
  while (at < bytes.length) {
    const fileOff = off + at;
    const addr = blockAddress(world, inode.extents[Math.floor(fileOff / PAGE)]!.block) + (fileOff % PAGE);
    const [piece] = splitPieces(addr, bytes.slice(at, at + Math.min(8, PAGE - (fileOff % PAGE))));
    out.push({ addr, fileOff, bytes: [...piece!.bytes] });
    at += piece!.bytes.length;
  }
  return out;
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
  steps.step((d) => {
    const isize = Math.max(liveSize(d as Machine, inode.ino), end);
    if (meta) journal(d.fs, index, meta, [inode.ino]);
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

