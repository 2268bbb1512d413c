import fc from 'fast-check';

/**
 * One mutation of an input: what it does, in words (as fast-check prints it in a failure), and how.
 * Positions are whole numbers taken modulo the input's size, so that an edit applies to any input
 * and shrinks towards its start.
 */
export interface Edit<T> {
  readonly label: string;
  apply(input: T): T;
}

/** An edit called `label` that applies `apply`. */
export function edit<T>(label: string, apply: (input: T) => T): Edit<T> {
  return { label, apply, [fc.toStringMethod]: () => label } as Edit<T>;
}

/** Applies `edits` in turn. */
export function applyEdits<T>(input: T, edits: readonly Edit<T>[]): T {
  return edits.reduce((acc, e) => e.apply(acc), input);
}

/** The element of `items` at `index` modulo their number (`items` must not be empty). */
export function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length] as T;
}
