import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import type { Inode } from '../fs/meta.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';

/**
 * Why the file's block map may not change, if it may not: a static file (daxctl, the RFC's
 * S_SWAPFILE reuse) or a file mapped with MAP_DIRECT as a guarantee ("third-party block-map
 * changes get ETXTBSY", DESIGN 1.3). Both give ETXTBSY, as swap files do (fs/remap_range.c,
 * fs/attr.c).
 */
export function frozen(state: Machine, inode: Inode, world: World): string | undefined {
  if (inode.static && !world.bugs.has('daxctl-allows-truncate')) return 'static file (DESIGN 1.3, daxctl RFC)';
  const leased = state.vmas.some((v) => v.target.kind === 'file' && v.target.ino === inode.ino && v.target.direct === 'guarantee');
  return leased ? 'file mapped with MAP_DIRECT as a guarantee (DESIGN 1.3)' : undefined;
}

/** ETXTBSY when `what` would change a frozen block map. */
export function refuseFrozen(state: Machine, inode: Inode, world: World, what: string): StepOutcome | undefined {
  const why = frozen(state, inode, world);
  return why ? errno('ETXTBSY', `${what} would change the block map of a ${why}`) : undefined;
}
