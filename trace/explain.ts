import type { StoreRecord } from '../lang/trace/records.js';
import type { Persistence } from '../model/core/persistence.js';
import type { Pending } from '../model/x86/cpu.js';
import type { Witness } from './witness.js';
import type { Choice } from '../model/check/explore.js';

/** A store in flight at the crash point, as a counterexample names it. */
export interface StoreInFlight {
  readonly store: StoreRecord;
  /**
   * Whether the crash state persisted it, and how: its flush had been issued (not yet fenced) or only
   * eviction could; or not, though the checker fails either way (`either`, past the shrunk "not persisted" side).
   */
  readonly persisted: 'by-flush' | 'by-eviction' | 'either' | 'no';
}

/**
 * The stores in flight on the lines the check read, in program order, each persisted or not by the
 * witness's crash state. Per line (ADR) a choice is how many of the line's pieces persisted, in
 * program order; on eADR, where one store-buffer prefix spans the lines, the stores are listed as
 * in flight without saying which persisted. `lost`, the choices with the "not persisted" side
 * shrunk, tells the stores that may persist as well from those that must not.
 */
export function storesInFlight(witness: Witness, persistence: Persistence, lost: readonly Choice[] = witness.choices): StoreInFlight[] | undefined {
  if (persistence.crashKeeps !== 'line-prefixes') return undefined;
  const { cached, flushes, stores } = witness.point;
  const kept = keptBy(cached, witness.choices);
  const mayKeep = keptBy(cached, lost);
  const read = new Set(witness.choices.flatMap((c) => (c.site.kind === 'line' ? [c.site.line] : [])));
  const byStore = new Map<number, Pending[]>();
  for (const p of cached) if (read.has(p.line)) byStore.set(p.op, [...(byStore.get(p.op) ?? []), p]);
  return [...byStore].map(([op, pieces]) => {
    const flushed = pieces.every((p) => flushes.some((f) => f.line === p.line && p.seq <= f.upto));
    const persisted = pieces.some((p) => kept.has(p.seq)) ? (flushed ? 'by-flush' : 'by-eviction') : pieces.some((p) => mayKeep.has(p.seq)) ? 'either' : 'no';
    return { store: stores.get(op)!, persisted };
  });
}

/** The pieces a crash state's line choices keep: each line's first `chosen` pieces in program order. */
function keptBy(cached: readonly Pending[], choices: readonly Choice[]): Set<number> {
  const kept = new Set<number>();
  for (const { site, chosen } of choices) {
    if (site.kind !== 'line') continue;
    const line = site.line;
    cached.filter((p) => p.line === line).slice(0, chosen).forEach((p) => kept.add(p.seq));
  }
  return kept;
}
