import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';
import { persistenceOf } from '../model/core/persistence.js';
import { PLATFORMS, type PlatformName } from '../profiles/platforms.js';

/** What the documentation promises for a recipe, with where it says so. */
export interface Contract {
  readonly promised: boolean;
  readonly source: string;
}

/**
 * A mode's promise for a recipe. Where the caches are in the persistence domain (eADR), a fence alone
 * is what PMDK asks where flush+fence is promised (libpmem2 PMEM2_GRANULARITY_BYTE): the platform's
 * domain decides, not its name.
 */
export function contract(mode: Mode, platform: PlatformName, recipe: Recipe): Contract {
  const direct = mode.promises[recipe];
  if (direct) return { promised: true, source: direct };
  if (persistenceOf(PLATFORMS[platform].domain, 'host').drainedStoresPersist && recipe === 'fence' && mode.promises['flush+fence']) return { promised: true, source: 'PMDK libpmem2 PMEM2_GRANULARITY_BYTE (eADR)' };
  return { promised: false, source: 'no man page or PMDK document promises it' };
}
