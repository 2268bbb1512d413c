/** The limits a user may set on one check, as the command line names them. */
export type LimitName = 'max-evaluations' | 'max-states' | 'timeout';

/**
 * How much one check may do (`--max-evaluations`, `--max-states`, `--timeout`). The model reads no
 * clock: the time allowed is a question it asks the caller between two evaluations.
 */
export interface Budget {
  /** Most recovery runs over the whole test. */
  readonly maxEvaluations?: number;
  /** Most crash states over the whole test: a crash point that would pass it is not explored. */
  readonly maxStates?: bigint;
  /** True once the time allowed has run out. */
  readonly expired?: () => boolean;
  /** How the command line wrote the timeout, for the message that names it. */
  readonly timeout?: string;
}

/** Where a check stopped: the limit that stopped it, as given, and how many crash points it had explored. */
export interface Stopped {
  readonly limit: LimitName;
  readonly value: string;
  /** Crash points explored whole before the stop. */
  readonly explored: number;
  readonly points: number;
}

/** The limit `spent` has reached, if any: recovery runs so far, and the crash states counted so far with those of the next point. */
export function reached(budget: Budget, spent: { readonly evaluations: number; readonly states: bigint }): { limit: LimitName; value: string } | undefined {
  if (budget.maxEvaluations !== undefined && spent.evaluations >= budget.maxEvaluations) return { limit: 'max-evaluations', value: `${budget.maxEvaluations}` };
  if (budget.maxStates !== undefined && spent.states > budget.maxStates) return { limit: 'max-states', value: `${budget.maxStates}` };
  if (budget.expired?.()) return { limit: 'timeout', value: budget.timeout ?? '' };
  return undefined;
}
