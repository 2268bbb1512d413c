import type { Bugs } from '../../profiles/bugs.js';
import { applyPiece, copyLine, durableLine, visibleLine, type CpuState, type Pending } from './cpu.js';
import { hostCrashView, hostOf, hostSources } from './host-crash.js';
import type { Persistence } from '../core/persistence.js';
import { HAPPENED, resolve, type Oracle, type Source } from '../core/source.js';

/** The persisted bytes of lines after a crash, chosen on demand. */
export interface MediaView {
  readLine(line: number): ArrayLike<number>;
}

interface Ctx {
  readonly cpu: CpuState;
  readonly persistence: Persistence;
  readonly bugs: Bugs;
  readonly initial: (line: number) => readonly number[];
}

/**
 * The crash states of the CPU half (DESIGN 1.1), resolved lazily: a line's persisted contents are
 * chosen only when an observation reads that line, through an `Oracle` that the explorer drives. What
 * the media keeps follows the failure (DESIGN 1.5): the CPU's persistence rules, the host's writeback
 * of its page cache, or every executed store when only the guest died.
 */
export function crashView(ctx: Ctx, oracle: Oracle): MediaView {
  switch (ctx.persistence.media) {
    case 'executed':
      return { readLine: (line) => visibleLine(ctx.cpu, line, ctx.initial) };
    case 'host-writeback':
      return hostCrashView(hostOf(ctx.cpu), ctx.initial, oracle);
    case 'cpu':
      return cpuCrashView(ctx, oracle);
  }
}

function cpuCrashView(ctx: Ctx, oracle: Oracle): MediaView {
  const cache = new Map<number, ArrayLike<number>>();
  const cached = cachedReader(cachedSources(ctx), oracle);
  return {
    readLine(line) {
      let bytes = cache.get(line);
      if (!bytes) {
        bytes = resolveLine(ctx, line, cached(line), oracle);
        cache.set(line, bytes);
      }
      return bytes;
    },
  };
}

/** Every source of the CPU half's crash states (DESIGN 1.1): the cached stores kept and each non-temporal piece, or the host's pages written back. */
export function cpuSources(ctx: Omit<Ctx, 'initial'>): Source<unknown>[] {
  switch (ctx.persistence.media) {
    case 'executed':
      return [];
    case 'host-writeback':
      return [...hostSources(hostOf(ctx.cpu)).values()];
    case 'cpu':
      return [...new Set(cachedSources(ctx).values()), ...ctx.cpu.nt.map(() => HAPPENED)];
  }
}

function resolveLine(ctx: Ctx, line: number, cached: readonly Pending[], oracle: Oracle): ArrayLike<number> {
  const image = copyLine(durableLine(ctx.cpu, line, ctx.initial));
  const landed = ctx.cpu.nt.filter((p) => p.line === line && resolve(oracle, { kind: 'nt', seq: p.seq }, HAPPENED));
  for (const piece of [...cached, ...landed]) applyPiece(image, piece);
  return image.bytes;
}

/** Which pending cached pieces a crash keeps: each option keeps some of them. */
type Kept = Source<readonly Pending[]>;

/**
 * The source that decides each line's cached stores. ADR: each line persists some program-order
 * prefix of its pending stores (per-line FIFO: Px86, Raad et al. POPL 2020 §3; eviction may happen
 * at any moment, so any prefix is possible), a source per line. eADR: the caches are persistent, so
 * what is lost is a suffix of the store buffer, which drains in program order (x86-TSO): one
 * program-order prefix of all cached stores, a single source that every line shares.
 */
function cachedSources(ctx: Omit<Ctx, 'initial'>): Map<number, Kept> {
  const { cached } = ctx.cpu;
  const lines = new Map<number, Pending[]>();
  for (const p of cached) lines.set(p.line, [...(lines.get(p.line) ?? []), p]);
  const prefix: Kept = { options: cached.length + 1, outcome: (k) => cached.slice(0, k) };
  return new Map([...lines].map(([line, pending]) => [line, ctx.persistence.crashKeeps === 'store-buffer-prefix' ? prefix : linePrefix(pending, ctx.bugs)]));
}

function linePrefix(pending: readonly Pending[], bugs: Bugs): Kept {
  if (bugs.has('no-eviction')) return { options: 1, outcome: () => [] };
  if (bugs.has('line-out-of-order')) return { options: 2 ** pending.length, outcome: (mask) => pending.filter((_, i) => (mask >> i) & 1) };
  return { options: pending.length + 1, outcome: (k) => pending.slice(0, k) };
}

/**
 * Reads each line's share of its source: the line's options are the distinct sets of its pieces
 * that the source's options still open keep, and choosing one narrows the source for the lines read
 * after it. So a shared eADR prefix is chosen line by line, only for the lines observations read.
 */
function cachedReader(sources: ReadonlyMap<number, Kept>, oracle: Oracle): (line: number) => readonly Pending[] {
  const open = new Map<Kept, readonly number[]>();
  return (line) => {
    const source = sources.get(line);
    if (!source) return [];
    const shares = new Map<string, { kept: readonly Pending[]; options: number[] }>();
    for (const option of open.get(source) ?? Array.from({ length: source.options }, (_, i) => i)) {
      const kept = source.outcome(option).filter((p) => p.line === line);
      const key = kept.map((p) => p.seq).join();
      shares.set(key, { kept, options: [...(shares.get(key)?.options ?? []), option] });
    }
    const chosen = [...shares.values()][oracle.choose({ kind: 'line', line }, shares.size)]!;
    open.set(source, chosen.options);
    return chosen.kept;
  };
}
