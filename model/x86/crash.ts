import type { Bugs } from '../../profiles/bugs.js';
import { applyPiece, durableLine, type CpuState, type Pending } from './cpu.js';
import type { Persistence } from '../core/persistence.js';

/**
 * The crash states of the CPU half (DESIGN 1.1), resolved lazily: a line's persisted contents are
 * chosen only when an observation reads that line, through an `Oracle` that the explorer drives.
 */
export interface Oracle {
  /** Returns a choice in `0 .. size-1` for the named site; the explorer tries each in turn. */
  choose(site: string, size: number): number;
}

/** The persisted bytes of lines after a crash, chosen on demand. */
export interface MediaView {
  readLine(line: number): readonly number[];
}

interface Ctx {
  readonly cpu: CpuState;
  readonly persistence: Persistence;
  readonly bugs: Bugs;
  readonly initial: (line: number) => readonly number[];
}

/** A view of the media after a crash in state `ctx.cpu`, whose unresolved choices go to `oracle`. */
export function crashView(ctx: Ctx, oracle: Oracle): MediaView {
  const cache = new Map<number, readonly number[]>();
  const cachedChoice = ctx.persistence.crashKeeps === 'store-buffer-prefix' ? storeBufferPrefix(ctx.cpu, oracle) : perLinePrefix(ctx, oracle);
  return {
    readLine(line) {
      let bytes = cache.get(line);
      if (!bytes) {
        bytes = resolveLine(ctx, line, cachedChoice(line), oracle);
        cache.set(line, bytes);
      }
      return bytes;
    },
  };
}

function resolveLine(ctx: Ctx, line: number, cached: readonly Pending[], oracle: Oracle): readonly number[] {
  const base = durableLine(ctx.cpu, line, ctx.initial);
  const image = { bytes: [...base.bytes], seqs: [...base.seqs] };
  const landed = ctx.cpu.nt.filter((p) => p.line === line && oracle.choose(`nt ${p.seq}`, 2) === 1);
  for (const piece of [...cached, ...landed]) applyPiece(image, piece);
  return image.bytes;
}

/**
 * ADR: each line persists some program-order prefix of its pending stores (per-line FIFO: Px86,
 * Raad et al. POPL 2020 §3; eviction may happen at any moment, so any prefix is possible).
 */
function perLinePrefix(ctx: Ctx, oracle: Oracle): (line: number) => Pending[] {
  return (line) => {
    const pending = ctx.cpu.cached.filter((p) => p.line === line);
    if (ctx.bugs.has('no-eviction')) return [];
    if (ctx.bugs.has('line-out-of-order')) {
      const mask = oracle.choose(`line ${line}`, 2 ** pending.length);
      return pending.filter((_, i) => (mask >> i) & 1);
    }
    return pending.slice(0, oracle.choose(`line ${line}`, pending.length + 1));
  };
}

/**
 * eADR: the caches are persistent, so what is lost is a suffix of the store buffer, which drains in
 * program order (x86-TSO): the persisted cached stores are one global program-order prefix. Each
 * line's share of that prefix is chosen separately, narrowing the prefix lengths still possible, so
 * only the lines observations read are ever resolved.
 */
function storeBufferPrefix(cpu: CpuState, oracle: Oracle): (line: number) => Pending[] {
  let lo = 0;
  let hi = cpu.cached.length;
  return (line) => {
    const at = cpu.cached.flatMap((p, i) => (p.line === line ? [i] : []));
    const count = (k: number) => at.filter((i) => i < k).length;
    const min = count(lo);
    const c = min + oracle.choose(`line ${line}`, count(hi) - min + 1);
    lo = Math.max(lo, c === 0 ? 0 : at[c - 1]! + 1);
    hi = Math.min(hi, c < at.length ? at[c]! : hi);
    return at.slice(0, c).map((i) => cpu.cached[i]!);
  };
}

/** How many crash states the CPU half allows in `cpu`: the product of every line's and piece's choices. */
export function countCrashStates(ctx: Omit<Ctx, 'initial'>): bigint {
  const nt = 2n ** BigInt(ctx.cpu.nt.length);
  if (ctx.persistence.crashKeeps === 'store-buffer-prefix') return BigInt(ctx.cpu.cached.length + 1) * nt;
  if (ctx.bugs.has('no-eviction')) return nt;
  const perLine = new Map<number, number>();
  for (const p of ctx.cpu.cached) perLine.set(p.line, (perLine.get(p.line) ?? 0) + 1);
  let total = nt;
  for (const n of perLine.values()) total *= ctx.bugs.has('line-out-of-order') ? 2n ** BigInt(n) : BigInt(n + 1);
  return total;
}
