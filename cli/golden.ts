import { formatUserError, UserError } from '../lang/errors.js';
import { readText } from '../lang/read-text.js';

/** The golden report of a litmus test: `foo.litmus` has `foo.expected` beside it. */
export function goldenPath(file: string): string {
  return file.replace(/\.litmus$/, '') + '.expected';
}

/** A golden file's text (a test's report, or the matrix's table); a file that cannot be read is a user error naming it. */
export function readGolden(file: string): string {
  try {
    return readText(file);
  } catch (e) {
    throw e instanceof UserError ? new UserError(formatUserError(file, e)) : e;
  }
}
