import type { Litmus } from '../lang/ast.js';
import { loadLitmus } from '../lang/load.js';
import { checkLitmus, type CheckOptions } from '../model/check/check.js';
import type { FileRun } from '../report/events.js';
import { errorStatus, EXIT } from './exit.js';
import { asUserError } from './per-file.js';

/** Loads and checks one file; its failure becomes an error result, never an exception. */
export function runFile(file: string, options: CheckOptions = {}): FileRun {
  let test: Litmus | undefined;
  try {
    test = loadLitmus(file);
    return { kind: 'ran', file, test, result: checkLitmus(test, options) };
  } catch (e) {
    return { kind: 'error', file, error: asUserError(e), ...(test ? { name: test.name } : {}) };
  }
}

/** The exit status of one run: 2 (3 for an internal error) if it errored or a limit stopped it undecided, 1 if it failed, else 0. */
export function runStatus(run: FileRun): number {
  if (run.kind === 'error') return errorStatus(run.error);
  return { pass: EXIT.ok, fail: EXIT.verdict, incomplete: EXIT.usage }[run.result.verdict];
}
