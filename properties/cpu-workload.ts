import fc from 'fast-check';
import type { Op } from '../lang/ast.js';

/** Lines and 8-byte words a CPU workload touches: few, so every crash state stays cheap to check. */
export const WORKLOAD_LINES = 3;
export const WORDS_PER_LINE = 2;

/** A store of a workload: the word it writes and its (unique, non-zero) value. */
export interface WorkloadStore {
  readonly word: number;
  readonly value: number;
}

/** The byte offset of word `w` (line-major) in the device. */
export const wordOffset = (w: number) => Math.floor(w / WORDS_PER_LINE) * 64 + (w % WORDS_PER_LINE) * 8;

const word = fc.nat({ max: WORKLOAD_LINES * WORDS_PER_LINE - 1 });
const line = fc.nat({ max: WORKLOAD_LINES - 1 }).map((l) => l * 64);

/** One operation of a single-thread workload over the mapping `m`, values filled in by `numbered`. */
function opArbitrary(nt: boolean): fc.Arbitrary<Op> {
  const kinds: fc.Arbitrary<Op>[] = [
    word.map((w) => ({ op: 'store', map: 'm', off: wordOffset(w), value: { kind: 'int', value: 0n, width: 8 } })),
    line.map((off) => ({ op: 'clflush', map: 'm', off })),
    line.map((off) => ({ op: 'clflushopt', map: 'm', off })),
    line.map((off) => ({ op: 'clwb', map: 'm', off })),
    fc.constantFrom<Op>({ op: 'sfence' }, { op: 'mfence' }, { op: 'lfence' }),
  ];
  if (nt) kinds.push(word.map((w) => ({ op: 'ntstore', map: 'm', off: wordOffset(w), value: { kind: 'int', value: 0n, width: 8 } })));
  return fc.oneof(...kinds);
}

/** Gives every store a unique value 1, 2, 3 ... in program order, so recovery tells stores apart. */
function numbered(ops: readonly Op[]): Op[] {
  let n = 0;
  return ops.map((op) => (op.op === 'store' || op.op === 'ntstore' ? { ...op, value: { kind: 'int', value: BigInt(++n), width: 8 } } : op));
}

/** Workloads of 1 to `max` CPU operations; `nt` adds non-temporal stores. */
export function cpuWorkload(options: { max?: number; nt?: boolean } = {}): fc.Arbitrary<Op[]> {
  return fc.array(opArbitrary(options.nt ?? true), { minLength: 1, maxLength: options.max ?? 10 }).map(numbered);
}

/** The stores of a workload in program order. */
export function storesOf(ops: readonly Op[]): WorkloadStore[] {
  return ops.flatMap((op) =>
    (op.op === 'store' || op.op === 'ntstore') && op.value.kind === 'int'
      ? [{ word: wordIndex(op.off), value: Number(op.value.value) }]
      : [],
  );
}

function wordIndex(off: number): number {
  return Math.floor(off / 64) * WORDS_PER_LINE + (off % 64) / 8;
}
