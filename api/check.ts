import type { Litmus } from '../lang/ast.js';
import { readText } from '../lang/read-text.js';
import { checkLitmus } from '../model/check/check.js';
import type { Budget } from '../model/check/budget.js';
import type { Counterexample } from '../report/counterexample.js';
import { jsonReport, type TestReport } from '../report/json.js';
import { textReport } from '../report/text.js';
import { litmusCounterexamples } from '../report/litmus-counterexamples.js';
import { asInput, parseLitmus } from './litmus.js';

/** Limits on a check and a way to watch it; a check with no options explores every crash point. */
export interface CheckOptions {
  /** Most recovery runs over the whole test, most crash states: past one, the check stops with verdict `incomplete` and says where. */
  readonly maxEvaluations?: number;
  readonly maxStates?: bigint;
  /** Called after each crash point with how far the check has got. */
  readonly progress?: (done: { readonly explored: number; readonly points: number; readonly evaluations: number }) => void;
}

/**
 * A test's result as data: what `daxcheck run --format json` prints for it, and the counterexample
 * records of its failures (what `daxcheck run --out DIR` writes), which `writeCounterexample`,
 * `replay` and `explain` take.
 */
export interface Report extends TestReport {
  /** The herd-style text report `daxcheck run` prints. */
  readonly text: string;
  readonly counterexamples: readonly Counterexample[];
}

/**
 * Runs a litmus test: every crash point, every crash state its observations can tell apart, every
 * expectation and safety property. Each counterexample is the one that persisted the least.
 * Throws an InputError when the test cannot run (an unknown configuration value, an unmapped address).
 */
export function check(test: Litmus, options: CheckOptions = {}, file = `${test.name}.litmus`): Report {
  return asInput(file, () => {
    const budget: Budget = { ...(options.maxEvaluations === undefined ? {} : { maxEvaluations: options.maxEvaluations }), ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }) };
    const result = checkLitmus(test, { minimal: true, budget, ...(options.progress ? { progress: options.progress } : {}) });
    return { ...jsonReport(file, test, result), text: textReport(test, result), counterexamples: litmusCounterexamples(test, result).found };
  });
}

/** Reads, parses and checks a litmus file. */
export function checkFile(path: string, options: CheckOptions = {}): Report {
  const test = parseLitmus(asInput(path, () => readText(path)), path);
  return check(test, options, path);
}
