import type { Evidence, TestResult } from '../model/check/check.js';
import { showObserved } from '../model/check/observe.js';
import type { Litmus } from '../lang/ast.js';
import { describePoint } from './describe.js';
import { printExpectation } from '../lang/print.js';
import { printOp } from '../lang/print-op.js';

/** One test's result as the JSON object of `daxcheck run --json` (DESIGN section 2). */
export function jsonReport(file: string, test: Litmus, r: TestResult): Record<string, unknown> {
  return {
    name: r.name,
    file,
    verdict: r.verdict,
    expectations: r.expectations.map((e) => ({
      text: printExpectation(e.expectation),
      holds: e.holds,
      ...(e.evidence ? { [e.expectation.quantifier === 'exists' && e.holds ? 'witness' : 'counterexample']: evidence(test, e.evidence) } : {}),
    })),
    annotations: r.annotations.map((a) => ({
      line: test.program[a.index]!.at?.line ?? null,
      operation: printOp(test.program[a.index]!),
      holds: a.holds,
      actual: a.actual?.name ?? 'success',
      reason: a.reason ?? null,
    })),
    safety: r.safety.map((s) => ({ property: s.property, holds: s.holds, expectedToFail: s.expectedToFail, ...(s.evidence ? { detail: s.detail, counterexample: evidence(test, s.evidence) } : {}) })),
    observation: r.observation ?? null,
    outcomes: r.outcomes.map((o) => ({ outcome: o.text, count: o.count })),
    stats: { crashPoints: r.stats.crashPoints, crashStates: r.stats.crashStates.toString(), evaluations: r.stats.evaluations },
    stopped: r.stopped ?? null,
    error: null,
  };
}

function evidence(test: Litmus, e: Evidence): Record<string, unknown> {
  return {
    crashPoint: { index: e.pointIndex, description: describePoint(e.point, test) },
    persisted: e.persisted,
    observed: Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, showObserved(v)])),
  };
}

/** The JSON object for a test that could not run. */
export function jsonError(file: string, error: { line?: number; col?: number; message: string }, name?: string): Record<string, unknown> {
  return { name: name ?? null, file, verdict: 'error', expectations: [], outcomes: [], stats: null, error: { file, line: error.line ?? null, column: error.col ?? null, message: error.message } };
}
