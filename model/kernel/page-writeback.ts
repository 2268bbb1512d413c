import type { MediaView } from '../x86/crash.js';
import { resolve, type Oracle } from '../core/source.js';
import type { Site } from '../core/site.js';
import { PAGE } from '../core/geometry.js';
import type { World } from '../core/world.js';
import type { Machine } from './machine.js';
import { pageSources } from './fs-sources.js';
import type { AskRecovered } from './recovered-meta.js';
import { liveMeta, pageKey, type CachedPage, type PageWrite } from '../fs/state.js';

/** What reading the recovered filesystem needs: the crash state, its choices, and the replayed metadata. */
export interface ViewContext {
  readonly state: Machine;
  readonly world: World;
  readonly oracle: Oracle;
  readonly media: MediaView;
  readonly ask: AskRecovered;
}

/**
 * What writeback left of a page-cache page. Which version it wrote is narrowed, like the journal's
 * prefix (DESIGN 1.4): each question below splits the versions only as far as its answer differs.
 */
export interface Writeback {
  /** Whether the metadata its first writeback needed committed (and the run it was mapped with). */
  readonly metaCommitted: boolean;
  /** Whether its data reached media. */
  readonly landed: boolean;
  /** Whether a data=journal write of the page is replayed. */
  readonly journaled: boolean;
  /** The recovered size at least `floor`: grown by the size the written version recorded, capped by the page's end and `bound`. */
  grownSize(floor: number, bound: number): number;
  /** The bytes of `[from, to)` of the page that its applied writes set, by offset from `from`. */
  overlay(from: number, to: number): (number | undefined)[];
}

/**
 * A page-cache page after the crash. Writeback may have written any of the page's versions (or
 * none). The metadata writeback needs (allocating the block, growing the recorded size) went into
 * a handle at the first writeback, which happened at some version up to the one on media: after
 * the handles that existed when that version was written, so it is committed with them. When the
 * journal's committed prefix falls between the first and the last candidate, either is possible
 * (a `meta` choice). data=journal writes are in their own handle instead. In data=ordered the data
 * reaches media before the handle commits (Documentation/admin-guide/ext4.rst, "data=ordered"); in
 * data=writeback the handle may commit first, leaving the block's old contents.
 */
export function pageWriteback(ctx: ViewContext, ino: number, page: number): Writeback {
  const { state, world, oracle } = ctx;
  const cached = state.fs.pages[pageKey(ino, page)]!;
  const sources = pageSources(cached, world);
  const site: Site = { kind: 'page', ino, page };
  const version: Version = (question, key) => sources.version.outcome(oracle.narrow(site, sources.version.options, question, (option) => key(sources.version.outcome(option))));
  const partner = runPartner(ctx, ino, page);
  const onMedia = lastOnMedia(ctx, cached, partner, version);
  const open = () => resolve(oracle, { kind: 'meta', ino, page }, sources.meta);
  const metaCommitted = onMedia !== undefined && firstWritebackCommitted(onMedia.where, open) && runCommitted(ctx, ino, page, partner, onMedia.last);
  const landed = !metaCommitted || !sources.landed || resolve(oracle, { kind: 'landed', ino, page }, sources.landed);
  const journaled = cached.writes.filter((w) => w.journaled);
  const replayed = journaled.length === 0 ? 0 : ctx.ask(`journaled ${ino} ${page}`, ({ committed }) => journaled.filter((w) => w.handles <= committed).length);
  return {
    metaCommitted,
    landed,
    journaled: replayed > 0,
    grownSize(floor, bound) {
      const grown = (written: readonly PageWrite[]) => (written.length === 0 ? floor : Math.max(floor, Math.min(written.at(-1)!.isize, (page + 1) * PAGE, bound)));
      return grown(version(`size ${floor} ${bound}`, grown));
    },
    overlay(from, to) {
      const touches = (w: PageWrite) => w.off < to && w.off + w.bytes.length > from;
      const written = version(`bytes ${from} ${to}`, (writes) => writes.filter(touches).length);
      const applied = cached.writes.filter((w) => touches(w) && ((w.journaled && journaled.indexOf(w) < replayed) || written.includes(w)));
      const out = new Array<number | undefined>(to - from);
      for (const w of applied) for (let at = Math.max(from, w.off); at < Math.min(to, w.off + w.bytes.length); at++) out[at - from] = w.bytes[at - w.off];
      return out;
    },
  };
}

/**
 * The write of the delayed-allocation page before `page` that puts it in `page`'s run, when the
 * filesystem maps a contiguous delayed run as one extent in one handle and data=ordered waits for
 * all of its pages (FsProfile.delallocExtent): its first write. That page was in the run if it was
 * dirty when `page` was written back, i.e. written no later than the last write on media.
 */
function runPartner(ctx: ViewContext, ino: number, page: number): PageWrite | undefined {
  if (!ctx.world.profile.delallocExtent || ctx.world.bugs.has('delalloc-pages-apart') || !delayed(ctx.state, ino, page)) return undefined;
  const first = ctx.state.fs.pages[pageKey(ino, page - 1)]?.writes.find((w) => !w.journaled);
  return first && delayed(ctx.state, ino, page - 1) ? first : undefined;
}

/**
 * Whether the run `page` was mapped with committed with it: a crash state that commits `page`
 * without the page before it in its run reads as one where `page`'s writeback did not commit
 * either, which is possible.
 */
function runCommitted(ctx: ViewContext, ino: number, page: number, partner: PageWrite | undefined, last: PageWrite): boolean {
  return partner === undefined || partner.op > last.op || pageWriteback(ctx, ino, page - 1).metaCommitted;
}

/** A cached page over a hole of the live metadata: its block is allocated when it is written back. */
function delayed(state: Machine, ino: number, page: number): boolean {
  const cached = state.fs.pages[pageKey(ino, page)];
  return cached !== undefined && cached.zeroBase && liveMeta(state.fs).inodes[ino]?.extents[page] === undefined;
}

/** The page's version on media, narrowed by `question` to the versions on which `key` agrees. */
type Version = (question: string, key: (written: readonly PageWrite[]) => unknown) => readonly PageWrite[];

/** Where the committed journal prefix falls around the handle of a page's first writeback. */
type Where = 'after' | 'before' | 'between';

/**
 * The last write of the version on media (none when no version was written back), narrowed to what
 * decides whether its first writeback committed, and where the committed prefix falls around it.
 * When the page's writes show only through that writeback's metadata (a hole or a shared block), no
 * version and a version whose metadata did not commit read alike, so the journal is asked first and
 * those versions stay one; an overwrite shows its version either way, so the journal is asked only
 * about the version written.
 */
function lastOnMedia(ctx: ViewContext, cached: CachedPage, partner: PageWrite | undefined, version: Version): { readonly last: PageWrite; readonly where: Where } | undefined {
  const plain = cached.writes.filter((w) => !w.journaled);
  const known = cached.zeroBase || cached.copy ? commitAround(ctx, plain) : undefined;
  const key = (w: PageWrite | undefined) => (w === undefined || known?.where(w) === 'before' ? 'never' : `${known ? known.where(w) : w.handles} ${partner !== undefined && partner.op <= w.op}`);
  const last = version(`last ${known?.answers ?? 'handles'}`, (written) => key(written.at(-1))).at(-1);
  return last === undefined ? undefined : { last, where: (known ?? commitAround(ctx, [plain[0]!, last])).where(last) };
}

/**
 * Where the committed prefix falls around the first writeback's handle, which came after the
 * handles of the page's first version and of the version on media, for each of `plain` as the last
 * write on media (asked of the journal once for all of them); `answers` names the journal's answers.
 */
function commitAround(ctx: ViewContext, plain: readonly PageWrite[]): { readonly where: (last: PageWrite) => Where; readonly answers: string } {
  if (plain.length === 0) return { where: () => 'before', answers: '' };
  const earliest = plain[0]!.handles;
  const latests = [...new Set(plain.map((w) => w.handles))].sort((a, b) => a - b);
  const after = ctx.ask(`commit after ${latests.join(' ')}`, ({ committed }) => latests.filter((l) => committed >= l).length);
  const before = ctx.ask(`commit before ${earliest}`, ({ committed }) => committed < earliest);
  return { where: (last) => (latests.indexOf(last.handles) < after ? 'after' : before ? 'before' : 'between'), answers: `${after} ${before}` };
}

/** Whether the first writeback's handle is in the committed prefix (`open` decides when the prefix falls between its candidates). */
function firstWritebackCommitted(where: Where, open: () => boolean): boolean {
  return where === 'between' ? open() : where === 'after';
}
