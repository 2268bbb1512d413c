import type { Pos } from '../lang/ast.js';
import { InternalError, UserError } from '../lang/errors.js';
import { asUserError } from './per-file.js';

/** An error a unit threw in a worker thread, as data: a thread can send an error's message and stack, but not its class. */
export interface UnitFailure {
  readonly message: string;
  readonly at?: Pos;
  readonly internal: boolean;
  readonly stack?: string;
}

/** What a unit's error becomes, as the one-line error it is shown as. */
export function failureOf(e: unknown): UnitFailure {
  const error = asUserError(e);
  const stack = error instanceof InternalError && error.cause instanceof Error ? error.cause.stack : undefined;
  return { message: error.message, internal: error instanceof InternalError, ...(error.at ? { at: error.at } : {}), ...(stack ? { stack } : {}) };
}

/** The error again in the main thread, of the class that gives its exit status, with its stack for `--debug`. */
export function errorOf({ message, at, internal, stack }: UnitFailure): UserError {
  return internal ? new InternalError(message, Object.assign(new Error(message), { stack })) : new UserError(message, at);
}
