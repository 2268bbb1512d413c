import { LINE, PAGE } from '../model/core/geometry.js';
import type { MsyncFlag, Op } from '../lang/ast.js';

/** The built-in recipes: what a user does after a write to make it durable (DESIGN 1.4). */
export const RECIPES = ['none', 'fence', 'flush+fence', 'msync', 'fsync', 'fdatasync', 'o_dsync'] as const;
export type Recipe = (typeof RECIPES)[number];

/**
 * One step of a recipe, run after each write and before its acknowledgement; the write fills in
 * where: a cache-line flush flushes every line the write touches, `msync` the pages it touches,
 * `fsync`, `fdatasync` and `sync` the file it wrote.
 */
export type RecipeStep =
  | { readonly op: 'clwb' | 'clflushopt' | 'clflush' }
  | { readonly op: 'sfence' | 'mfence' }
  | { readonly op: 'msync'; readonly flag?: MsyncFlag }
  | { readonly op: 'fsync' | 'fdatasync' | 'sync' };

/**
 * A persistence recipe as data: the steps after each write, and the flags each `write(2)` takes
 * (`O_DSYNC` is a recipe too). A recipe with cache or mapping steps applies to stores through a
 * mapping; one with write flags to `write(2)`; one with only file steps to both.
 */
export interface RecipeSpec {
  readonly name: string;
  readonly steps: readonly RecipeStep[];
  readonly writeFlags?: readonly ('O_DSYNC' | 'O_SYNC')[];
}

/** The built-in recipes as data. */
export const RECIPE_SPECS: { readonly [R in Recipe]: RecipeSpec } = {
  none: { name: 'none', steps: [] },
  fence: { name: 'fence', steps: [{ op: 'sfence' }] },
  'flush+fence': { name: 'flush+fence', steps: [{ op: 'clwb' }, { op: 'sfence' }] },
  msync: { name: 'msync', steps: [{ op: 'msync', flag: 'MS_SYNC' }] },
  fsync: { name: 'fsync', steps: [{ op: 'fsync' }] },
  fdatasync: { name: 'fdatasync', steps: [{ op: 'fdatasync' }] },
  o_dsync: { name: 'o_dsync', steps: [], writeFlags: ['O_DSYNC'] },
};

/** A built-in recipe's data, or a user's recipe as given. */
export function recipeSpec(recipe: Recipe | RecipeSpec): RecipeSpec {
  return typeof recipe === 'string' ? RECIPE_SPECS[recipe] : recipe;
}

/** A write of the workload: `len` bytes of `byte` at `off` of file (or device) `file`, through mapping `map`. */
export interface Write {
  readonly file: string;
  readonly map: string;
  readonly off: number;
  readonly len: number;
  readonly byte: number;
}

/** Whether a recipe fits a way of writing: stores through a mapping, or `write(2)`. */
export function recipeFits(recipe: RecipeSpec, access: 'store' | 'write'): boolean {
  if (access === 'store') return (recipe.writeFlags ?? []).length === 0;
  return recipe.steps.every((s) => s.op === 'fsync' || s.op === 'fdatasync' || s.op === 'sync');
}

/** The operations the recipe adds after `w` (its write flags are on the write itself). */
export function recipeOps(recipe: RecipeSpec, w: Write): Op[] {
  return recipe.steps.flatMap((step): Op[] => {
    switch (step.op) {
      case 'clwb':
      case 'clflushopt':
      case 'clflush':
        return linesOf(w).map((off) => ({ op: step.op, map: w.map, off }));
      case 'sfence':
      case 'mfence':
      case 'sync':
        return [{ op: step.op }];
      case 'msync': {
        const start = Math.floor(w.off / PAGE) * PAGE;
        return [{ op: 'msync', map: w.map, off: start, len: w.off + w.len - start, ...(step.flag ? { flag: step.flag } : {}) }];
      }
      case 'fsync':
      case 'fdatasync':
        return [{ op: step.op, file: w.file }];
    }
  });
}

/** The first byte offset of every cache line `w` touches. */
function linesOf(w: Write): number[] {
  const out: number[] = [];
  for (let line = Math.floor(w.off / LINE) * LINE; line < w.off + w.len; line += LINE) out.push(line);
  return out;
}
