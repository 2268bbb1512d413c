import type { World } from '../core/world.js';
import { HAPPENED, type Source } from '../core/source.js';
import type { CachedPage, FsState, PageWrite } from '../fs/state.js';

/** The journal's committed prefix: any number of the handles not committed for certain (the periodic commit may have run). */
export function journalSource(fs: FsState): Source<number> {
  return { options: fs.handles.length - fs.committed + 1, outcome: (k) => fs.committed + k };
}

/** What a page-cache page leaves undecided at a crash (DESIGN 1.2). */
export interface PageSources {
  /** Which of the page's versions (its writes not journaled) writeback wrote: the writes up to it, or none. */
  readonly version: Source<readonly PageWrite[]>;
  /**
   * Whether the first writeback's metadata committed, asked when the committed journal prefix falls
   * between the handles of the first and the last version: open only when there are two versions or more.
   */
  readonly meta: Source<boolean>;
  /** Whether the data reached media; absent where the data cannot lag the metadata that points at it. */
  readonly landed?: Source<boolean>;
}

/** The sources of cached page `page`. */
export function pageSources(page: CachedPage, world: World): PageSources {
  const plain = page.writes.filter((w) => !w.journaled);
  const version = { options: plain.length + 1, outcome: (v: number) => plain.slice(0, v) };
  const meta = plain.length > 1 ? HAPPENED : SETTLED;
  return page.zeroBase && plain.length > 0 && dataMayLag(world) ? { version, meta, landed: HAPPENED } : { version, meta };
}

/** A question a page with a single version never leaves open: its first writeback is its only one. */
const SETTLED: Source<boolean> = { options: 1, outcome: () => false };

/** Every source of the filesystem half's crash states: the journal prefix and each cached page's. */
export function fsSources(fs: FsState, world: World): Source<unknown>[] {
  return [
    journalSource(fs),
    ...Object.values(fs.pages).flatMap((page) => {
      const { version, meta, landed } = pageSources(page, world);
      return [version, meta, ...(landed ? [landed] : [])];
    }),
  ];
}

/** Whether metadata may commit before the data it points at: ext4 data=writeback (or the seeded ordering bug). */
function dataMayLag(world: World): boolean {
  return world.options.data === 'writeback' || (world.options.data !== undefined && world.bugs.has('ordered-metadata-before-data'));
}
