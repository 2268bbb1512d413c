import type { StoreRecord } from '../lang/trace/records.js';
import type { Persistence } from '../model/core/persistence.js';
import type { Pending } from '../model/x86/cpu.js';
import type { Witness } from './witness.js';

/** A store in flight at the crash point, as a counterexample names it. */
export interface StoreInFlight {
  readonly store: StoreRecord;
  /** Whether the crash state persisted it, and how: its flush had been issued (not yet fenced) or only eviction could. */
  readonly persisted: 'by-flush' | 'by-eviction' | 'no';
}

/**
 * The stores in flight on the lines the check read, in program order, each persisted or not by the
 * witness's crash state. Per line (ADR) a choice is how many of the line's pieces persisted, in
 * program order; on eADR, where one store-buffer prefix spans the lines, the stores are listed as
 * in flight without saying which persisted.
 */
export function storesInFlight(witness: Witness, persistence: Persistence): StoreInFlight[] | undefined {
  if (persistence.crashKeeps !== 'line-prefixes') return undefined;
  const { cached, flushes, stores } = witness.point;
  const kept = new Set<number>();
  const read = new Set<number>();
  for (const choice of witness.choices) {
    if (choice.site.kind !== 'line') continue;
    const line = choice.site.line;
    read.add(line);
    cached.filter((p) => p.line === line).slice(0, choice.chosen).forEach((p) => kept.add(p.seq));
  }
  const byStore = new Map<number, Pending[]>();
  for (const p of cached) if (read.has(p.line)) byStore.set(p.op, [...(byStore.get(p.op) ?? []), p]);
  return [...byStore].map(([op, pieces]) => {
    const flushed = pieces.every((p) => flushes.some((f) => f.line === p.line && p.seq <= f.upto));
    const persisted = pieces.some((p) => kept.has(p.seq)) ? (flushed ? 'by-flush' : 'by-eviction') : 'no';
    return { store: stores.get(op)!, persisted };
  });
}
