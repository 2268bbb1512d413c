/**
 * A persistent list that grows only at its end (the journal's handles): every version is a length
 * over one buffer that the versions share, so appending to the newest version costs O(1) instead of
 * a copy of the whole list. Appending to an older version (a branch) copies its prefix, so no
 * version ever sees another's items. A class instance, which immer does not draft: a step replaces it.
 */
export interface AppendLog<T> {
  /** How many items this version holds. */
  readonly length: number;
  /** Item `k`, if this version has it. */
  at(k: number): T | undefined;
  /** The log with `item` after this version's items. */
  append(item: T): AppendLog<T>;
  /** Items `from` to `to` (exclusive; this version's end by default), as an array. */
  slice(from: number, to?: number): T[];
}

/** A log of `items`. */
export function appendLog<T>(...items: readonly T[]): AppendLog<T> {
  return new Versions([...items], items.length);
}

/** The shared buffer behind `AppendLog` (an interface, so that immer's `Draft` of a state holding one keeps its type). */
class Versions<T> implements AppendLog<T> {
  constructor(
    private readonly buffer: T[],
    /** How many items this version holds. */
    readonly length: number,
  ) {}

  at(k: number): T | undefined {
    return k >= 0 && k < this.length ? this.buffer[k] : undefined;
  }

  append(item: T): AppendLog<T> {
    if (this.buffer.length !== this.length) return new Versions([...this.buffer.slice(0, this.length), item], this.length + 1);
    this.buffer.push(item);
    return new Versions(this.buffer, this.length + 1);
  }

  slice(from: number, to: number = this.length): T[] {
    return this.buffer.slice(from, Math.min(to, this.length));
  }
}
