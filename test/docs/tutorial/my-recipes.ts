import { allOf, never, not, type PropertySpec, type RecipeSpec, type RecipeTarget } from '../../../api/index.js';

/** pmem_persist on a CPU with CLWB: CLWB every line the write touched, then SFENCE (pmem_drain). */
export const pmemPersist: RecipeSpec = { name: 'pmem_persist', steps: [{ op: 'clwb' }, { op: 'sfence' }] };

/** The bug: pmem_flush without pmem_drain, so the CLWBs may still be in flight. */
export const pmemFlushOnly: RecipeSpec = { name: 'pmem_flush', steps: [{ op: 'clwb' }] };

/** pmem_msync: msync(MS_SYNC) of the pages the write touched, for a mapping where pmem_is_pmem is false. */
export const pmemMsync: RecipeSpec = { name: 'pmem_msync', steps: [{ op: 'msync', flag: 'MS_SYNC' }] };

/** The last write is the valid flag: it never persists while an earlier write is missing. */
export const flagLast: PropertySpec = {
  name: 'flag-last',
  claims: (f) =>
    Array.from({ length: f.count - 1 }, (_, i) => ({
      writes: [i, f.count - 1],
      expectation: never(allOf(f.written(f.count - 1), not(f.written(i)))),
    })),
};

/** Where the recipes run: an fsdax file mapped with MAP_SYNC (as pmem_map_file maps it) on an ADR machine. */
export const onPmem: RecipeTarget = { mode: 'fsdax-mapsync', platform: 'adr', properties: ['durability', flagLast] };
