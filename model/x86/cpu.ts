import { castDraft, type Draft } from 'immer';
import { LINE, lineOf, splitPieces, type Piece } from '../core/geometry.js';
import { emptyIntMap, type IntMap } from '../core/int-map.js';

/**
 * The CPU half of persistence (DESIGN 1.1), for one thread: which stores have reached the media for
 * certain (`durable`), and which may or may not have (`cached`, `nt`). Flush completion follows the
 * PTSO-syn / PMDK view that DESIGN 1.1 chooses: a flush takes effect at the next fence (clflushopt,
 * clwb) or at the next operation boundary (clflush), never asynchronously later.
 */
export interface CpuState {
  /** Program index of the operation running (-1 before the first): the provenance of what it makes. */
  readonly op: number;
  /** Program-order number of the next store piece. */
  readonly seq: number;
  /** Cached store pieces not yet guaranteed persistent, in program order over all lines. */
  readonly cached: readonly Pending[];
  /** Non-temporal store pieces not yet guaranteed persistent, in program order. */
  readonly nt: readonly Pending[];
  /** Flushes (clflushopt, clwb, and the eviction a non-temporal store causes) waiting for a fence. */
  readonly flushes: readonly PendingFlush[];
  /** Guaranteed media contents of every line a store has reached, keyed by line number (persistent: a fence copies only the lines it changes). */
  readonly durable: IntMap<LineImage>;
  /** The host's writeback of a guest's pmem in the host page cache, when a host power loss is the failure; null otherwise. */
  readonly host: HostWriteback | null;
}

/**
 * What the host has of a guest's pmem in its page cache: the lines it wrote back for certain (at the
 * last flush request, which syncs the whole file), and every store piece since, in program order, any
 * prefix of which per page the host may have written back.
 */
export interface HostWriteback {
  readonly written: IntMap<LineImage>;
  readonly since: readonly Pending[];
}

/** A store piece in flight, tagged with its program-order number and the operation that made it. */
export interface Pending extends Piece {
  readonly seq: number;
  readonly line: number;
  /** Program index of the operation that made the piece. */
  readonly op: number;
}

/** A flush of `line` that, once fenced, guarantees every piece of that line up to `upto`. */
export interface PendingFlush {
  readonly line: number;
  readonly upto: number;
}

/**
 * A line's bytes and, for each byte, the program-order number of the piece that wrote it (-1:
 * initial); every fence keeps a copy of each line it persists. The bytes are a typed array, which
 * V8 keeps on its heap up to 64 bytes; the numbers an array of small integers, since an Int32Array
 * of 64 is 256 bytes, which V8 puts off its heap behind an ArrayBuffer: ten times the cost to make
 * (about 700 ns against 40 ns on the bench machine) and more memory per line.
 */
export interface LineImage {
  readonly bytes: Uint8Array;
  readonly seqs: number[];
}

export const EMPTY_CPU: CpuState = { op: -1, seq: 0, cached: [], nt: [], flushes: [], durable: emptyIntMap(), host: null };

/** The CPU before the first operation, logging stores for the host's writeback when `hostWriteback` says the crash view needs it. */
export function initialCpu(hostWriteback: boolean): CpuState {
  return hostWriteback ? { ...EMPTY_CPU, host: { written: emptyIntMap(), since: [] } } : EMPTY_CPU;
}


/** Writes `piece` into `image` unless a later piece already wrote those bytes. */
export function applyPiece(image: LineImage, piece: Pending): void {
  const start = piece.addr - piece.line * LINE;
  for (let i = 0; i < piece.bytes.length; i++) {
    if (image.seqs[start + i]! < piece.seq) {
      image.bytes[start + i] = piece.bytes[i]!;
      image.seqs[start + i] = piece.seq;
    }
  }
}

/** The guaranteed image of `line`, or its initial contents (`initial`) when no store reached it. */
export function durableLine(cpu: CpuState, line: number, initial: (line: number) => readonly number[]): LineImage {
  return cpu.durable.get(line) ?? initialImage(line, initial);
}

/**
 * Line images by the initial contents they were made from: an image is never changed in place (a
 * change copies it), and a layout hands out the same array for a line every time, so each is made once.
 */
const INITIAL = new WeakMap<readonly number[], LineImage>();

/** The numbers of a line no piece wrote: a packed array (`fill` on `new Array(n)` would leave it holey, slower to read). */
const UNWRITTEN: readonly number[] = Array.from({ length: LINE }, () => -1);

/** The image of a line no store has reached. */
export function initialImage(line: number, initial: (line: number) => readonly number[]): LineImage {
  const bytes = initial(line);
  let image = INITIAL.get(bytes);
  if (!image) INITIAL.set(bytes, (image = { bytes: Uint8Array.from(bytes), seqs: UNWRITTEN.slice() }));
  return image;
}

/**
 * A pending piece as a class instance: immer drafts every plain object read through a draft, and a
 * step reads the whole list of pending pieces, which may hold thousands of them.
 */
class PendingPiece implements Pending {
  constructor(
    readonly addr: number,
    readonly bytes: readonly number[],
    readonly seq: number,
    readonly line: number,
    readonly op: number,
  ) {}
}

/** The pieces of a store of `bytes` at media address `addr`, numbered in program order. */
function newPieces(cpu: Draft<CpuState>, addr: number, bytes: readonly number[]): Pending[] {
  const [seq, op] = [cpu.seq, cpu.op];
  const pieces = splitPieces(addr, bytes).map((piece, i) => new PendingPiece(piece.addr, piece.bytes, seq + i, lineOf(piece.addr), op));
  cpu.seq = seq + pieces.length;
  return pieces;
}

/** Adds the pieces of a store of `bytes` at media address `addr`; `nt` marks a non-temporal store. */
export function addStore(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], nt: boolean): Pending[] {
  const added = newPieces(cpu, addr, bytes);
  (nt ? cpu.nt : cpu.cached).push(...castDraft(added));
  cpu.host?.since.push(...castDraft(added));
  return added;
}

/** Makes every listed piece durable and drops it from the in-flight lists. */
export function makeDurable(cpu: Draft<CpuState>, pieces: readonly Pending[], initial: (line: number) => readonly number[]): void {
  if (pieces.length === 0) return;
  const done = new Set(pieces.map((p) => p.seq));
  cpu.durable = castDraft(applyAll(cpu.durable as IntMap<LineImage>, pieces, initial));
  cpu.cached = cpu.cached.filter((p) => !done.has(p.seq));
  cpu.nt = cpu.nt.filter((p) => !done.has(p.seq));
}

/** Stores `bytes` at `addr` straight into the guaranteed media contents, as if stored and made durable at once; a host's page cache gets it like any store. */
export function storeDurable(cpu: Draft<CpuState>, addr: number, bytes: readonly number[], initial: (line: number) => readonly number[]): void {
  const pieces = newPieces(cpu, addr, bytes);
  cpu.durable = castDraft(applyAll(cpu.durable as IntMap<LineImage>, pieces, initial));
  cpu.host?.since.push(...castDraft(pieces));
}

/**
 * A flush request the host answers by syncing the backing file (qemu hw/virtio/virtio-pmem.c
 * worker_cb: fsync of the file): every store so far is in host memory, so all of them are written
 * back, flushed from the guest's caches or not.
 */
export function hostSync(cpu: Draft<CpuState>, initial: (line: number) => readonly number[]): void {
  const host = cpu.host as HostWriteback | null;
  if (!host || host.since.length === 0) return;
  cpu.host = castDraft({ written: applyAll(host.written, host.since, initial), since: [] });
}

/** `images` with `pieces` applied, copying each line it changes once. */
export function applyAll(images: IntMap<LineImage>, pieces: readonly Pending[], initial: (line: number) => readonly number[]): IntMap<LineImage> {
  const copies = new Map<number, LineImage>();
  for (const piece of pieces) {
    let image = copies.get(piece.line);
    if (!image) copies.set(piece.line, (image = copyLine(images.get(piece.line) ?? initialImage(piece.line, initial))));
    applyPiece(image, piece);
  }
  let out = images;
  for (const [line, image] of copies) out = out.set(line, image);
  return out;
}

/** A mutable copy of a line image, to apply pieces to. */
export function copyLine(image: LineImage): LineImage {
  return { bytes: image.bytes.slice(), seqs: image.seqs.slice() };
}

/** The bytes the program sees at `addr`: media contents with every store so far applied in program order. */
export function visibleBytes(cpu: CpuState, initial: (line: number) => readonly number[], addr: number, size: number): number[] {
  const out = new Array<number>(size);
  if (size === 0) return out;
  const [first, last] = [lineOf(addr), lineOf(addr + size - 1)];
  const images = pendingImages(cpu, initial, first, last);
  for (let line = first; line <= last; line++) {
    const bytes = (images.get(line) ?? durableLine(cpu, line, initial)).bytes;
    const [from, to] = [Math.max(addr, line * LINE), Math.min(addr + size, (line + 1) * LINE)];
    for (let at = from; at < to; at++) out[at - addr] = bytes[at - line * LINE]!;
  }
  return out;
}

/** The bytes of `line` the program sees: its guaranteed contents with every store in flight applied. */
export function visibleLine(cpu: CpuState, line: number, initial: (line: number) => readonly number[]): ArrayLike<number> {
  return (pendingImages(cpu, initial, line, line).get(line) ?? durableLine(cpu, line, initial)).bytes;
}

/** The lines of `[first, last]` that have stores in flight, each its guaranteed image with them applied (one pass over the pieces in flight). */
function pendingImages(cpu: CpuState, initial: (line: number) => readonly number[], first: number, last: number): Map<number, LineImage> {
  const images = new Map<number, LineImage>();
  for (const pieces of [cpu.cached, cpu.nt]) {
    for (const p of pieces) {
      if (p.line < first || p.line > last) continue;
      let image = images.get(p.line);
      if (!image) images.set(p.line, (image = copyLine(durableLine(cpu, p.line, initial))));
      applyPiece(image, p);
    }
  }
  return images;
}
