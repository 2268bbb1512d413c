import type { World } from '../core/world.js';
import type { FsState } from './state.js';

/**
 * How many filesystem crash states `fs` allows: every committed journal prefix at or past the last
 * forced commit, times every page-cache page's written-back version (whether its first writeback's
 * metadata committed, and, where data may lag its metadata, whether the data landed). Choices interact, so this counts combinations of choices.
 */
export function countFsStates(fs: FsState, world: World): bigint {
  let total = BigInt(fs.handles.length - fs.committed + 1);
  const lag = world.options.data === 'writeback' || (world.options.data !== undefined && world.bugs.has('ordered-metadata-before-data'));
  for (const page of Object.values(fs.pages)) {
    const versions = page.writes.filter((w) => !w.journaled).length;
    const remapped = page.zeroBase || page.copy;
    total *= BigInt(versions + 1) * (lag && page.zeroBase && versions > 0 ? 2n : 1n) * (remapped && versions > 1 ? 2n : 1n);
  }
  return total;
}
