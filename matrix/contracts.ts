import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';
import type { PlatformName } from '../profiles/platforms.js';

/** What the documentation promises for a recipe, with where it says so. */
export interface Contract {
  readonly promised: boolean;
  readonly source: string;
}

/**
 * The documented contract of each mode, as opposed to the kernel's mechanics the model checks.
 * Where they differ (an fsdax overwrite flushed and fenced survives by mechanics, but no man page
 * or PMDK promises it without MAP_SYNC), the matrix shows both.
 */
const PROMISES: Readonly<Record<string, Readonly<Partial<Record<Recipe, string>>>>> = {
  'pagecache-shared': { msync: 'msync(2)', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  'fsdax-shared': { msync: 'msync(2); PMDK pmem_msync', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  'fsdax-overwrite': { msync: 'msync(2); PMDK pmem_msync', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  'fsdax-mapsync': { 'flush+fence': 'mmap(2) MAP_SYNC; PMDK pmem_persist', msync: 'msync(2)', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  devdax: { 'flush+fence': 'PMDK libpmem on device-dax (pmem_is_pmem)' },
  'static-dax': { 'flush+fence': 'daxctl RFC: "safe to be mapped and written without the requirement to fsync/msync" (seeds/001)', msync: 'msync(2)', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  private: {},
  'map-direct': { msync: 'seeds/004: MAP_DIRECT apps "still need to use either MAP_SYNC or issue msync/fsync"', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  'map-direct-guarantee': { msync: 'msync(2)', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  buffered: { fsync: 'fsync(2)', fdatasync: 'fdatasync(2)', o_dsync: 'open(2) O_DSYNC' },
  'buffered-journal': { fsync: 'fsync(2)', fdatasync: 'fdatasync(2)', o_dsync: 'open(2) O_DSYNC' },
  odirect: { fsync: 'fsync(2)', fdatasync: 'fdatasync(2)', o_dsync: 'open(2) O_DSYNC' },
  'nova-mmap': { 'flush+fence': 'seeds/004: NOVA gives MAP_SYNC semantics', msync: 'msync(2)', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' },
  'nova-write': { none: 'NOVA (FAST 2016): synchronous, atomic write()', fsync: 'fsync(2)', fdatasync: 'fdatasync(2)', o_dsync: 'open(2) O_DSYNC' },
};

/** On eADR the caches are persistent, so a fence alone is what PMDK asks where flush+fence is promised (libpmem2 GRANULARITY_BYTE). */
export function contract(mode: Mode, platform: PlatformName, recipe: Recipe): Contract {
  const promises = PROMISES[mode.id] ?? {};
  const direct = promises[recipe];
  if (direct) return { promised: true, source: direct };
  if (platform === 'eadr' && recipe === 'fence' && promises['flush+fence']) return { promised: true, source: 'PMDK libpmem2 PMEM2_GRANULARITY_BYTE (eADR)' };
  return { promised: false, source: 'no man page or PMDK document promises it' };
}
