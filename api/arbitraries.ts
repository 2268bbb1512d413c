import fc from 'fast-check';
import type { FileState, Value } from '../lang/ast.js';
import { MODES, modeById, type Mode } from '../matrix/modes.js';
import type { RecipeSpec, RecipeStep } from '../matrix/recipes.js';
import { workloadArbitrary, type Workload } from '../matrix/workload.js';
import { message } from '../lang/messages.js';
import type { FileInput } from './builder.js';
import { InputError } from './litmus.js';

/** The workloads of a mode that recipe checks generate: 1 or 2 files, 1 to `maxWrites` writes that do not overlap. */
export function workloads(mode: string | Mode, maxWrites = 3): fc.Arbitrary<Workload> {
  return workloadArbitrary(modeOf(mode), maxWrites);
}

/** A mode by id (or as given); an unknown id is an InputError listing the modes. */
export function modeOf(mode: string | Mode): Mode {
  if (typeof mode !== 'string') return mode;
  const found = modeById(mode);
  if (!found) throw new InputError('recipe check', message('unknownWord', 'mode', mode, MODES.map((m) => m.id)));
  return found;
}

/** Values to write: integers of 1 to 8 bytes, short ASCII strings, and one byte repeated up to `maxLength` times. */
export function values(maxLength = 256): fc.Arbitrary<Value> {
  return fc.oneof(
    fc.integer({ min: 1, max: 8 }).chain((width) => fc.bigInt({ min: 0n, max: (1n << BigInt(8 * width)) - 1n }).map((value): Value => ({ kind: 'int', value, width }))),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: Math.min(maxLength, 32) }).map((text): Value => ({ kind: 'str', text })),
    fc.record({ byte: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: maxLength }) }).map(({ byte, count }): Value => ({ kind: 'repeat', byte, count })),
  );
}

/** Files to declare: 1 to `maxPages` pages, blocks written, unwritten or holes, filled with one byte. */
export function files(maxPages = 2): fc.Arbitrary<FileInput> {
  return fc.record({
    size: fc.integer({ min: 1, max: maxPages }).map((pages) => pages * 4096),
    state: fc.constantFrom<FileState>('written', 'unwritten', 'hole'),
    fill: fc.integer({ min: 0, max: 255 }),
  });
}

/** The steps a generated recipe picks from, in the order it runs them: flush, fence, then the syscalls. */
const STEPS: readonly RecipeStep[] = [{ op: 'clwb' }, { op: 'clflushopt' }, { op: 'clflush' }, { op: 'sfence' }, { op: 'mfence' }, { op: 'msync', flag: 'MS_SYNC' }, { op: 'fdatasync' }, { op: 'fsync' }];

/** Recipes made of the built-in steps (for a search of the cheapest recipe that works), named after their steps. */
export function recipes(): fc.Arbitrary<RecipeSpec> {
  return fc.subarray([...STEPS]).map((steps) => ({ name: steps.map((s) => s.op).join('+') || 'none', steps }));
}
