import type { Litmus, Op, OpOf } from '../lang/ast.js';
import type { EditKind } from './costs.js';

/**
 * One change to a program. Positions count the original program's operations: inserting `at` p
 * puts the new operations right after operation p-1, before any label that follows it.
 */
export type Edit =
  /** New operations (a fence, the flushes of a store's lines, a sync call). */
  | { readonly kind: 'insert'; readonly cost: EditKind; readonly at: number; readonly ops: readonly Op[] }
  /** A flag added to a `mmap` (`MAP_SYNC`, with `MAP_SHARED_VALIDATE`) or a `write` (`O_DSYNC`). */
  | { readonly kind: 'flag'; readonly cost: 'map-sync' | 'o-dsync'; readonly index: number }
  /** An existing persistence operation taken from `from` and put back at position `to`. */
  | { readonly kind: 'move'; readonly cost: 'move'; readonly from: number; readonly to: number };

/** A program with edits applied, and for each of its operations the original's index (none for an inserted one). */
export interface Edited {
  readonly test: Litmus;
  readonly origin: readonly (number | undefined)[];
}

/** Applies edits (in any order: they all refer to the original program's positions). */
export function applyEdits(test: Litmus, edits: readonly Edit[]): Edited {
  const moved = new Set(edits.flatMap((e) => (e.kind === 'move' ? [e.from] : [])));
  const slots: { op: Op; origin?: number }[] = [];
  const insertAt = (p: number) => {
    const here = edits.flatMap((e) => (e.kind === 'insert' && e.at === p ? e.ops.map((op) => ({ op })) : e.kind === 'move' && e.to === p ? [{ op: test.program[e.from]!, origin: e.from }] : []));
    slots.push(...here.sort((a, b) => placeOf(a.op) - placeOf(b.op)));
  };
  test.program.forEach((op, index) => {
    insertAt(index);
    if (!moved.has(index)) slots.push({ op: withFlags(op, edits.filter((e) => e.kind === 'flag' && e.index === index)), origin: index });
  });
  insertAt(test.program.length);
  return { test: { ...test, program: slots.map((s) => s.op) }, origin: slots.map((s) => s.origin) };
}

/** Where an operation goes among others put at the same position: flushes, then the fence that orders them, then system calls. */
function placeOf(op: Op): number {
  if (op.op === 'clwb' || op.op === 'clflushopt' || op.op === 'clflush') return 0;
  return op.op === 'sfence' || op.op === 'mfence' ? 1 : 2;
}

/** The operation with each flag edit's flag added. */
function withFlags(op: Op, flags: readonly Edit[]): Op {
  if (flags.length === 0) return op;
  if (op.op === 'mmap') return withMapSync(op);
  if (op.op === 'write') return { ...op, flags: [...op.flags, 'O_DSYNC'] };
  return op;
}

/** `MAP_SYNC` is accepted only with `MAP_SHARED_VALIDATE` (mmap(2)), which replaces `MAP_SHARED`. */
function withMapSync(op: OpOf<'mmap'>): Op {
  const kept = op.flags.filter((f) => f !== 'MAP_SHARED');
  return { ...op, flags: ['MAP_SHARED_VALIDATE', ...kept.filter((f) => f !== 'MAP_SHARED_VALIDATE'), 'MAP_SYNC'] };
}
