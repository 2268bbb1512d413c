import type { Machine } from '../kernel/machine.js';

/** A moment at which power may fail: the state then, and where in the program it is. */
export interface CrashPoint {
  readonly state: Machine;
  /** How many operations of the program had completed. */
  readonly completed: number;
  /** Set when the crash is between two micro-steps of operation `completed`: after `step` of `of`. */
  readonly inside?: { readonly step: number; readonly of: number };
}

/**
 * Crash points past this many are not kept but run again from the start when asked for: a long
 * program's states would otherwise all stay in memory for the whole check (about 700 bytes per
 * operation, and the crash view's per-state caches on top), while a short one keeps them so that
 * asking twice costs nothing and gives the same state objects.
 */
export const KEPT_POINTS = 10_000;

/**
 * The crash points of one run of a program, in program order: kept when there are few, otherwise
 * produced again by `replay` (a deterministic run of pure transitions) each time they are walked,
 * so that walking them holds one state at a time.
 */
export class CrashPoints implements Iterable<CrashPoint> {
  constructor(
    /** How many crash points the run has. */
    readonly length: number,
    private readonly replay: () => Iterable<CrashPoint>,
    private readonly kept?: readonly CrashPoint[],
  ) {}

  [Symbol.iterator](): Iterator<CrashPoint> {
    return (this.kept ?? this.replay())[Symbol.iterator]();
  }

  /** Each crash point with its index. */
  *entries(): Generator<[number, CrashPoint]> {
    let index = 0;
    for (const point of this) yield [index++, point];
  }

  /** The crash point at `index`, or undefined when there is none (a long run is walked up to it). */
  get(index: number): CrashPoint | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    if (this.kept) return this.kept[index];
    for (const [i, point] of this.entries()) if (i === index) return point;
    return undefined;
  }
}
