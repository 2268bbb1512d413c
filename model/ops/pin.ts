import type { Draft } from 'immer';
import { PAGE, valueBytes } from '../core/geometry.js';
import { type Machine, type Vma } from '../kernel/machine.js';
import { type World } from '../core/world.js';
import { translate } from '../kernel/memory.js';
import { liveSize, visiblePage } from '../kernel/content.js';
import { remember } from '../kernel/edit.js';
import { faultedAddress, writeFault } from '../kernel/fault.js';
import { cacheWrite } from '../kernel/pagecache.js';
import type { PinnedPage } from '../fs/state.js';
import { errno, sigbus, type StepOutcome } from '../kernel/outcome.js';
import { persistNow } from '../x86/persist.js';
import type { Op, OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { beyondEof, privateKey } from './file-access.js';
import { freeOrphans } from './fs-common.js';
import { userError } from '../../lang/messages.js';
import { range } from '../core/range.js';

/**
 * `p = pin m OFF LEN [longterm]`: get_user_pages(FOLL_WRITE) for a device's DMA. It write-faults
 * every page (so DAX blocks are allocated) and resolves each to a physical page once. Long-term pins
 * of fsdax pages fail (mm/gup.c check_vma_flags: vma_is_fsdax && FOLL_LONGTERM -> EOPNOTSUPP).
 */
export function runPin(state: Machine, op: OpOf<'pin'>, world: World, index: number): StepOutcome {
  if (state.fs.pins[op.dst]) throw userError('pinHeld', op.at, op.dst);
  const target = translate(state, op.map, op.off, op.len, op.at);
  if (target.kind === 'sigbus') return errno('EFAULT', target.reason);
  if (target.kind === 'media') {
    const first = target.addr - (target.addr % PAGE);
    return pinned(new Steps(state), op, pages(op.off, op.len).map((_, i) => ({ kind: 'media' as const, addr: first + i * PAGE })));
  }
  const file = target.vma.target;
  if (file.kind !== 'file') throw new Error('unreachable');
  if (file.mode === 'dax' && op.longterm) return errno('EOPNOTSUPP', 'long-term pin of fsdax pages (mm/gup.c check_vma_flags)');
  if (beyondEof(state, file.ino, target.fileOff, op.len)) return errno('EFAULT', 'the range reaches past the end of the file');
  const steps = new Steps(state);
  const out: PinnedPage[] = [];
  for (const page of pages(target.fileOff, op.len)) {
    const pin = pinPage(steps, world, target.vma, page, index);
    if (typeof pin === 'string') return sigbus(pin);
    out.push(pin);
  }
  return pinned(steps, op, out);
}

/** The file (or device) page numbers that `[off, off+len)` touches. */
function pages(off: number, len: number): number[] {
  const first = Math.floor(off / PAGE);
  return range(Math.floor((off + len - 1) / PAGE) - first + 1, first);
}

function pinPage(steps: Steps, world: World, vma: Vma, page: number, index: number): PinnedPage | string {
  const file = vma.target as Extract<Vma['target'], { kind: 'file' }>;
  if (file.mode === 'pagecache') return { kind: 'pagecache', ino: file.ino, page };
  if (file.mode === 'private') return { kind: 'private', key: privateKey(vma, page), ino: file.ino, page };
  const failed = writeFault(steps, world, file, page, index);
  if (failed) return failed.sigbus;
  return { kind: 'media', addr: faultedAddress(steps.current, world, file.ino, page * PAGE), ino: file.ino, page };
}

function pinned(steps: Steps, op: OpOf<'pin'>, list: PinnedPage[]): StepOutcome {
  return steps.step((d) => void (d.fs.pins[op.dst] = { map: op.map, off: op.off, len: op.len, pages: list })).done();
}

/**
 * `dma p OFF VALUE`: the device writes into the pinned pages, wherever they are now: a media page
 * (the DMA reaches the memory controller, in the ADR domain, so it is durable once it completes),
 * a page-cache page (dirty, written back later) or a private copy.
 */
export function runDma(state: Machine, op: OpOf<'dma'>, world: World): StepOutcome {
  const pin = state.fs.pins[op.pin];
  if (!pin) throw userError('unknownPin', op.at, op.pin);
  const bytes = valueBytes(op.value);
  if (op.off + bytes.length > pin.len) throw userError('dmaOutsidePin', op.at, bytes.length, op.off, op.pin, pin.len);
  const base = pin.off % PAGE;
  return new Steps(state)
    .step((d) => {
      for (let i = 0; i < bytes.length; ) {
        const at = base + op.off + i;
        const n = Math.min(bytes.length - i, PAGE - (at % PAGE));
        dmaInto(d, world, pin.pages[Math.floor(at / PAGE)]!, at % PAGE, bytes.slice(i, i + n));
        i += n;
      }
    })
    .done();
}

function dmaInto(d: Draft<Machine>, world: World, page: PinnedPage, off: number, bytes: number[]): void {
  if (page.kind === 'media') {
    persistNow(d.cpu, page.addr + off, bytes, world);
    if (page.ino !== undefined) remember(d, page.ino, page.page! * PAGE + off, bytes);
  } else if (page.kind === 'pagecache') {
    cacheWrite(d, page.ino, page.page, off, bytes, liveSize(d as Machine, page.ino), false);
    remember(d, page.ino, page.page * PAGE + off, bytes);
  } else {
    const copy = (d.fs.privatePages[page.key] ??= visiblePage(d as Machine, world, page.ino, page.page));
    copy.splice(off, bytes.length, ...bytes);
  }
}

/** `unpin p`: the device lets go; truncates and hole punches that waited for it (pins=wait) now run. */
export function runUnpin(state: Machine, op: OpOf<'unpin'>, index: number, run: (s: Machine, o: Op) => StepOutcome): StepOutcome {
  if (!state.fs.pins[op.pin]) throw userError('unknownPin', op.at, op.pin);
  const waiting = state.fs.deferred[op.pin] ?? [];
  let steps: Machine[] = [];
  let current = freeOrphans(
    new Steps(state).step((d) => {
      delete d.fs.pins[op.pin];
      delete d.fs.deferred[op.pin];
    }),
    index,
  ).current;
  steps.push(current);
  for (const job of waiting) {
    const deferred: Op = job.kind === 'truncate' ? { op: 'truncate', file: job.file, len: job.off } : { op: 'fallocate', file: job.file, off: job.off, len: job.len, mode: 'PUNCH_HOLE' };
    const outcome = run(current, deferred);
    if (!outcome.ok) continue;
    steps = [...steps, ...outcome.steps];
    current = steps[steps.length - 1]!;
  }
  return { ok: true, steps };
}
