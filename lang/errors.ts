import type { Pos } from './ast.js';

/**
 * An error the user can cause (bad litmus text, an unknown configuration value, an operation on an
 * unmapped address). The CLI prints it as one line `FILE:LINE:COL: MESSAGE` and exits 2; it is never
 * shown as a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** Where in the litmus file the problem is, when known. */
    readonly at?: Pos,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A failure of daxcheck itself (a bug), shown like a user error on one line, but with exit status 3
 * so that it is never read as a verdict; `cause` keeps the original error for `--debug`.
 */
export class InternalError extends UserError {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'InternalError';
  }
}

/** `FILE:LINE:COL: MESSAGE`, the one-line form every user error is printed in. */
export function formatUserError(file: string, error: UserError): string {
  const where = error.at ? `${file}:${error.at.line}:${error.at.col}` : file;
  return `${where}: ${error.message}`;
}
