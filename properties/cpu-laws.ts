import type { Cond, Litmus, Op } from '../lang/ast.js';
import { allOf, anyOf, eq } from '../lang/build.js';
import { storesOf, WORDS_PER_LINE, WORKLOAD_LINES, wordOffset, type WorkloadStore } from './cpu-workload.js';
import type { PlatformName } from '../profiles/platforms.js';

/**
 * Laws of the x86 persistency model (DESIGN 1.1) as litmus tests built around a generated workload:
 * each law adds the operations and expectations that state it, so a violation is an ordinary
 * failing litmus test with a counterexample.
 */
export type Law = 'flush-fence-durable' | 'line-fifo' | 'eadr-prefix' | 'all-may-persist';

export const LAWS: Readonly<Record<Law, string>> = {
  'flush-fence-durable': 'after flushing every line (clflush, or clwb/clflushopt and a final sfence), every word holds its last store',
  'line-fifo': 'on ADR each line persists a program-order prefix of its cached stores',
  'eadr-prefix': 'on eADR the persisted cached stores are one program-order prefix over all lines',
  'all-may-persist': 'at the end, some crash state has every store persisted (eviction may write back any line)',
};

const words = WORKLOAD_LINES * WORDS_PER_LINE;
const wordName = (w: number) => `w${w}`;
const is = (w: number, value: number): Cond => eq(wordName(w), value);

/** Each word's value after the first `count` stores of `stores`. */
function valuesAfter(stores: readonly WorkloadStore[], count: number): number[] {
  const values = new Array<number>(words).fill(0);
  for (const s of stores.slice(0, count)) values[s.word] = s.value;
  return values;
}

/** Every word holds its value after some prefix of `stores` (only the words in `scope`). */
function somePrefix(stores: readonly WorkloadStore[], scope: readonly number[]): Cond {
  return anyOf(...stores.map((_, i) => i + 1).concat(0).map((n) => allOf(...scope.map((w) => is(w, valuesAfter(stores, n)[w]!)))));
}

/** The litmus test that states `law` for `workload` on `platform`; `flushes` picks clflush (true) or clwb per line. */
export function lawTest(law: Law, workload: readonly Op[], platform: PlatformName, flushes: readonly boolean[] = []): Litmus {
  const stores = storesOf(workload);
  const tail = law === 'flush-fence-durable' ? recipe(flushes, workload.some((op) => op.op === 'ntstore')) : [];
  return {
    name: `law-${law}-${platform}`,
    config: [{ key: 'platform', value: platform }],
    decls: [{ decl: 'device', name: 'd', size: 4096, align: 4096 }],
    program: [{ op: 'mmap', dst: 'm', file: 'd', off: 0, len: 4096, flags: ['MAP_SHARED'] }, ...workload, ...tail, { op: 'label', name: 'L' }],
    observations: Array.from({ length: words }, (_, w) => ({ name: wordName(w), kind: 'bytes' as const, target: 'd', off: wordOffset(w), len: 8, asStr: false })),
    expectations: expectations(law, stores),
  };
}

/** Flush every line with clflush or clwb; fence once if a clwb or a non-temporal store needs it. */
function recipe(flushes: readonly boolean[], nt: boolean): Op[] {
  const ops: Op[] = Array.from({ length: WORKLOAD_LINES }, (_, l) => ({ op: flushes[l] ? 'clflush' : 'clwb', map: 'm', off: l * 64 }));
  return nt || ops.some((op) => op.op === 'clwb') ? [...ops, { op: 'sfence' }] : ops;
}

function expectations(law: Law, stores: readonly WorkloadStore[]): Litmus['expectations'] {
  const final = valuesAfter(stores, stores.length);
  const everyWord = Array.from({ length: words }, (_, w) => w);
  switch (law) {
    case 'flush-fence-durable':
      return [{ quantifier: 'forall', scope: { kind: 'after', label: 'L' }, cond: allOf(...everyWord.map((w) => is(w, final[w]!))) }];
    case 'all-may-persist':
      return [{ quantifier: 'exists', scope: { kind: 'end' }, cond: allOf(...everyWord.map((w) => is(w, final[w]!))) }];
    case 'eadr-prefix':
      return [{ quantifier: 'forall', scope: { kind: 'all' }, cond: somePrefix(stores, everyWord) }];
    case 'line-fifo':
      return Array.from({ length: WORKLOAD_LINES }, (_, l) => {
        const scope = everyWord.filter((w) => Math.floor(w / WORDS_PER_LINE) === l);
        const own = stores.filter((s) => scope.includes(s.word));
        return { quantifier: 'forall' as const, scope: { kind: 'all' as const }, cond: somePrefix(own, scope) };
      });
  }
}
