import type { Draft } from 'immer';
import { PAGE, splitPieces } from '../core/geometry.js';
import { type Machine, type Vma, type VmaTarget } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { dataBlock, liveSize, visiblePage } from '../kernel/content.js';
import { remember } from '../kernel/edit.js';
import { faultedAddress, writeFault } from '../kernel/fault.js';
import { cacheWrite } from '../kernel/pagecache.js';
import { liveMeta, type FsState } from '../fs/state.js';
import { sigbus, type StepOutcome } from '../kernel/outcome.js';
import { clflush, flushOpt, lockedStore, ntstore, store } from '../x86/persist.js';
import { Steps } from '../kernel/steps.js';

type FileTarget = Extract<VmaTarget, { kind: 'file' }>;
type Kind = 'store' | 'ntstore' | 'xchg';

/** The part of an access that falls in one file page. */
interface Segment {
  readonly page: number;
  readonly off: number;
  readonly bytes: readonly number[];
}

function segments(fileOff: number, bytes: readonly number[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < bytes.length; ) {
    const off = fileOff + i;
    const n = Math.min(bytes.length - i, PAGE - (off % PAGE));
    out.push({ page: Math.floor(off / PAGE), off, bytes: bytes.slice(i, i + n) });
    i += n;
  }
  return out;
}

/** Past the last page of the file: "Use of a mapped region can result in ... SIGBUS: attempted access to a page of the buffer that lies beyond the end of the mapped file" (mmap(2)). */
export function beyondEof(state: Machine, ino: number, fileOff: number, len: number): string | undefined {
  const pages = Math.ceil(liveSize(state, ino) / PAGE);
  return fileOff + len > pages * PAGE ? `file offset ${fileOff + len - 1} is beyond the last page of the file` : undefined;
}

/** A store, non-temporal store or xchg through a file mapping, in the mapping's mode (DESIGN 1.3). */
export function storeToFile(state: Machine, kind: Kind, vma: Vma, fileOff: number, bytes: readonly number[], world: World, op: number): StepOutcome {
  const target = vma.target as FileTarget;
  const eof = beyondEof(state, target.ino, fileOff, bytes.length);
  if (eof) return sigbus(eof);
  const steps = new Steps(state);
  for (const seg of segments(fileOff, bytes)) {
    if (target.mode === 'private') steps.step((d) => privateWrite(d, world, vma, seg));
    else if (target.mode === 'pagecache') steps.step((d) => pageCacheWrite(d, target.ino, seg));
    else {
      const failed = writeFault(steps, world, target, seg.page, op);
      if (failed) return sigbus(failed.sigbus);
      mediaWrite(steps, world, kind, target.ino, seg);
    }
  }
  return steps.done();
}

/** MAP_PRIVATE: the first write copies the page to private memory; the file never sees it (mmap(2)). */
function privateWrite(d: Draft<Machine>, world: World, vma: Vma, seg: Segment): void {
  const key = privateKey(vma, seg.page);
  const target = vma.target as FileTarget;
  const page = (d.fs.privatePages[key] ??= visiblePage(d as Machine, world, target.ino, seg.page));
  page.splice(seg.off % PAGE, seg.bytes.length, ...seg.bytes);
}

function pageCacheWrite(d: Draft<Machine>, ino: number, seg: Segment): void {
  cacheWrite(d, ino, seg.page, seg.off % PAGE, seg.bytes, liveSize(d as Machine, ino), false);
  remember(d, ino, seg.off, seg.bytes);
}

/** DAX and NOVA: the store goes to the CPU cache over the page's media block, one step per failure-atomic piece. */
function mediaWrite(steps: Steps, world: World, kind: Kind, ino: number, seg: Segment): void {
  const addr = faultedAddress(steps.current, world, ino, seg.off);
  if (kind === 'xchg') {
    steps.step((d) => {
      lockedStore(d.cpu, addr, seg.bytes, world);
      remember(d, ino, seg.off, seg.bytes);
    });
    return;
  }
  let at = 0;
  for (const { bytes: { length: n } } of splitPieces(addr, seg.bytes)) {
    const part = seg.bytes.slice(at, at + n);
    const where = addr + at;
    const fileOff = seg.off + at;
    steps.step((d) => {
      if (kind === 'store') store(d.cpu, where, part);
      else ntstore(d.cpu, where, part, world);
      remember(d, ino, fileOff, part);
    });
    at += n;
  }
}

/** The key of a private copy: the mapping (by the address of its file offset 0) and the page. */
export function privateKey(vma: Vma, page: number): string {
  return `${vma.start - vma.off}:${page}`;
}

/** What a load through a file mapping sees: the private copy, else the file page as the process sees it. */
export function loadFromFile(state: Machine, world: World, vma: Vma, fileOff: number, size: number): number[] | string {
  const target = vma.target as FileTarget;
  const eof = beyondEof(state, target.ino, fileOff, size);
  if (eof) return eof;
  return segments(fileOff, new Array<number>(size).fill(0)).flatMap((seg) => {
    const page = (target.mode === 'private' && state.fs.privatePages[privateKey(vma, seg.page)]) || visiblePage(state, world, target.ino, seg.page);
    return page.slice(seg.off % PAGE, (seg.off % PAGE) + seg.bytes.length);
  });
}

/** A cache-line flush through a file mapping: it acts on media only for DAX and NOVA pages that have a block. */
export function flushFile(d: Draft<Machine>, world: World, kind: 'clflush' | 'clflushopt' | 'clwb', vma: Vma, fileOff: number): void {
  const target = vma.target as FileTarget;
  if (target.mode === 'pagecache' || target.mode === 'private') return; // DRAM: nothing to persist
  const block = dataBlock(liveMeta(d.fs as FsState).inodes[target.ino]!, Math.floor(fileOff / PAGE));
  if (block === undefined) return;
  const addr = blockAddress(world, block) + (fileOff % PAGE);
  if (kind === 'clflush') clflush(d.cpu, addr, world);
  else flushOpt(d.cpu, addr, world);
}
