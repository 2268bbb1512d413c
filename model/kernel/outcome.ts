import type { Machine } from './machine.js';
import type { Failure } from '../../lang/ast.js';

/**
 * What one operation did: the states after each of its micro-steps (the last is the state after
 * the operation; the others are crash points inside it), or the error it failed with.
 */
export type StepOutcome =
  | { readonly ok: true; readonly steps: readonly Machine[] }
  | { readonly ok: false; readonly failure: Failure; readonly reason: string };

/** The operation succeeded in one atomic step. */
export function done(state: Machine): StepOutcome {
  return { ok: true, steps: [state] };
}

/** The operation failed with `errno`; `reason` says which rule, with its source. */
export function errno(name: string, reason: string): StepOutcome {
  return { ok: false, failure: { kind: 'errno', name }, reason };
}

/** The operation raised SIGBUS. */
export function sigbus(reason: string): StepOutcome {
  return { ok: false, failure: { kind: 'signal', name: 'SIGBUS' }, reason };
}
