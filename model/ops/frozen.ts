import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import type { Inode } from '../fs/meta.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';

/** Whether a mapping holds the file with MAP_DIRECT as a guarantee: the v6 patches' S_IOMAP_SEALED. */
function sealed(state: Machine, inode: Inode): boolean {
  return state.vmas.some((v) => v.target.kind === 'file' && v.target.ino === inode.ino && v.target.direct === 'guarantee');
}

/**
 * Why the file's block map may not change, if it may not: a static file (daxctl, the RFC's
 * S_SWAPFILE reuse) or a file mapped with MAP_DIRECT as a guarantee ("third-party block-map
 * changes get ETXTBSY", DESIGN 1.3). Both give ETXTBSY, as swap files do (fs/remap_range.c,
 * fs/attr.c).
 */
export function frozen(state: Machine, inode: Inode, world: World): string | undefined {
  if (inode.static && !world.bugs.has('daxctl-allows-truncate')) return 'static file (DESIGN 1.3, daxctl RFC)';
  return sealed(state, inode) ? 'file mapped with MAP_DIRECT as a guarantee (DESIGN 1.3)' : undefined;
}

/** ETXTBSY when `what` would change a frozen block map. */
export function refuseFrozen(state: Machine, inode: Inode, world: World, what: string): StepOutcome | undefined {
  const why = frozen(state, inode, world);
  return why ? errno('ETXTBSY', `${what} would change the block map of a ${why}`) : undefined;
}

/**
 * ETXTBSY when `what` would set the size of a sealed file, growing included: "Any size change is
 * disallowed. Size increases may dirty metadata that an application is not prepared to sync"
 * (inode_newsize_ok, and generic_write_checks for a write past i_size, in "[PATCH v6 2/5] fs, xfs:
 * introduce S_IOMAP_SEALED"). `map_direct_extend=allow` keeps the swap-file reading instead.
 */
export function refuseResize(state: Machine, inode: Inode, world: World, what: string): StepOutcome | undefined {
  if (!sealed(state, inode) || world.config.map_direct_extend === 'allow' || world.bugs.has('map-direct-extends')) return undefined;
  return errno('ETXTBSY', `${what} would change the size of a file mapped with MAP_DIRECT as a guarantee (inode_newsize_ok, MAP_DIRECT v6 patches)`);
}
