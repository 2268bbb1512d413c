import { checkLitmus, type CheckOptions, type TestResult } from '../model/check/check.js';
import { UserError, formatUserError } from '../lang/errors.js';
import { ExplorationLimit } from '../model/check/explore.js';
import type { Litmus } from '../lang/ast.js';
import { jsonError, jsonReport } from '../report/json.js';
import { loadLitmus } from '../lang/load.js';
import { textReport } from '../report/text.js';

/** The result of running one litmus file: its text and JSON reports, or its one-line error. */
export type FileRun =
  | { readonly kind: 'ran'; readonly file: string; readonly test: Litmus; readonly result: TestResult; readonly text: string; readonly json: Record<string, unknown> }
  | { readonly kind: 'error'; readonly file: string; readonly message: string; readonly json: Record<string, unknown> };

/** Loads, checks and reports one file; user errors become an error result, never an exception. */
export function runFile(file: string, options: CheckOptions = {}): FileRun {
  let test: Litmus | undefined;
  try {
    test = loadLitmus(file);
    const result = checkLitmus(test, options);
    return { kind: 'ran', file, test, result, text: textReport(test, result), json: jsonReport(file, test, result) };
  } catch (e) {
    const error = e instanceof UserError ? e : new UserError(e instanceof ExplorationLimit ? e.message : `internal error, please report it with this file: ${String(e)}`);
    const message = formatUserError(file, error);
    return { kind: 'error', file, message, json: jsonError(file, { ...error.at, message: error.message }, test?.name) };
  }
}

/** Exit status for a set of runs: 2 if any errored, 1 if any failed, else 0. */
export function exitStatus(runs: readonly FileRun[]): number {
  if (runs.some((r) => r.kind === 'error')) return 2;
  return runs.some((r) => r.kind === 'ran' && r.result.verdict === 'fail') ? 1 : 0;
}
