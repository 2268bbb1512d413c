import type { Bugs } from '../profiles/bugs.js';
import { checkLitmus, type ExpectationResult } from '../model/check/check.js';
import { UserError } from '../lang/errors.js';
import type { Expectation, Litmus } from '../lang/ast.js';
import type { Claim } from './claims.js';
import type { WorkloadTest } from './workload.js';

/** The result of the first expectation `test` fails, or undefined when it passes (or no longer runs). */
export function firstFailure(test: Litmus, bugs: Bugs): ExpectationResult | undefined {
  try {
    return checkLitmus(test, { bugs }).expectations.find((e) => !e.holds);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/**
 * Our minimizer, after fast-check's shrinking of the workload (DESIGN section 3): keep only the
 * violated claim's expectation and the observations it reads, then drop every operation whose
 * removal still violates it, one at a time until none can go. The writes the claim is about stay,
 * with their recipes and labels: without them a durability claim would fail for a trivial reason.
 * Deterministic: it tries operations from the last to the first.
 */
export function minimize({ test, writeOps }: WorkloadTest, violated: Claim, bugs: Bugs): Litmus {
  const kept = new Set(violated.writes.flatMap((i) => writeOps[i]!));
  let current = focus(test, violated.expectation);
  const fails = (t: Litmus) => firstFailure(t, bugs) !== undefined;
  if (!fails(current)) return test;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = current.program.length - 1; i >= 0; i--) {
      if (kept.has(current.program[i]!)) continue;
      const candidate = { ...current, program: current.program.filter((_, j) => j !== i) };
      if (fails(candidate)) {
        current = candidate;
        changed = true;
      }
    }
  }
  return current;
}

/** The test with only `violated` and the observations its condition reads. */
function focus(test: Litmus, violated: Expectation): Litmus {
  const names = new Set<string>();
  const visit = (c: Expectation['cond']): void => {
    if (c.kind === 'eq') names.add(c.name);
    else if (c.kind === 'not') visit(c.inner);
    else {
      visit(c.left);
      visit(c.right);
    }
  };
  visit(violated.cond);
  return { ...test, observations: test.observations.filter((o) => names.has(o.name)), expectations: [violated] };
}
