import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';
import { columnPersistence, type Column } from './column.js';

/** What the documentation promises for a recipe, with where it says so. */
export interface Contract {
  readonly promised: boolean;
  readonly source: string;
}

/** The recipes that act on the cache lines, which a guest's pmem over a host page cache turns into writes of host memory only. */
const CACHE_RECIPES: readonly Recipe[] = ['none', 'fence', 'flush+fence'];

/**
 * A mode's promise for a recipe in a column. Where the caches are in the persistence domain (eADR), a
 * fence alone is what PMDK asks where flush+fence is promised (libpmem2 PMEM2_GRANULARITY_BYTE): the
 * platform's domain decides, not its name. A guest's pmem over a host page cache keeps only what the
 * host writes back at a power loss: with the flush request (virtio-pmem) only the syncs reach the host
 * (qemu docs/system/devices/virtio-pmem.rst, "Guest Data Persistence": the guest must fsync or msync);
 * without it (an NVDIMM over a plain file) nothing the guest does is promised (qemu docs/nvdimm.txt,
 * "Guest Data Persistence": persistence "is not guaranteed after a system crash").
 */
export function contract(column: Column, mode: Mode, recipe: Recipe): Contract {
  const rules = columnPersistence(column);
  if (rules.media === 'host-writeback' && !rules.flushReachesHost) return { promised: false, source: 'qemu docs/nvdimm.txt: not guaranteed on a plain host file' };
  if (rules.media === 'host-writeback' && CACHE_RECIPES.includes(recipe)) return { promised: false, source: 'qemu virtio-pmem.rst: the guest must fsync or msync' };
  if (rules.media === 'host-writeback' && mode.config.fs === 'nova') return { promised: false, source: 'NOVA (FAST 2016) persists with clwb and sfence alone, which an asynchronous region does not' };
  const direct = mode.promises[recipe];
  if (direct) return { promised: true, source: direct };
  if (rules.drainedStoresPersist && recipe === 'fence' && mode.promises['flush+fence']) return { promised: true, source: 'PMDK libpmem2 PMEM2_GRANULARITY_BYTE (eADR)' };
  return { promised: false, source: 'no man page or PMDK document promises it' };
}
