import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';

/** What the documentation promises for a recipe, with where it says so. */
export interface Contract {
  readonly promised: boolean;
  readonly source: string;
}

/** On eADR the caches are persistent, so a fence alone is what PMDK asks where flush+fence is promised (libpmem2 GRANULARITY_BYTE). */
export function contract(mode: Mode, platform: 'adr' | 'eadr', recipe: Recipe): Contract {
  const direct = mode.promises[recipe];
  if (direct) return { promised: true, source: direct };
  if (platform === 'eadr' && recipe === 'fence' && mode.promises['flush+fence']) return { promised: true, source: 'PMDK libpmem2 PMEM2_GRANULARITY_BYTE (eADR)' };
  return { promised: false, source: 'no man page or PMDK document promises it' };
}
