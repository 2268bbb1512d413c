import fc from 'fast-check';
import type { ConfigEntry, Litmus, Op } from '../lang/ast.js';
import { repeat } from '../lang/build.js';
import { ackLabel, claimsOf, modeProperties, observationsOf, type Claim, type PropertySpec } from './claims.js';
import { columnName } from './column.js';
import { declare, type Mode, type ModeConfig } from './modes.js';
import { recipeOps, recipeSpec, type Recipe, type RecipeSpec, type Write } from './recipes.js';
import type { PlatformName } from '../profiles/platforms.js';
import type { Failure } from '../model/core/persistence.js';

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

/** A workload as a litmus test, with what each of its expectations claims and the operations of each write. */
export interface WorkloadTest {
  readonly test: Litmus;
  /** One claim per expectation of the test, in its order. */
  readonly claims: readonly Claim[];
  /** For each write: the write itself, its recipe's operations and its acknowledgement label. */
  readonly writeOps: readonly (readonly Op[])[];
}

/** Where a workload runs: a platform, and what fails at the crash (the whole machine unless said). */
export interface WorkloadTarget {
  readonly platform: PlatformName;
  readonly failure?: Failure;
}

/** The litmus test that states `properties` (by default every property `mode` promises) for workload `w` under `recipe` on `target`. */
export function workloadTest(mode: Mode, target: WorkloadTarget, recipe: Recipe | RecipeSpec, w: Workload, properties: readonly PropertySpec[] = modeProperties(mode)): WorkloadTest {
  const spec = recipeSpec(recipe);
  const files = Array.from({ length: w.files }, (_, i) => fileName(i));
  const writeOps = w.writes.map((write, i) => opsOf(mode, spec, write, i));
  const claims = claimsOf(properties, w.writes);
  const test: Litmus = {
    name: workloadName(mode, target, spec),
    config: [...targetConfig(target), ...configEntries(mode.config)],
    decls: files.map((f) => declare(mode, f, FILE_SIZE)),
    program: [...files.flatMap((f, i) => prelude(mode, f, i)), ...writeOps.flat()],
    observations: observationsOf(w.writes),
    expectations: claims.map((c) => c.expectation),
  };
  return { test, claims, writeOps };
}

/** A workload test's name: `MODE.COLUMN.RECIPE`. */
export function workloadName(mode: Mode, target: WorkloadTarget, recipe: RecipeSpec): string {
  return `${mode.id}.${columnName(target)}.${recipe.name}`;
}

/** The `config` entries that put a test on `target`: its platform, and its failure unless the whole machine's. */
export function targetConfig({ platform, failure = 'host' }: WorkloadTarget): ConfigEntry[] {
  return [{ key: 'platform', value: platform }, ...(failure === 'host' ? [] : [{ key: 'failure', value: failure }])];
}

/** A mode's configuration as the test's `config` line, keys in the order the mode lists them. */
function configEntries(config: ModeConfig): ConfigEntry[] {
  return Object.entries(config).map(([key, value]) => ({ key, value }));
}

function prelude(mode: Mode, file: string, i: number): Op[] {
  const map: Op[] = mode.access.kind === 'store' ? [{ op: 'mmap', dst: `m${i}`, file, off: 0, len: FILE_SIZE, flags: [...mode.access.flags] }] : [];
  return [...(mode.setup?.(file) ?? []), ...map];
}

function opsOf(mode: Mode, recipe: RecipeSpec, w: Write, i: number): Op[] {
  const value = repeat(w.byte, w.len);
  const flags = mode.access.kind === 'write' ? [...mode.access.flags, ...(recipe.writeFlags ?? [])] : [];
  const write: Op = mode.access.kind === 'store' ? { op: 'store', map: w.map, off: w.off, value } : { op: 'write', file: w.file, off: w.off, value, flags };
  return [write, ...recipeOps(recipe, w), { op: 'label', name: ackLabel(i) }];
}
