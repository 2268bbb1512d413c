import type { Evidence, TestResult } from '../model/check/check.js';
import { showObserved } from '../model/check/observe.js';
import type { Litmus } from '../lang/ast.js';
import { describePoint } from './describe.js';
import { printExpectation } from '../lang/print.js';
import { printOp } from '../lang/print-op.js';

/** A crash state that decides something: where the crash was, what persisted, what recovery observed. */
export interface CrashStateReport {
  /** The crash point's index among the test's crash points, and where it is in the test's lines. */
  readonly crashPoint: { readonly index: number; readonly description: string };
  /** What persisted, in words: each choice the observations read. */
  readonly persisted: readonly string[];
  /** Each observation's value after recovery, as `show` prints it. */
  readonly observed: Readonly<Record<string, string>>;
}

/** One expectation's verdict, with a witness (an `exists` that holds) or a counterexample (any that fails, when there is a crash state to show). */
export interface ExpectationReport {
  readonly text: string;
  readonly holds: boolean;
  readonly witness?: CrashStateReport;
  readonly counterexample?: CrashStateReport;
}

/** One test's result as data: the JSON object `daxcheck run --format json` prints for it (DESIGN section 2). */
export interface TestReport {
  readonly name: string;
  readonly file: string;
  readonly verdict: TestResult['verdict'];
  readonly expectations: readonly ExpectationReport[];
  /** Each `=> ERRNO` or `=> SIGBUS` annotation: whether the operation failed as annotated. */
  readonly annotations: readonly { readonly line: number | null; readonly operation: string; readonly holds: boolean; readonly actual: string; readonly reason: string | null }[];
  /** The filesystem's safety properties (tests that use a filesystem only). */
  readonly safety: readonly { readonly property: string; readonly holds: boolean; readonly expectedToFail: boolean; readonly detail?: string; readonly counterexample?: CrashStateReport }[];
  /** How often the first expectation's condition held, and the header's `Result:` claim. */
  readonly observation: TestResult['observation'] | null;
  /** Each distinct outcome (the observations' values after recovery) and how many crash states showed it. */
  readonly outcomes: readonly { readonly outcome: string; readonly count: number }[];
  /** `crashStates` is a decimal string: the count can pass 2^53. */
  readonly stats: { readonly crashPoints: number; readonly crashStates: string; readonly evaluations: number };
  /** Where a limit stopped the check, when one did. */
  readonly stopped: TestResult['stopped'] | null;
  readonly error: null;
}

/** One test's result as the JSON object of `daxcheck run --format json` (DESIGN section 2). */
export function jsonReport(file: string, test: Litmus, r: TestResult): TestReport {
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

function evidence(test: Litmus, e: Evidence): CrashStateReport {
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
