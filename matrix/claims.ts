import type { Cond, Expectation, Observation } from '../lang/ast.js';
import type { Mode } from './modes.js';
import type { Write } from './recipes.js';

/** The properties a cell checks: durability always, atomicity and ordering where the mode promises them. */
/** The properties a workload test claims. */
export const PROPERTIES = ['durability', 'atomicity', 'ordering'] as const;
export type Property = (typeof PROPERTIES)[number];

/** One claim of a workload test: a property of some of its writes, stated as one expectation. */
export interface Claim {
  readonly property: Property;
  /** Indices of the writes the claim is about (ordering is about two). */
  readonly writes: readonly number[];
  readonly expectation: Expectation;
}

/** The label that acknowledges write `i`: its durability claim holds from there on. */
export const ackLabel = (i: number) => `ack${i}`;

/** Every claim `mode` makes about `writes`: each durable once acknowledged; each atomic, and all in order, where the mode promises it. */
export function claimsOf(mode: Mode, writes: readonly Write[]): Claim[] {
  const parts = (i: number, value: (len: number) => bigint) => all(windows(writes[i]!).map(([, len], k) => is(wordName(i, k), value(len))));
  const full = (i: number) => parts(i, (len) => repeated(writes[i]!.byte, len));
  const durable = writes.map((_, i) => claim('durability', [i], { quantifier: 'forall', scope: { kind: 'after', label: ackLabel(i) }, cond: full(i) }));
  const atomic = mode.atomic ? writes.map((_, i) => claim('atomicity', [i], { quantifier: 'forall', scope: { kind: 'all' }, cond: { kind: 'or', left: full(i), right: parts(i, () => 0n) } })) : [];
  const ordered = mode.ordered
    ? writes.slice(1).map((_, j) => claim('ordering', [j, j + 1], { quantifier: 'not-exists', scope: { kind: 'all' }, cond: { kind: 'and', left: full(j + 1), right: { kind: 'not', inner: full(j) } } }))
    : [];
  return [...durable, ...atomic, ...ordered];
}

/** The observations the claims read: the windows of each write, named `w<i>`, `w<i>_1`, `w<i>_2`. */
export function observationsOf(writes: readonly Write[]): Observation[] {
  return writes.flatMap((write, i) => windows(write).map(([off, len], k): Observation => ({ name: wordName(i, k), kind: 'bytes', target: write.file, off, len, asStr: false })));
}

const claim = (property: Property, writes: number[], expectation: Expectation): Claim => ({ property, writes, expectation });

/** The little-endian integer `len` bytes of `byte` read as. */
function repeated(byte: number, len: number): bigint {
  let v = 0n;
  for (let i = 0; i < len; i++) v = (v << 8n) | BigInt(byte);
  return v;
}

/**
 * The parts of a write that are observed: all of a short write; the first, middle and last 8 bytes
 * of a long one. Reading every line of a 1 KiB write would resolve every line's torn prefix at the
 * crash point inside the copy (9^16 states); three windows still catch a lost or torn write.
 */
function windows(w: Write): [number, number][] {
  if (w.len <= 16) return [[w.off, w.len]];
  const mid = w.off + Math.floor(w.len / 2 / 8) * 8;
  return [
    [w.off, 8],
    [mid, 8],
    [w.off + w.len - 8, 8],
  ];
}

const wordName = (i: number, k: number) => (k === 0 ? `w${i}` : `w${i}_${k}`);
const is = (name: string, value: bigint): Cond => ({ kind: 'eq', name, value: { kind: 'int', value } });
const all = (conds: Cond[]): Cond => conds.reduce((a, b) => ({ kind: 'and', left: a, right: b }));
