import type { Cond, Expectation, Scope, Value } from './ast.js';

/**
 * Constructors of the litmus AST's conditions, scopes, expectations and values: the same nodes the
 * parser makes, for code that writes tests (the matrix's claims, the laws, the public builder).
 */

/** What a condition compares an observation with: an integer (little-endian) or a string. */
export type Expected = number | bigint | string;

/** `name = value`: the observation reads `value`. */
export function eq(name: string, value: Expected): Cond {
  return { kind: 'eq', name, value: typeof value === 'string' ? { kind: 'str', text: value } : { kind: 'int', value: BigInt(value) } };
}

/** Every condition holds (`/\`); `allOf()` of none is not allowed. */
export function allOf(...conds: readonly Cond[]): Cond {
  return joined('and', conds);
}

/** Some condition holds (`\/`). */
export function anyOf(...conds: readonly Cond[]): Cond {
  return joined('or', conds);
}

/** The condition does not hold (`~`). */
export function not(inner: Cond): Cond {
  return { kind: 'not', inner };
}

function joined(kind: 'and' | 'or', conds: readonly Cond[]): Cond {
  if (conds.length === 0) throw new RangeError(`${kind === 'and' ? 'allOf' : 'anyOf'} needs at least one condition`);
  return conds.reduce((left, right) => ({ kind, left, right }));
}

/** Crash points after the label: `after LABEL`. */
export const after = (label: string): Scope => ({ kind: 'after', label });
/** Crash points before the label: `before LABEL`. */
export const before = (label: string): Scope => ({ kind: 'before', label });
/** Every crash point (the default scope). */
export const everywhere: Scope = { kind: 'all' };
/** Only the crash after the last operation: `at end`. */
export const atEnd: Scope = { kind: 'end' };

/** `forall [scope]: cond`: every crash state in scope satisfies it. */
export function forall(cond: Cond, scope: Scope = everywhere): Expectation {
  return { quantifier: 'forall', scope, cond };
}

/** `exists [scope]: cond`: some crash state in scope satisfies it. */
export function exists(cond: Cond, scope: Scope = everywhere): Expectation {
  return { quantifier: 'exists', scope, cond };
}

/** `~exists [scope]: cond`: no crash state in scope satisfies it. */
export function never(cond: Cond, scope: Scope = everywhere): Expectation {
  return { quantifier: 'not-exists', scope, cond };
}

/** A value to write: an integer (8 bytes little-endian unless `width` says), a string's UTF-8 bytes, or an AST value as is. */
export function valueOf(value: Expected | Value, width = 8): Value {
  if (typeof value === 'string') return { kind: 'str', text: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'int', value: BigInt(value), width };
  return value;
}

/** `0xAB*64`: one byte repeated `count` times. */
export function repeat(byte: number, count: number): Value {
  return { kind: 'repeat', byte, count };
}
