import type { MediaView } from '../x86/crash.js';
import { resolve, type Oracle } from '../core/source.js';
import { pageSources } from './fs-sources.js';
import { LINE, PAGE } from '../core/geometry.js';
import { type Machine } from './machine.js';
import { blockAddress, type World } from '../core/world.js';
import { STALE_BYTE } from './layout.js';
import { dataBlock } from './content.js';
import { recoveredMeta, type AskRecovered } from './recovered-meta.js';
import type { Inode } from '../fs/meta.js';
import { liveMeta, pageKey, pageOfKey, type PageWrite } from '../fs/state.js';

/** The filesystem after a crash and recovery, resolved only as far as it is read (DESIGN 1.4). */
export interface FsView {
  exists(name: string): boolean;
  size(name: string): number;
  /** The bytes of `[off, off+len)` that exist (bytes past the size do not). */
  read(name: string, off: number, len: number): number[];
  /** Makes the journal's committed prefix part of the crash state even if nothing read the metadata. */
  settle(): void;
  /** Bytes recovery showed in a file that were never written to it (DESIGN 1.2), as sentences. */
  readonly stale: string[];
}

/**
 * The recovered view: recovery replays the journal's committed prefix (any prefix at or past the
 * last forced commit: the periodic commit may have run), and each read of the recovered metadata
 * narrows that prefix only as far as its answer differs; each page a read touches resolves its own
 * choices (which page-cache version was written back, which lines of a media block persisted).
 */
export function fsView(state: Machine, world: World, oracle: Oracle, media: MediaView): FsView {
  const stale: string[] = [];
  const ask = recoveredMeta(state.fs, world.bugs, oracle);
  const ctx = { state, world, oracle, media, ask };
  const inodeOf = (name: string) => {
    const ino = ask(`ino ${name}`, ({ meta }) => (meta.inodes[meta.names[name] ?? -1] ? meta.names[name] : undefined));
    return ino === undefined ? undefined : { ino, kind: ask(`kind ${ino}`, ({ meta }) => meta.inodes[ino]!.kind) };
  };
  const pages = new Map<string, (at: number) => number>();
  const pageAt = (ino: number, p: number) => {
    let page = pages.get(pageKey(ino, p));
    if (!page) pages.set(pageKey(ino, p), (page = pageReader(ctx, ino, p)));
    return page;
  };
  return {
    exists: (name) => inodeOf(name) !== undefined,
    size: (name) => {
      const inode = inodeOf(name);
      return inode ? recoveredSize(ctx, inode.ino, Infinity) : 0;
    },
    read(name, off, len) {
      const inode = inodeOf(name);
      if (!inode) return [];
      const end = recoveredSize(ctx, inode.ino, off + len);
      const out: number[] = [];
      for (let o = off; o < end; ) {
        const [p, stop] = [Math.floor(o / PAGE), Math.min(end, (Math.floor(o / PAGE) + 1) * PAGE)];
        const page = pageAt(inode.ino, p);
        for (; o < stop; o++) out.push(page(o - p * PAGE));
      }
      checkStale(state, world, inode, name, off, out, stale);
      return out;
    },
    settle: () => ask('settle', () => 0),
    stale,
  };
}

/** What reading the recovered filesystem needs: the crash state, its choices, and the replayed metadata. */
interface ViewContext {
  readonly state: Machine;
  readonly world: World;
  readonly oracle: Oracle;
  readonly media: MediaView;
  readonly ask: AskRecovered;
}

/**
 * The recovered size, at most `bound`: the recorded size, grown by the committed writeback of pages
 * past it. Asked at most `bound`, so that recovered sizes past what a read needs are one answer.
 */
function recoveredSize(ctx: ViewContext, ino: number, bound: number): number {
  let result = ctx.ask(`size ${ino} ${bound}`, ({ meta }) => Math.min(meta.inodes[ino]!.size, bound));
  for (const key of Object.keys(ctx.state.fs.pages)) {
    const { ino: i, page: p } = pageOfKey(key);
    if (i !== ino || ctx.ask(`covers ${ino} ${p}`, ({ meta }) => (p + 1) * PAGE <= meta.inodes[ino]!.size)) continue;
    const wb = writeback(ctx, ino, p);
    if (wb.metaCommitted) result = Math.max(result, Math.min(wb.isize, (p + 1) * PAGE, bound));
  }
  return result;
}

/** A reader of one recovered page that resolves only the lines and choices the bytes read need. */
function pageReader(ctx: ViewContext, ino: number, p: number): (at: number) => number {
  const block = ctx.ask(`block ${ino} ${p}`, ({ meta }) => dataBlock(meta.inodes[ino]!, p));
  const kind = ctx.ask(`kind ${ino}`, ({ meta }) => meta.inodes[ino]!.kind);
  const cached = ctx.state.fs.pages[pageKey(ino, p)];
  const fromMedia = (at: number) => {
    const addr = blockAddress(ctx.world, block!) + at;
    return ctx.media.readLine(Math.floor(addr / LINE))[addr % LINE]!;
  };
  const mapped = block === undefined ? () => 0 : fromMedia;
  if (kind !== 'pagecache' || !cached) return mapped;
  const wb = writeback(ctx, ino, p);
  // Writing back over a hole, an unwritten or a shared block needs metadata (allocation,
  // conversion, the copy-on-write remap of xfs_reflink_end_cow): without it the page's writes are
  // not in the file, which holds what the recovered metadata maps, the old block too when a
  // truncate or punch that freed it did not commit (Linux 6.1 on ext4 and xfs brings back the old
  // inode with its old bytes: issue 10). Committed data=journal writes are replayed with their page.
  const needsMeta = block === undefined || cached.zeroBase || cached.copy;
  const journaled = wb.applied.some((w) => w.journaled);
  if (needsMeta && !wb.metaCommitted && !journaled) return ctx.world.bugs.has('freed-range-reads-zeros') && cached.zeroBase ? () => 0 : mapped;
  const base = block !== undefined && !cached.zeroBase ? fromMedia : () => (wb.landed ? 0 : STALE_BYTE);
  const overlay = new Map<number, number>();
  if (wb.landed) for (const w of wb.applied) w.bytes.forEach((b, i) => overlay.set(w.off + i, b));
  return (at) => overlay.get(at) ?? base(at);
}

/** What writeback left of a page-cache page: the writes applied, whether its metadata committed, whether its data landed. */
interface Writeback {
  readonly applied: readonly PageWrite[];
  readonly metaCommitted: boolean;
  readonly isize: number;
  readonly landed: boolean;
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
function writeback(ctx: ViewContext, ino: number, page: number): Writeback {
  const { state, world, oracle } = ctx;
  const cached = state.fs.pages[pageKey(ino, page)]!;
  const sources = pageSources(cached, world);
  const written = resolve(oracle, { kind: 'page', ino, page }, sources.version);
  const last = written[written.length - 1];
  const open = () => resolve(oracle, { kind: 'meta', ino, page }, sources.meta);
  const metaCommitted = last !== undefined && firstWritebackCommitted(ctx, open, written[0]!.handles, last.handles) && runCommitted(ctx, ino, page, last);
  const landed = !metaCommitted || !sources.landed || resolve(oracle, { kind: 'landed', ino, page }, sources.landed);
  const journaled = cached.writes.filter((w) => w.journaled);
  const replayed = journaled.length === 0 ? 0 : ctx.ask(`journaled ${ino} ${page}`, ({ committed }) => journaled.filter((w) => w.handles <= committed).length);
  const applied = cached.writes.filter((w) => (w.journaled && journaled.indexOf(w) < replayed) || written.includes(w));
  return { applied, metaCommitted, isize: last?.isize ?? 0, landed };
}

/**
 * Whether the delayed-allocation page before `page` committed with it, when the filesystem maps a
 * contiguous delayed run as one extent in one handle and data=ordered waits for all of its pages
 * (FsProfile.delallocExtent). That page was in the run if it was dirty when `page` was written
 * back, i.e. written no later than `last`, the last write on media. A crash state that commits
 * `page` without it reads as one where `page`'s writeback did not commit either, which is possible.
 */
function runCommitted(ctx: ViewContext, ino: number, page: number, last: PageWrite): boolean {
  if (!ctx.world.profile.delallocExtent || ctx.world.bugs.has('delalloc-pages-apart') || !delayed(ctx.state, ino, page)) return true;
  const first = ctx.state.fs.pages[pageKey(ino, page - 1)]?.writes.find((w) => !w.journaled);
  if (!first || first.op > last.op || !delayed(ctx.state, ino, page - 1)) return true;
  return writeback(ctx, ino, page - 1).metaCommitted;
}

/** A cached page over a hole of the live metadata: its block is allocated when it is written back. */
function delayed(state: Machine, ino: number, page: number): boolean {
  const cached = state.fs.pages[pageKey(ino, page)];
  return cached !== undefined && cached.zeroBase && liveMeta(state.fs).inodes[ino]?.extents[page] === undefined;
}

/** Whether the first writeback's handle, made after `earliest` to `latest` handles, is in the committed prefix (`open` decides between). */
function firstWritebackCommitted(ctx: ViewContext, open: () => boolean, earliest: number, latest: number): boolean {
  const where = ctx.ask(`commit ${earliest} ${latest}`, ({ committed }) => (committed >= latest ? 'after' : committed < earliest ? 'before' : 'between'));
  return where === 'between' ? open() : where === 'after';
}

/**
 * No stale data (DESIGN 1.2): every byte recovery shows in a file is zero or a value once written
 * at that offset of that file. data=writeback is exempt for page-cache files, as ext4.rst says
 * it may expose old data.
 */
function checkStale(state: Machine, world: World, inode: Pick<Inode, 'ino' | 'kind'>, name: string, off: number, bytes: readonly number[], out: string[]): void {
  if (inode.kind === 'pagecache' && world.options.data === 'writeback') return;
  const history = state.fs.history.get(inode.ino);
  bytes.forEach((b, i) => {
    if (b !== 0 && !(history?.get(off + i) ?? []).includes(b)) out.push(`${name}[${off + i}] shows 0x${b.toString(16)}, never written there`);
  });
}
