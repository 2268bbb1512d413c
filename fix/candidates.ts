import type { Litmus, Op, OpName, OpOf } from '../lang/ast.js';
import { LINE, PAGE, valueBytes } from '../model/core/geometry.js';
import { EDIT_COSTS } from './costs.js';
import type { Edit } from './edit.js';

/** Operations that only make earlier work persistent or ordered: the ones a fix may move. */
const PERSISTENCE_OPS: ReadonlySet<OpName> = new Set(['clwb', 'clflushopt', 'clflush', 'sfence', 'mfence', 'msync', 'fsync', 'fdatasync', 'sync']);

type Stored = OpOf<'store'> | OpOf<'xchg'> | OpOf<'ntstore'>;

/**
 * Every single edit worth trying on `test` whose new operations go no later than position `last`,
 * cheapest first, then latest first (right before the label the failing expectation is scoped
 * after, where a reader looks for it), so that the search is the same for the same test.
 */
export function candidates(test: Litmus, last: number): Edit[] {
  const positions = [...Array(last).keys()].map((i) => i + 1).filter((p) => test.program[p - 1]!.op !== 'label').reverse();
  const all = [
    ...positions.map((at): Edit => ({ kind: 'insert', cost: 'sfence', at, ops: [{ op: 'sfence' }] })),
    ...flushes(test, last),
    ...positions.flatMap((at) => syncs(test.program.slice(0, at), at)),
    ...flags(test, last),
    ...moves(test, positions),
  ];
  return all.map((edit, order) => ({ edit, order })).sort((a, b) => EDIT_COSTS[a.edit.cost] - EDIT_COSTS[b.edit.cost] || a.order - b.order).map((c) => c.edit);
}

/** Right after each store, a `clwb` (or a `clflush`) of every line it touched. */
function flushes(test: Litmus, last: number): Edit[] {
  return test.program.flatMap((op, index) => {
    if ((op.op !== 'store' && op.op !== 'xchg') || index >= last) return [];
    return (['clwb', 'clflush'] as const).map((kind): Edit => ({ kind: 'insert', cost: kind, at: index + 1, ops: linesOf(op).map((off) => ({ op: kind, map: op.map, off })) }));
  });
}

/** The offsets (in its mapping) of the lines a store touched. */
function linesOf(op: Stored): number[] {
  const first = Math.floor(op.off / LINE);
  const end = Math.ceil((op.off + valueBytes(op.value).length) / LINE);
  return [...Array(end - first).keys()].map((i) => (first + i) * LINE);
}

/** At position `at`: `msync` of the pages stored to through each mapping, and `fdatasync` and `fsync` of each file changed. */
function syncs(before: readonly Op[], at: number): Edit[] {
  const stores = before.filter((op): op is Stored => op.op === 'store' || op.op === 'xchg' || op.op === 'ntstore');
  const maps = [...new Set(stores.map((s) => s.map))];
  const mapped = new Map(before.flatMap((op) => (op.op === 'mmap' ? [[op.dst, op.file] as const] : [])));
  const files = [...new Set([...before.flatMap(changedFiles), ...maps.flatMap((m) => mapped.get(m) ?? [])])];
  return [
    ...maps.filter((m) => mapped.has(m)).map((map): Edit => ({ kind: 'insert', cost: 'msync', at, ops: [msyncOf(map, stores.filter((s) => s.map === map))] })),
    ...(['fdatasync', 'fsync'] as const).flatMap((kind) => files.map((file): Edit => ({ kind: 'insert', cost: kind, at, ops: [{ op: kind, file }] }))),
  ];
}

/** The files an operation changes through system calls: their data, their size or their name. */
function changedFiles(op: Op): string[] {
  if (op.op === 'rename') return [op.from, op.to];
  return op.op === 'create' || op.op === 'write' || op.op === 'truncate' || op.op === 'fallocate' ? [op.file] : [];
}

/** `msync` of the whole pages that hold the stores (MS_SYNC: msync(2) waits for the writeback). */
function msyncOf(map: string, stores: readonly Stored[]): Op {
  const off = Math.min(...stores.map((s) => Math.floor(s.off / PAGE) * PAGE));
  const end = Math.max(...stores.map((s) => Math.ceil((s.off + valueBytes(s.value).length) / PAGE) * PAGE));
  return { op: 'msync', map, off, len: end - off, flag: 'MS_SYNC' };
}

/** `MAP_SYNC` on each shared mapping without it, `O_DSYNC` on each write without a synchronous flag. */
function flags(test: Litmus, last: number): Edit[] {
  return test.program.slice(0, last).flatMap((op, index): Edit[] => {
    if (op.op === 'mmap' && op.flags.includes('MAP_SHARED') && !op.flags.includes('MAP_SYNC')) return [{ kind: 'flag', cost: 'map-sync', index }];
    if (op.op === 'write' && !op.flags.includes('O_DSYNC') && !op.flags.includes('O_SYNC')) return [{ kind: 'flag', cost: 'o-dsync', index }];
    return [];
  });
}

/** Each persistence operation moved to each other position. */
function moves(test: Litmus, positions: readonly number[]): Edit[] {
  return test.program.flatMap((op, from) => {
    if (!PERSISTENCE_OPS.has(op.op)) return [];
    return positions.filter((to) => to !== from && to !== from + 1).map((to): Edit => ({ kind: 'move', cost: 'move', from, to }));
  });
}
