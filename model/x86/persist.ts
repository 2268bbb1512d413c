import { castDraft, type Draft } from 'immer';
import type { Bugs } from '../../profiles/bugs.js';
import { addStore, makeDurable, storeDurable, type CpuState, type Pending, type PendingFlush } from './cpu.js';
import { LINE, lineOf } from '../core/geometry.js';
import type { Persistence } from '../core/persistence.js';

/** What the persistence rules need besides the CPU state. */
export interface PersistContext {
  readonly persistence: Persistence;
  readonly bugs: Bugs;
  /** The media contents of a line no store has reached. */
  readonly initial: (line: number) => readonly number[];
}

/** A store: the pieces go to the cache (DESIGN 1.1; Intel SDM vol. 3A §9.2.2 [formerly §8.2.2]). */
export function store(cpu: Draft<CpuState>, addr: number, bytes: readonly number[]): void {
  addStore(cpu, addr, bytes, false);
}

/**
 * A non-temporal store (MOVNTI, MOVNTDQ): its pieces bypass the cache and may land at any time until
 * the next fence. "If the memory being written to is present in the cache hierarchy, the data in the
 * caches is evicted" (Intel SDM vol. 1 §10.4.6.2 [formerly §10.4.6.2], caching of temporal vs
 * non-temporal data), so earlier cached stores to the same lines are written back by that fence too.
 */
export function ntstore(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], ctx: PersistContext): void {
  const before = cpu.seq - 1;
  const pieces = addStore(cpu, addr, bytes, true);
  if (!ctx.persistence.writebackPersists) return;
  for (const line of new Set(pieces.map((p) => p.line))) pushFlush(cpu, line, before);
}

/**
 * `clflush`: ordered with all stores and other clflushes (SDM vol. 3A §9.2.2: "CLFLUSH is ordered
 * with respect to ... writes"); by the next operation every earlier store to the line is persistent
 * (DESIGN 1.1). On eADR the earlier stores to the line have then left the store buffer, and the store
 * buffer drains in program order, so every store before the last one to that line is persistent too.
 * With `size`, a clflush of each line of `size` bytes at `addr` in turn, taken in one pass over the
 * pieces in flight.
 */
export function clflush(cpu: Draft<CpuState>, addr: number, ctx: PersistContext, size = 1): void {
  const [first, last] = [lineOf(addr), lineOf(addr + size - 1)];
  const covered = (p: Pending) => p.line >= first && p.line <= last;
  if (ctx.bugs.has('clflush-unordered')) {
    for (let line = first; line <= last; line++) pushFlush(cpu, line, cpu.seq - 1);
    return;
  }
  if (ctx.persistence.drainedStoresPersist) {
    const latest = cpu.cached.findLast(covered);
    if (latest) makeDurable(cpu, cpu.cached.filter((p) => p.seq <= latest.seq), ctx.initial);
    return;
  }
  makeDurable(cpu, cpu.cached.filter(covered), ctx.initial);
}

/**
 * `clflushopt` and `clwb`: "ordered only by store-fencing operations" (SDM vol. 2A CLFLUSHOPT, CLWB),
 * so they take effect at the next sfence, mfence or locked read-modify-write. On eADR the fence
 * persists everything anyway, so they add nothing (DESIGN 1.1).
 */
export function flushOpt(cpu: Draft<CpuState>, addr: number, ctx: PersistContext): void {
  if (!ctx.persistence.writebackPersists) return;
  pushFlush(cpu, lineOf(addr), cpu.seq - 1);
}

/**
 * A waiting flush as a class instance: immer drafts every plain object read through a draft, and a
 * fence reads every waiting flush.
 */
class WaitingFlush implements PendingFlush {
  constructor(
    readonly line: number,
    readonly upto: number,
  ) {}
}

function pushFlush(cpu: Draft<CpuState>, line: number, upto: number): void {
  cpu.flushes.push(castDraft(new WaitingFlush(line, upto)));
}

/**
 * `sfence`, `mfence` or a locked instruction: completes pending flushes and non-temporal stores
 * (SDM vol. 3A §9.2.2: "SFENCE instructions cannot pass earlier writes or executions of CLFLUSH and
 * CLFLUSHOPT"). On eADR it also drains the store buffer, so every earlier store is persistent.
 */
export function fence(cpu: Draft<CpuState>, kind: 'sfence' | 'mfence' | 'locked', ctx: PersistContext): void {
  if (kind === 'sfence' && ctx.bugs.has('sfence-noop')) return;
  if (ctx.persistence.drainedStoresPersist) {
    makeDurable(cpu, [...cpu.cached, ...cpu.nt], ctx.initial);
  } else {
    makeDurable(cpu, [...fencedFlushes(cpu), ...cpu.nt], ctx.initial);
  }
  cpu.flushes = [];
}

/** The cached pieces a waiting flush covers: each line's pieces up to the latest of its flushes (one pass over each list, as both are read through the draft). */
function fencedFlushes(cpu: CpuState): Pending[] {
  if (cpu.flushes.length === 0) return [];
  const upto = new Map<number, number>();
  for (const f of cpu.flushes) upto.set(f.line, Math.max(f.upto, upto.get(f.line) ?? -1));
  return cpu.cached.filter((p) => p.seq <= (upto.get(p.line) ?? -1));
}

/**
 * `xchg` with a memory operand is locked (SDM vol. 2B XCHG: "the processor's locking protocol is
 * automatically implemented"), so it fences first; its own store then sits in the cache, where eADR
 * makes it persistent because a locked store is globally visible when the instruction completes.
 */
export function lockedStore(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], ctx: PersistContext): void {
  fence(cpu, 'locked', ctx);
  const pieces = addStore(cpu, addr, bytes, false);
  if (ctx.persistence.drainedStoresPersist) makeDurable(cpu, pieces, ctx.initial);
}

/**
 * Writes `bytes` at `addr` so that they are persistent when the step ends: what the kernel does
 * with non-temporal copies and a fence (DAX write(), block zeroing), or what writeback I/O does.
 */
export function persistNow(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], ctx: PersistContext): void {
  storeDurable(cpu, addr, bytes, ctx.initial);
}

/**
 * memcpy_flushcache (arch/x86/lib/usercopy_64.c), the copy of DAX write() and of the pmem driver
 * (drivers/nvdimm/pmem.c write_pmem): the bytes leave the cache, but nothing fences them. The kernel
 * uses non-temporal stores; the model writes cached stores and flushes their lines, so each line
 * keeps a program-order prefix of its 8-byte pieces until the next fence rather than any subset:
 * fewer torn states (a 4 KiB copy would otherwise have 2^512), each read once per line.
 */
export function copyFlushcache(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], ctx: PersistContext): void {
  store(cpu, addr, bytes);
  for (let line = lineOf(addr); line <= lineOf(addr + bytes.length - 1); line++) flushOpt(cpu, line * LINE, ctx);
}
