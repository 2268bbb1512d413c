import type { Choice } from '../model/check/explore.js';
import type { Pending, PendingFlush } from '../model/x86/cpu.js';
import type { StoreRecord } from '../lang/trace/records.js';
import type { CrashPoint } from './machine.js';

/** A crash point as a counterexample needs it after the run has moved on: its stores in flight and flushes waiting. */
export interface PointSnapshot {
  readonly record: number;
  readonly at: CrashPoint['at'];
  readonly markers: readonly string[];
  readonly cached: readonly Pending[];
  readonly flushes: readonly PendingFlush[];
  readonly stores: ReadonlyMap<number, StoreRecord>;
}

/** One crash state that gave an image: where, by which choices, and how many pieces in flight it persisted. */
export interface Witness {
  readonly point: PointSnapshot;
  readonly choices: readonly Choice[];
  readonly persisted: number;
}

/** A snapshot of `point` (its arrays are replaced, never changed in place, by the x86 rules). */
export function snapshotOf(point: CrashPoint): PointSnapshot {
  const stores = new Map([...new Set(point.cpu.cached.map((p) => p.op))].map((op) => [op, point.stores.get(op)!]));
  return { record: point.record, at: point.at, markers: point.markers, cached: [...point.cpu.cached], flushes: [...point.cpu.flushes], stores };
}

/** How many pieces in flight a crash state persisted: a line's choice is how many of its pieces it kept, in program order. */
export function persistedCount(choices: readonly Choice[]): number {
  return choices.reduce((n, c) => n + (c.site.kind === 'line' ? c.chosen : 0), 0);
}
