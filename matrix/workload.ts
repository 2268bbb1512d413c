import fc from 'fast-check';
import type { Cond, Expectation, Litmus, Observation, Op } from '../lang/ast.js';
import { declare, type Mode } from './modes.js';
import { recipeOps, type Recipe, type Write } from './recipes.js';
import type { PlatformName } from '../profiles/platforms.js';

/** Size of each workload file: two pages, so msync ranges and page writeback matter. */
export const FILE_SIZE = 8192;
/** Files are cut into slots; each write stays in its own slot, so no write overlaps another. */
const SLOT = 1024;

/** A generated workload: how many files, and the writes in program order. */
export interface Workload {
  readonly files: number;
  readonly writes: readonly Write[];
}

/** Workloads for `mode`: 1 or 2 files (one device for device-dax), 1 to `max` writes of random size and offset. */
export function workloadArbitrary(mode: Mode, max = 3): fc.Arbitrary<Workload> {
  const files = mode.files === 'device' ? fc.constant(1) : fc.integer({ min: 1, max: 2 });
  return files.chain((n) =>
    fc
      .uniqueArray(fc.nat(n * (FILE_SIZE / SLOT) - 1), { minLength: 1, maxLength: max })
      .chain((slots) => fc.tuple(...slots.map((slot) => placement(slot, mode.alignment ?? 1))))
      .map((placed) => ({ files: n, writes: placed.map((p, i) => ({ ...p, byte: 0x41 + i })) })),
  );
}

/** A write inside `slot`: an offset and a length that fit, both multiples of `align`. */
function placement(slot: number, align: number): fc.Arbitrary<Omit<Write, 'byte'>> {
  const file = Math.floor(slot / (FILE_SIZE / SLOT));
  const base = (slot % (FILE_SIZE / SLOT)) * SLOT;
  const units = SLOT / align;
  const maxLen = align === 1 ? 96 : units;
  return fc.integer({ min: 1, max: maxLen }).chain((len) =>
    fc.integer({ min: 0, max: units - len }).map((at) => ({ file: fileName(file), map: `m${file}`, off: base + at * align, len: len * align })),
  );
}

const fileName = (i: number) => `f${i}`;

/** The properties a cell checks: durability always, atomicity and ordering where the mode promises them. */
export type Property = 'durability' | 'atomicity' | 'ordering';

/** The litmus test that states every property of `mode` for workload `w` under `recipe`. */
export function workloadTest(mode: Mode, platform: PlatformName, recipe: Recipe, w: Workload): Litmus {
  const files = Array.from({ length: w.files }, (_, i) => fileName(i));
  return {
    name: `${mode.id}.${platform}.${recipe}`,
    config: [{ key: 'platform', value: platform }, ...mode.config],
    decls: files.map((f) => declare(mode, f, FILE_SIZE)),
    program: [...files.flatMap((f, i) => prelude(mode, f, i)), ...w.writes.flatMap((write, i) => writeOps(mode, recipe, write, i))],
    observations: w.writes.flatMap((write, i) => windows(write).map(([off, len], k): Observation => ({ name: wordName(i, k), kind: 'bytes', target: write.file, off, len, asStr: false }))),
    expectations: expectations(mode, w),
  };
}

function prelude(mode: Mode, file: string, i: number): Op[] {
  const map: Op[] = mode.access.kind === 'store' ? [{ op: 'mmap', dst: `m${i}`, file, off: 0, len: FILE_SIZE, flags: [...mode.access.flags] }] : [];
  return [...(mode.setup?.(file) ?? []), ...map];
}

function writeOps(mode: Mode, recipe: Recipe, w: Write, i: number): Op[] {
  const value = { kind: 'repeat' as const, byte: w.byte, count: w.len };
  const flags = mode.access.kind === 'write' ? [...mode.access.flags, ...(recipe === 'o_dsync' ? (['O_DSYNC'] as const) : [])] : [];
  const write: Op = mode.access.kind === 'store' ? { op: 'store', map: w.map, off: w.off, value } : { op: 'write', file: w.file, off: w.off, value, flags };
  return [write, ...recipeOps(recipe, w), { op: 'label', name: `ack${i}` }];
}

/** The little-endian integer `len` bytes of `byte` read as. */
export function repeated(byte: number, len: number): bigint {
  let v = 0n;
  for (let i = 0; i < len; i++) v = (v << 8n) | BigInt(byte);
  return v;
}

/**
 * The parts of a write that are observed: all of a short write; the first, middle and last 8 bytes
 * of a long one. Reading every line of a 1 KiB write would resolve every line's torn prefix at the
 * crash point inside the copy (9^16 states); three windows still catch a lost or torn write.
 */
export function windows(w: Write): [number, number][] {
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

function expectations(mode: Mode, w: Workload): Expectation[] {
  const parts = (i: number, value: (len: number) => bigint) => all(windows(w.writes[i]!).map(([, len], k) => is(wordName(i, k), value(len))));
  const full = (i: number) => parts(i, (len) => repeated(w.writes[i]!.byte, len));
  const durable = w.writes.map((_, i): Expectation => ({ quantifier: 'forall', scope: { kind: 'after', label: `ack${i}` }, cond: full(i) }));
  const atomic = mode.atomic ? w.writes.map((_, i): Expectation => ({ quantifier: 'forall', scope: { kind: 'all' }, cond: { kind: 'or', left: full(i), right: parts(i, () => 0n) } })) : [];
  const ordered = mode.ordered
    ? w.writes.slice(1).map((_, j): Expectation => ({ quantifier: 'not-exists', scope: { kind: 'all' }, cond: { kind: 'and', left: full(j + 1), right: { kind: 'not', inner: full(j) } } }))
    : [];
  return [...durable, ...atomic, ...ordered];
}

/** Which property an expectation of `workloadTest` states, from its position. */
export function propertyOf(mode: Mode, w: Workload, index: number): Property {
  if (index < w.writes.length) return 'durability';
  return mode.atomic && index < 2 * w.writes.length ? 'atomicity' : 'ordering';
}
