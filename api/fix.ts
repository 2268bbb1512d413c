import type { Litmus } from '../lang/ast.js';
import { printLitmus } from '../lang/print.js';
import { findFix, type FixOptions } from '../fix/search.js';
import type { Counterexample } from '../report/counterexample.js';
import { fixSummary, type FixSummary } from '../report/fix-summary.js';
import { fixText } from '../report/fix-text.js';
import { loaded } from './counterexamples.js';
import { asInput, checked } from './litmus.js';

/** The smallest verified fix of a program: what `daxcheck fix` finds and prints. */
export interface Fix {
  /** The fix in one line and where it was verified, or why there is none (nothing to fix, none within the bound). */
  readonly summary: FixSummary;
  /** The fixed program, when there is a fix. */
  readonly fixed?: Litmus;
  /** What `daxcheck fix` prints: the fix as a diff of the program's text, where it was verified, the candidates rejected. */
  readonly text: string;
}

/**
 * Searches the smallest set of edits (a fence, flushes, `msync`, `fdatasync`, `fsync`, `MAP_SYNC`,
 * `O_DSYNC`, a move) after which every expectation of the test, or of the counterexample's
 * program, holds and nothing that held before breaks, each candidate checked by the model
 * (docs/fix.md). `maxSize` bounds the edits (default 2). A malformed input is an InputError.
 */
export function fix(input: Litmus | Counterexample, options: Pick<FixOptions, 'maxSize'> = {}): Fix {
  const { test, source, name } = 'schema' in input ? { test: loaded(input).test, source: input.program, name: input.name } : fromTest(input);
  const result = asInput(name, () => findFix(test, options));
  const text = fixText(name, source, result).join('\n');
  return { summary: fixSummary(result), text, ...(result.kind === 'fixed' ? { fixed: result.edited.test } : {}) };
}

/** A test with the positions of its printed text, which the diff is of. */
function fromTest(test: Litmus): { test: Litmus; source: string; name: string } {
  const parsed = checked(test);
  return { test: parsed, source: printLitmus(parsed), name: test.name };
}
