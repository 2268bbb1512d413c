import type { Expectation, Litmus } from '../lang/ast.js';
import type { TestResult } from '../model/check/check.js';
import { counterexample, LITMUS_EXPECTATION, type Counterexample } from './counterexample.js';

/** What a litmus test's result has to persist: the counterexamples it shows, and the failing `exists` expectations, which have none. */
export interface LitmusCounterexamples {
  readonly found: readonly Counterexample[];
  /** A failing `exists` is shown by every crash state, so no one crash state is its counterexample. */
  readonly unwitnessed: readonly Expectation[];
}

/**
 * The counterexamples of a litmus test: one for each failing `forall` or `~exists`, named
 * `TEST.eN` after the expectation's index N, and one for each violated safety property the header
 * does not claim with `Safety: PROPERTY fails`, named `TEST.PROPERTY`. Check with `minimal: true`
 * for the crash states that persisted the least.
 */
export function litmusCounterexamples(test: Litmus, result: TestResult): LitmusCounterexamples {
  const base = { test, cell: null, fastCheck: null };
  const failed = result.expectations.filter((e) => !e.holds);
  const expectations = failed.flatMap(({ id, expectation, evidence }) =>
    evidence ? [counterexample({ ...base, name: litmusName(test, `e${id}`), violation: { property: LITMUS_EXPECTATION, expectation }, evidence })] : [],
  );
  const safety = result.safety.flatMap(({ property, holds, expectedToFail, evidence }) =>
    !holds && !expectedToFail && evidence ? [counterexample({ ...base, name: litmusName(test, property), violation: { property }, evidence })] : [],
  );
  return { found: [...expectations, ...safety], unwitnessed: failed.filter((e) => !e.evidence).map((e) => e.expectation) };
}

/** `TEST.WHAT`, with every character of the test's name that a file name should not hold (a `/`, a space) as `_`. */
function litmusName(test: Litmus, what: string): string {
  return `${test.name.replace(/[^\w+=,.-]/g, '_').replace(/^\./, '_')}.${what}`;
}
