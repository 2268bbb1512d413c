import { PAGE, splitPieces } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { allocate } from '../fs/alloc.js';
import { visiblePage } from '../kernel/content.js';
import { editInode, remember } from '../kernel/edit.js';
import { journal } from '../fs/journal.js';
import { blockRange, type Inode, type Meta } from '../fs/meta.js';
import { writeBack } from '../kernel/pagecache.js';
import { liveMeta } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import { copyFlushcache, fence, persistNow } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import type { Steps } from '../kernel/steps.js';

/**
 * DAX write() and O_DIRECT: blocks are allocated or converted first (zeroed durably before the
 * handle can commit: dax.rst; for O_DIRECT into holes, unwritten extents converted at I/O
 * completion, fs/ext4/file.c ext4_dio_write_iter), the data is copied to media, and the size grows
 * in a handle after the copy (ext4_handle_inode_extension, xfs_dio_write_end_io). Both copy with
 * memcpy_flushcache (copyFlushcache). One crash point after the copy stands for every torn state,
 * since each earlier point's states are among its own.
 */
export function mediaWrite(steps: Steps, inode: Inode, op: OpOf<'write'>, bytes: number[], world: World, index: number): StepOutcome | undefined {
  const pageCache = inode.kind === 'pagecache';
  if (pageCache) steps.step((d) => void writeBack(d, world, inode.ino, index, blockRange(op.off, bytes.length)));
  const mapped = mapForWrite(steps, inode.ino, op.off, bytes.length, world, index, pageCache ? 'unwritten' : 'written');
  if (mapped) return mapped;
  const segs = pieces(steps.current, inode.ino, op.off, bytes, world);
  steps.step((d) => {
    for (const seg of segs) {
      copyFlushcache(d.cpu, seg.addr, seg.bytes, world);
      remember(d, inode.ino, seg.fileOff, seg.bytes);
    }
  });
  const meta = afterCopy(steps.current, inode.ino, op.off, bytes.length);
  // The pmem driver fences an O_DIRECT copy only for REQ_PREFLUSH or REQ_FUA (drivers/nvdimm/pmem.c
  // pmem_submit_bio), which a journal commit issues before its commit record (jbd2
  // journal_submit_commit_record), so the copy is durable before a handle after it can commit. DAX
  // write() is taken to fence its copy (docs/semantics.md).
  if (!pageCache || meta || world.bugs.has('odirect-fenced')) steps.step((d) => fence(d.cpu, 'sfence', world));
  if (meta) steps.step((d) => journal(d.fs, index, meta, [inode.ino]));
  return undefined;
}

/**
 * The metadata a direct write changes after its copy, if any: unwritten extents become written
 * (ext4_dio_write_end_io, at I/O completion) and the size grows (ext4_handle_inode_extension,
 * xfs_dio_write_end_io).
 */
function afterCopy(state: Machine, ino: number, off: number, len: number): Meta | undefined {
  const inode = liveMeta(state.fs).inodes[ino]!;
  const convert = blockRange(off, len).filter((p) => inode.extents[p]!.state !== 'written');
  if (convert.length === 0 && off + len <= inode.size) return undefined;
  return editInode(state, ino, (i) => {
    for (const p of convert) i.extents[p] = { ...i.extents[p]!, state: 'written' };
    i.size = Math.max(i.size, off + len);
  });
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
