import type { TraceResult } from '../trace/check-trace.js';

/** How the in-process runs are timed: they take well under a millisecond, so each is repeated for a batch. */
export interface Timing {
  readonly rounds: number;
  readonly batchMs: number;
}

/** What a timed in-process run counted, as the side-by-side table prints it. */
export interface RunSummary {
  readonly crashPoints: number;
  readonly explored: number;
  readonly bounded: number;
  readonly states: number;
  readonly checkerCalls: number;
  readonly lazy: boolean;
  readonly distinct: number;
  readonly inconsistent: number;
}

/** One of `daxcheck trace`'s results as the table prints it. */
export function summaryOf(r: TraceResult): RunSummary {
  const { exhaustive, bounded, truncated } = r.coverage;
  return { crashPoints: r.crashPoints, explored: exhaustive.length + bounded.length + truncated.length, bounded: bounded.length, states: r.states, checkerCalls: r.checkerCalls, lazy: r.lazy, distinct: r.distinct, inconsistent: r.inconsistent.length };
}
