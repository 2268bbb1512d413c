import type { Bugs } from '../../profiles/bugs.js';
import { applyPiece, copyLine, durableLine, visibleLine, type CpuState, type Pending } from './cpu.js';
import { hostCrashView, hostOf, hostSources } from './host-crash.js';
import type { Persistence } from '../core/persistence.js';
import { LINE } from '../core/geometry.js';
import { HAPPENED, resolve, type Oracle, type Source } from '../core/source.js';
import { range } from '../core/range.js';

/** The persisted bytes of lines after a crash, chosen on demand. */
export interface MediaView {
  readLine(line: number): ArrayLike<number>;
}

/** Copies the `len` bytes at media address `addr` into `out` from index `to` (by default appending), reading each line once, in order. */
export function readBytes(view: MediaView, addr: number, len: number, out: number[] | Uint8Array, to = out.length): void {
  for (let at = addr; at < addr + len; ) {
    const line = Math.floor(at / LINE);
    const [bytes, stop] = [view.readLine(line), Math.min(addr + len, (line + 1) * LINE)];
    for (; at < stop; at++) out[to + at - addr] = bytes[at - line * LINE]!;
  }
}

interface Ctx {
  readonly cpu: CpuState;
  readonly persistence: Persistence;
  readonly bugs: Bugs;
  readonly initial: (line: number) => readonly number[];
  /** On host-writeback media, the last operation whose stores a flush request surely wrote back (model/kernel/periodic-flush.ts). */
  readonly hostFloor?: () => number;
}

/**
 * The crash states of the CPU half (DESIGN 1.1), resolved lazily: a line's persisted contents are
 * chosen only when an observation reads that line, through an `Oracle` that the explorer drives. What
 * the media keeps follows the failure (DESIGN 1.5): the CPU's persistence rules, the host's writeback
 * of its page cache, or every executed store when only the guest died.
 */
export function crashView(ctx: Ctx, oracle: Oracle): MediaView {
  switch (ctx.persistence.media) {
    case 'executed':
      return executedView(ctx);
    case 'host-writeback':
      return hostCrashView(hostOf(ctx.cpu), ctx.initial, oracle, ctx.hostFloor);
    case 'cpu':
      return cpuCrashView(ctx, oracle);
  }
}

/** The last crash point's lines when every executed store is on the media, and the CPU state and initial contents they were read with (one entry, as for `last` below). */
let executed: { readonly cpu: CpuState; readonly initial: Ctx['initial']; readonly lines: Map<number, ArrayLike<number>> } | undefined;

/** The media when only the guest died: no choice is left, so each line is worked out once per crash point. */
function executedView(ctx: Ctx): MediaView {
  if (executed?.cpu !== ctx.cpu || executed.initial !== ctx.initial) executed = { cpu: ctx.cpu, initial: ctx.initial, lines: new Map() };
  const { lines } = executed;
  return {
    readLine(line) {
      let bytes = lines.get(line);
      if (!bytes) lines.set(line, (bytes = visibleLine(ctx.cpu, line, ctx.initial)));
      return bytes;
    },
  };
}

function cpuCrashView(ctx: Ctx, oracle: Oracle): MediaView {
  const cache = new Map<number, ArrayLike<number>>();
  const point = pointOf(ctx);
  const cached = cachedReader(point, oracle);
  return {
    readLine(line) {
      let bytes = cache.get(line);
      if (!bytes) {
        bytes = resolveLine(ctx, point, line, cached(line), oracle);
        cache.set(line, bytes);
      }
      return bytes;
    },
  };
}

/** Every source of the CPU half's crash states (DESIGN 1.1): the cached stores kept and each non-temporal piece, or the host's pages written back. */
export function cpuSources(ctx: Omit<Ctx, 'initial'>): Source<unknown>[] {
  switch (ctx.persistence.media) {
    case 'executed':
      return [];
    case 'host-writeback':
      return [...hostSources(hostOf(ctx.cpu)).values()];
    case 'cpu':
      return [...new Set(pointOf(ctx).sources.values()), ...ctx.cpu.nt.map(() => HAPPENED)];
  }
}

/** What a line keeps of its cached stores in one share of its source: the pieces, and the image they give when no non-temporal piece can land there. */
interface Share {
  readonly kept: readonly Pending[];
  readonly options: readonly number[];
  image?: { readonly initial: Ctx['initial']; readonly bytes: ArrayLike<number> };
}

/**
 * What every evaluation at one crash point shares, worked out once: each line's source, and how
 * each set of a source's options still open splits among a line's shares.
 */
interface Point {
  readonly persistence: Persistence;
  readonly bugs: Bugs;
  readonly sources: ReadonlyMap<number, Kept>;
  readonly full: Map<Kept, readonly number[]>;
  readonly shares: WeakMap<readonly number[], Map<number, readonly Share[]>>;
  /** Lines no crash choice touches, by the initial contents they were read with. */
  readonly settled: WeakMap<Ctx['initial'], Map<number, ArrayLike<number>>>;
}

/**
 * The crash point worked out last, by its CPU state: the explorer evaluates one crash point's states
 * one after another. One entry, not a WeakMap by CPU state: V8's scavenger keeps a WeakMap's values
 * alive while their key may still be (it visits them strongly), so every crash point's caches
 * would outlive a young-generation collection and be promoted, to die only in a full one.
 */
let last: { readonly cpu: CpuState; readonly point: Point } | undefined;

function pointOf(ctx: Omit<Ctx, 'initial'>): Point {
  if (last?.cpu === ctx.cpu && last.point.persistence === ctx.persistence && last.point.bugs === ctx.bugs) return last.point;
  const point = { persistence: ctx.persistence, bugs: ctx.bugs, sources: cachedSources(ctx), full: new Map(), shares: new WeakMap(), settled: new WeakMap() };
  last = { cpu: ctx.cpu, point };
  return point;
}

function resolveLine(ctx: Ctx, point: Point, line: number, share: Share | undefined, oracle: Oracle): ArrayLike<number> {
  if (share?.image?.initial === ctx.initial) return share.image.bytes;
  const nt = ctx.cpu.nt.filter((p) => p.line === line);
  if (!share && nt.length === 0) return settledLine(ctx, point, line);
  const image = copyLine(durableLine(ctx.cpu, line, ctx.initial));
  const landed = nt.filter((p) => resolve(oracle, { kind: 'nt', seq: p.seq }, HAPPENED));
  for (const piece of [...(share?.kept ?? []), ...landed]) applyPiece(image, piece);
  if (share && nt.length === 0) share.image = { initial: ctx.initial, bytes: image.bytes };
  return image.bytes;
}

/** A line with nothing pending: its guaranteed contents, read once per crash point. */
function settledLine(ctx: Ctx, point: Point, line: number): ArrayLike<number> {
  let lines = point.settled.get(ctx.initial);
  if (!lines) point.settled.set(ctx.initial, (lines = new Map()));
  let bytes = lines.get(line);
  if (!bytes) lines.set(line, (bytes = durableLine(ctx.cpu, line, ctx.initial).bytes));
  return bytes;
}

/** Which pending cached pieces a crash keeps: each option keeps some of them. */
type Kept = Source<readonly Pending[]>;

/**
 * The source that decides each line's cached stores. ADR: each line persists some program-order
 * prefix of its pending stores (per-line FIFO: Px86, Raad et al. POPL 2020 §3; eviction may happen
 * at any moment, so any prefix is possible), a source per line. eADR: the caches are persistent, so
 * what is lost is a suffix of the store buffer, which drains in program order (x86-TSO): one
 * program-order prefix of all cached stores, a single source that every line shares.
 */
function cachedSources(ctx: Omit<Ctx, 'initial'>): Map<number, Kept> {
  const { cached } = ctx.cpu;
  const lines = new Map<number, Pending[]>();
  for (const p of cached) {
    const list = lines.get(p.line);
    if (list) list.push(p);
    else lines.set(p.line, [p]);
  }
  const prefix: Kept = { options: cached.length + 1, outcome: (k) => cached.slice(0, k) };
  return new Map([...lines].map(([line, pending]) => [line, ctx.persistence.crashKeeps === 'store-buffer-prefix' ? prefix : linePrefix(pending, ctx.bugs)]));
}

function linePrefix(pending: readonly Pending[], bugs: Bugs): Kept {
  if (bugs.has('no-eviction')) return { options: 1, outcome: () => [] };
  if (bugs.has('line-out-of-order')) return { options: 2 ** pending.length, outcome: (mask) => pending.filter((_, i) => (mask >> i) & 1) };
  return { options: pending.length + 1, outcome: (k) => pending.slice(0, k) };
}

/**
 * Reads each line's share of its source: the line's options are the distinct sets of its pieces
 * that the source's options still open keep, and choosing one narrows the source for the lines read
 * after it. So a shared eADR prefix is chosen line by line, only for the lines observations read.
 */
function cachedReader(point: Point, oracle: Oracle): (line: number) => Share | undefined {
  const open = new Map<Kept, readonly number[]>();
  return (line) => {
    const source = point.sources.get(line);
    if (!source) return undefined;
    const shares = sharesOf(point, open.get(source) ?? fullOf(point, source), line, source);
    const chosen = shares[oracle.choose({ kind: 'line', line }, shares.length)]!;
    open.set(source, chosen.options);
    return chosen;
  };
}

function fullOf(point: Point, source: Kept): readonly number[] {
  let options = point.full.get(source);
  if (!options) point.full.set(source, (options = range(source.options)));
  return options;
}

/** How the open `options` of `source` split by what they keep of `line`, worked out once per crash point. */
function sharesOf(point: Point, options: readonly number[], line: number, source: Kept): readonly Share[] {
  let byLine = point.shares.get(options);
  if (!byLine) point.shares.set(options, (byLine = new Map()));
  let found = byLine.get(line);
  if (!found) byLine.set(line, (found = split(options, line, source)));
  return found;
}

function split(options: readonly number[], line: number, source: Kept): Share[] {
  const shares = new Map<string, { kept: readonly Pending[]; options: number[] }>();
  for (const option of options) {
    const kept = source.outcome(option).filter((p) => p.line === line);
    const key = kept.map((p) => p.seq).join();
    const share = shares.get(key);
    if (share) share.options.push(option);
    else shares.set(key, { kept, options: [option] });
  }
  return [...shares.values()];
}
