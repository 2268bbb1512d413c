import type { Litmus, Pos } from '../lang/ast.js';
import { formatUserError, InternalError, UserError } from '../lang/errors.js';
import { parseLitmus as parseText } from '../lang/parse.js';
import { printLitmus as printText } from '../lang/print.js';
import { readText } from '../lang/read-text.js';

/**
 * Bad input from the user: a litmus text that does not parse, a configuration value that does not
 * exist, an operation on an unmapped address. `message` is the one line the command line prints,
 * `FILE:LINE:COL: REASON`; the parts are fields too.
 */
export class InputError extends Error {
  /** Where in the file the problem is, when known. */
  readonly line?: number;
  readonly col?: number;

  constructor(
    readonly file: string,
    readonly reason: string,
    at?: Pos,
  ) {
    super(formatUserError(file, new UserError(reason, at)));
    this.name = 'InputError';
    if (at) Object.assign(this, { line: at.line, col: at.col });
  }
}

/** Runs `work`; a user error it throws comes out as an InputError naming `file` (a bug in daxcheck stays what it is). */
export function asInput<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof UserError && !(e instanceof InternalError)) throw new InputError(file, e.message, e.at);
    throw e;
  }
}

/** Parses litmus text (docs/language.md); `file` names it in errors. Throws an InputError at the first problem. */
export function parseLitmus(text: string, file = '<litmus>'): Litmus {
  return asInput(file, () => parseText(text));
}

/** Reads and parses a litmus file. */
export function readLitmus(path: string): Litmus {
  return asInput(path, () => parseText(readText(path)));
}

/** The test as litmus text: `parseLitmus(printLitmus(t))` is `t` again (positions aside). */
export function printLitmus(test: Litmus): string {
  return printText(test);
}

/**
 * The test as it reads back from its own text, so that what the language cannot say (a name with a
 * space, a negative size) is an InputError now and not a surprise later; positions in errors from
 * checking it then refer to the lines of `printLitmus(test)`.
 */
export function checked(test: Litmus): Litmus {
  return parseLitmus(printText(test), `${test.name} (as printed)`);
}
