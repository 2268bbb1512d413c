import { PAGE } from '../model/core/geometry.js';
import type { Op } from '../lang/ast.js';

/** What a user does after a write to make it durable. */
export const RECIPES = ['none', 'fence', 'flush+fence', 'msync', 'fsync', 'fdatasync', 'o_dsync'] as const;
export type Recipe = (typeof RECIPES)[number];

/** A write of the workload: `len` bytes of `byte` at `off` of file (or device) `file`, through mapping `map`. */
export interface Write {
  readonly file: string;
  readonly map: string;
  readonly off: number;
  readonly len: number;
  readonly byte: number;
}

/** The operations the recipe adds after `w` (o_dsync is a flag on the write itself). */
export function recipeOps(recipe: Recipe, w: Write): Op[] {
  switch (recipe) {
    case 'none':
    case 'o_dsync':
      return [];
    case 'fence':
      return [{ op: 'sfence' }];
    case 'flush+fence':
      return [...linesOf(w).map((off): Op => ({ op: 'clwb', map: w.map, off })), { op: 'sfence' }];
    case 'msync': {
      const start = Math.floor(w.off / PAGE) * PAGE;
      return [{ op: 'msync', map: w.map, off: start, len: w.off + w.len - start, flag: 'MS_SYNC' }];
    }
    case 'fsync':
    case 'fdatasync':
      return [{ op: recipe, file: w.file }];
  }
}

/** The first byte offset of every cache line `w` touches. */
function linesOf(w: Write): number[] {
  const out: number[] = [];
  for (let line = Math.floor(w.off / 64) * 64; line < w.off + w.len; line += 64) out.push(line);
  return out;
}
