import { readBytes, type MediaView } from '../x86/crash.js';
import type { Oracle } from '../core/source.js';
import { LINE, PAGE } from '../core/geometry.js';
import { type Machine } from './machine.js';
import { blockAddress, type World } from '../core/world.js';
import { STALE_BYTE } from './layout.js';
import { dataBlock } from './content.js';
import { pageWriteback, type ViewContext, type Writeback } from './page-writeback.js';
import { recoveredMeta } from './recovered-meta.js';
import type { Inode } from '../fs/meta.js';
import { pageKey, pagesOf } from '../fs/state.js';
import { emptyIntMap } from '../core/int-map.js';

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
  // A question asked again in the same crash state gets the same answer, so each name is looked up once.
  const inodes = new Map<string, { ino: number; kind: Inode['kind'] } | undefined>();
  const lookUp = (name: string) => {
    const ino = ask(`ino ${name}`, ({ meta }) => (meta.inodes[meta.names[name] ?? -1] ? meta.names[name] : undefined));
    return ino === undefined ? undefined : { ino, kind: ask(`kind ${ino}`, ({ meta }) => meta.inodes[ino]!.kind) };
  };
  const inodeOf = (name: string) => (inodes.has(name) ? inodes.get(name) : inodes.set(name, lookUp(name)).get(name));
  const pages = new Map<number, Map<number, PageReader>>();
  const pageAt = (ino: number, p: number) => {
    let ofInode = pages.get(ino);
    if (!ofInode) pages.set(ino, (ofInode = new Map()));
    let page = ofInode.get(p);
    if (!page) ofInode.set(p, (page = pageReader(ctx, ino, p)));
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
        pageAt(inode.ino, p)(o - p * PAGE, stop - p * PAGE, out);
        o = stop;
      }
      checkStale(state, world, inode, name, off, out, stale);
      return out;
    },
    settle: () => ask('settle', () => 0),
    stale,
  };
}

/**
 * The recovered size, at most `bound`: the recorded size, grown by the committed writeback of pages
 * past it. Asked at most `bound`, so that recovered sizes past what a read needs are one answer.
 */
function recoveredSize(ctx: ViewContext, ino: number, bound: number): number {
  const result = ctx.ask(`size ${ino} ${bound}`, ({ meta }) => Math.min(meta.inodes[ino]!.size, bound));
  const cached = pagesOf(ctx.state.fs.pages, ino);
  if (cached.length === 0) return result;
  const grown: [number, Writeback][] = [];
  for (const p of cached) {
    if (ctx.ask(`covers ${ino} ${p}`, ({ meta }) => (p + 1) * PAGE <= meta.inodes[ino]!.size)) continue;
    const wb = pageWriteback(ctx, ino, p);
    if (wb.metaCommitted) grown.push([p, wb]);
  }
  // The last pages first: once one grows the size past the pages before it, their versions are one answer.
  return grown.sort(([a], [b]) => b - a).reduce((size, [, wb]) => wb.grownSize(size, bound), result);
}

/** Appends one recovered page's bytes in `[from, to)` to `out`. */
type PageReader = (from: number, to: number, out: number[]) => void;

/** A reader of one recovered page that resolves only the lines and choices the bytes it is asked for need. */
function pageReader(ctx: ViewContext, ino: number, p: number): PageReader {
  const block = ctx.ask(`block ${ino} ${p}`, ({ meta }) => dataBlock(meta.inodes[ino]!, p));
  const kind = ctx.ask(`kind ${ino}`, ({ meta }) => meta.inodes[ino]!.kind);
  const cached = ctx.state.fs.pages[pageKey(ino, p)];
  const start = block === undefined ? 0 : blockAddress(ctx.world, block);
  const fromMedia = (at: number) => ctx.media.readLine(Math.floor((start + at) / LINE))[(start + at) % LINE]!;
  const mapped: PageReader = block === undefined ? bytesOf(() => 0) : (from, to, out) => readBytes(ctx.media, start + from, to - from, out);
  if (kind !== 'pagecache' || !cached) return mapped;
  const wb = pageWriteback(ctx, ino, p);
  // Writing back over a hole, an unwritten or a shared block needs metadata (allocation,
  // conversion, the copy-on-write remap of xfs_reflink_end_cow): without it the page's writes are
  // not in the file, which holds what the recovered metadata maps, the old block too when a
  // truncate or punch that freed it did not commit (Linux 6.1 on ext4 and xfs brings back the old
  // inode with its old bytes: issue 10). Committed data=journal writes are replayed with their page.
  const needsMeta = block === undefined || cached.zeroBase || cached.copy;
  if (needsMeta && !wb.metaCommitted && !wb.journaled) return ctx.world.bugs.has('freed-range-reads-zeros') && cached.zeroBase ? bytesOf(() => 0) : mapped;
  const base = block !== undefined && !cached.zeroBase ? fromMedia : () => (wb.landed ? 0 : STALE_BYTE);
  return (from, to, out) => {
    const overlay = wb.landed ? wb.overlay(from, to) : [];
    bytesOf((at) => overlay[at - from] ?? base(at))(from, to, out);
  };
}

/** The reader that appends each byte of `[from, to)`, read with `byte`, in order. */
function bytesOf(byte: (at: number) => number): PageReader {
  return (from, to, out) => {
    for (let at = from; at < to; at++) out.push(byte(at));
  };
}

/**
 * No stale data (DESIGN 1.2): every byte recovery shows in a file is zero or a value once written
 * at that offset of that file. data=writeback is exempt for page-cache files, as ext4.rst says
 * it may expose old data.
 */
function checkStale(state: Machine, world: World, inode: Pick<Inode, 'ino' | 'kind'>, name: string, off: number, bytes: readonly number[], out: string[]): void {
  if (inode.kind === 'pagecache' && world.options.data === 'writeback') return;
  const history = state.fs.history.get(inode.ino) ?? emptyIntMap<readonly number[]>();
  history.each(off, off + bytes.length, (at, written = []) => {
    const b = bytes[at - off]!;
    if (b !== 0 && !written.includes(b)) out.push(`${name}[${at}] shows 0x${b.toString(16)}, never written there`);
  });
}
