import { performance } from 'node:perf_hooks';
import { checkLitmus } from '../model/check/check.js';
import type { Litmus, Op } from '../lang/ast.js';
import type { PlatformName } from '../profiles/platforms.js';

const LINES = 6;
const STORES_PER_LINE = 2;

function program(platformName: PlatformName, observed: number): Litmus {
  const stores: Op[] = [];
  for (let s = 0; s < STORES_PER_LINE; s++) {
    for (let l = 0; l < LINES; l++) stores.push({ op: 'store', map: 'm', off: l * 64 + s * 8, value: { kind: 'int', value: BigInt(l * 16 + s + 1), width: 8 } });
  }
  return {
    name: `bench-${platformName}-${observed}`,
    config: [{ key: 'platform', value: platformName }],
    decls: [{ decl: 'device', name: 'd', size: 4096, align: 4096 }],
    program: [{ op: 'mmap', dst: 'm', file: 'd', off: 0, len: 4096, flags: ['MAP_SHARED'] }, ...stores],
    observations: Array.from({ length: observed }, (_, l) => ({ name: `x${l}`, kind: 'bytes' as const, target: 'd', off: l * 64, len: 16, asStr: false })),
    expectations: [],
  };
}

function median(test: Litmus, runs: number): { ms: number; evaluations: number; states: bigint } {
  const times: number[] = [];
  let last = checkLitmus(test);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = checkLitmus(test);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, evaluations: last.stats.evaluations, states: last.stats.crashStates };
}

/**
 * Lazy crash-state exploration against the eager baseline (every line observed, so every line's
 * choice is resolved): same program, same crash points; prints the inputs, the median time of
 * `runs` runs and the ratio.
 */
export function lazyBench(runs: number): void {
  console.log(`lazy exploration: device-dax, ${LINES} lines x ${STORES_PER_LINE} stores, no flushes; median of ${runs} runs`);
  for (const p of ['adr', 'eadr'] as const) {
    const lazy = median(program(p, 1), runs);
    const eager = median(program(p, LINES), runs);
    console.log(`  ${p}: crash states ${lazy.states}; lazy (1 line observed) ${lazy.evaluations} evaluations ${lazy.ms.toFixed(1)} ms; ` +
      `eager baseline (all ${LINES} lines observed) ${eager.evaluations} evaluations ${eager.ms.toFixed(1)} ms; ` +
      `ratio ${(eager.ms / lazy.ms).toFixed(1)}x time, ${(eager.evaluations / lazy.evaluations).toFixed(1)}x evaluations`);
  }
}
