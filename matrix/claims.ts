import type { Cond, Expectation, Observation, Scope } from '../lang/ast.js';
import { after, allOf, anyOf, eq, everywhere, forall, never, not } from '../lang/build.js';
import type { Mode } from './modes.js';
import type { Write } from './recipes.js';

/** The built-in properties a workload test can claim. */
export const PROPERTIES = ['durability', 'atomicity', 'ordering'] as const;
export type Property = (typeof PROPERTIES)[number];

/** What a property can say about a workload's writes, as conditions over their observations. */
export interface WriteFacts {
  /** How many writes the workload made, in program order. */
  readonly count: number;
  /** Write `i` is wholly there after recovery: every observed part of it holds its bytes. */
  written(i: number): Cond;
  /** Write `i` left no trace: every observed part of it holds what was there before (zeros). */
  untouched(i: number): Cond;
  /** The crash points after write `i` was acknowledged (its recipe done). */
  acknowledged(i: number): Scope;
}

/** One expectation of a property, and the writes it is about. */
export interface PropertyClaim {
  readonly writes: readonly number[];
  readonly expectation: Expectation;
}

/** A property as data: a name, and the expectations it claims about any workload's writes. */
export interface PropertySpec {
  readonly name: string;
  readonly claims: (facts: WriteFacts) => readonly PropertyClaim[];
}

/** One claim of a workload test: a property of some of its writes, stated as one expectation. */
export interface Claim extends PropertyClaim {
  readonly property: string;
}

const each = (facts: WriteFacts) => Array.from({ length: facts.count }, (_, i) => i);

/** The built-in properties (DESIGN 1.4): each write durable once acknowledged; all-or-nothing; persisted in program order. */
export const PROPERTY_SPECS: { readonly [P in Property]: PropertySpec } = {
  durability: { name: 'durability', claims: (f) => each(f).map((i) => ({ writes: [i], expectation: forall(f.written(i), f.acknowledged(i)) })) },
  atomicity: { name: 'atomicity', claims: (f) => each(f).map((i) => ({ writes: [i], expectation: forall(anyOf(f.written(i), f.untouched(i)), everywhere) })) },
  ordering: { name: 'ordering', claims: (f) => each(f).slice(1).map((i) => ({ writes: [i - 1, i], expectation: never(allOf(f.written(i), not(f.written(i - 1)))) })) },
};

/** The properties a mode promises: durability always, atomicity and ordering where the mode says so. */
export function modeProperties(mode: Mode): PropertySpec[] {
  return [PROPERTY_SPECS.durability, ...(mode.atomic ? [PROPERTY_SPECS.atomicity] : []), ...(mode.ordered ? [PROPERTY_SPECS.ordering] : [])];
}

/** The label that acknowledges write `i`: its durability claim holds from there on. */
export const ackLabel = (i: number) => `ack${i}`;

/** Every claim the properties make about `writes`, property by property. */
export function claimsOf(properties: readonly PropertySpec[], writes: readonly Write[]): Claim[] {
  const parts = (i: number, value: (len: number) => bigint) => allOf(...windows(writes[i]!).map(([, len], k) => eq(wordName(i, k), value(len))));
  const facts: WriteFacts = {
    count: writes.length,
    written: (i) => parts(i, (len) => repeated(writes[i]!.byte, len)),
    untouched: (i) => parts(i, () => 0n),
    acknowledged: (i) => after(ackLabel(i)),
  };
  return properties.flatMap((p) => p.claims(facts).map((c) => ({ property: p.name, ...c })));
}

/** The observations the claims read: the windows of each write, named `w<i>`, `w<i>_1`, `w<i>_2`. */
export function observationsOf(writes: readonly Write[]): Observation[] {
  return writes.flatMap((write, i) => windows(write).map(([off, len], k): Observation => ({ name: wordName(i, k), kind: 'bytes', target: write.file, off, len, asStr: false })));
}

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
