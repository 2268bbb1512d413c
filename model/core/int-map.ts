/** A trie node: 16 slots, each a child node or, at the bottom level, a value. */
type Node = readonly unknown[];

const BITS = 4;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Keys are below 2^30, so that shifts stay within 32-bit integers (lines, offsets and inode numbers are far smaller). */
const KEY_LIMIT = 2 ** 30;

/**
 * A persistent map from small non-negative integers (line numbers, file offsets, inode numbers) to
 * values: a 16-way radix trie with path copying, so an update copies only the nodes on the paths to
 * the keys it changes and every earlier map stays as it was. Crash points keep each step's state,
 * so the per-line and per-byte records they share must not be copied whole at every step. It is a
 * class instance, which immer does not draft: a step replaces it rather than editing it.
 */
export interface IntMap<V> {
  /** The value at `key`, if any. */
  get(key: number): V | undefined;
  /** The map with `value` at `key`. */
  set(key: number, value: V): IntMap<V>;
  /** Calls `fn` with each key of `[lo, hi)` in order and its value (undefined where none), visiting each node on the way once. */
  each(lo: number, hi: number, fn: (key: number, value: V | undefined) => void): void;
  /** The map with each key of `[lo, hi)` set to `fn(key, its old value)`, copying each node on the way once. */
  update(lo: number, hi: number, fn: (key: number, old: V | undefined) => V): IntMap<V>;
}

/** The empty map. */
export function emptyIntMap<V>(): IntMap<V> {
  return EMPTY as IntMap<V>;
}

/** The trie behind `IntMap` (an interface, so that immer's `Draft` of a state holding one keeps its type). */
class Trie<V> implements IntMap<V> {
  constructor(
    private readonly root: Node | undefined,
    /** The shift of the root level: the trie holds keys below 2^(shift + 4). */
    private readonly shift: number,
  ) {}

  get(key: number): V | undefined {
    if (key < 0 || key >= 2 ** (this.shift + BITS)) return undefined;
    let node = this.root;
    for (let s = this.shift; node && s > 0; s -= BITS) node = node[(key >>> s) & MASK] as Node | undefined;
    return node?.[key & MASK] as V | undefined;
  }

  set(key: number, value: V): IntMap<V> {
    return this.update(key, key + 1, () => value);
  }

  each(lo: number, hi: number, fn: (key: number, value: V | undefined) => void): void {
    const top = 2 ** (this.shift + BITS);
    for (let key = lo; key < Math.min(hi, 0); key++) fn(key, undefined);
    if (Math.max(lo, 0) < Math.min(hi, top)) eachIn(this.root, this.shift, 0, Math.max(lo, 0), Math.min(hi, top), fn as (key: number, value: unknown) => void);
    for (let key = Math.max(lo, top); key < hi; key++) fn(key, undefined);
  }

  update(lo: number, hi: number, fn: (key: number, old: V | undefined) => V): IntMap<V> {
    if (lo >= hi) return this;
    if (lo < 0 || hi > KEY_LIMIT) throw new RangeError(`IntMap keys must lie in [0, 2^30): ${lo}..${hi}`);
    let root = this.root;
    let shift = this.shift;
    while (hi - 1 >= 2 ** (shift + BITS)) {
      root = root && [root];
      shift += BITS;
    }
    return new Trie(updateNode(root, shift, 0, lo, hi, fn as (key: number, old: unknown) => unknown), shift);
  }
}

const EMPTY = new Trie<unknown>(undefined, 0);

/** Calls `fn` with each key of `[lo, hi)` under `node` (covering keys from `base`) and its value. */
function eachIn(node: Node | undefined, shift: number, base: number, lo: number, hi: number, fn: (key: number, value: unknown) => void): void {
  const first = Math.max(0, lo - base) >>> shift;
  const last = Math.min(MASK, (hi - 1 - base) >>> shift);
  for (let i = first; i <= last; i++) {
    const key = base + (i << shift);
    if (shift === 0) fn(key, node?.[i]);
    else eachIn(node?.[i] as Node | undefined, shift - BITS, key, lo, hi, fn);
  }
}

/** A copy of `node` (covering keys from `base`) with the keys of `[lo, hi)` updated. */
function updateNode(node: Node | undefined, shift: number, base: number, lo: number, hi: number, fn: (key: number, old: unknown) => unknown): Node {
  const copy = node ? node.slice() : new Array<unknown>(WIDTH);
  const first = Math.max(0, lo - base) >>> shift;
  const last = Math.min(MASK, (hi - 1 - base) >>> shift);
  for (let i = first; i <= last; i++) {
    const key = base + (i << shift);
    copy[i] = shift === 0 ? fn(key, copy[i]) : updateNode(copy[i] as Node | undefined, shift - BITS, key, lo, hi, fn);
  }
  return copy;
}
