import { setAutoFreeze } from 'immer';
import { cpus, platform, release } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkLitmus } from '../model/check/check.js';
import type { Litmus, Op } from '../lang/ast.js';
import type { PlatformName } from '../profiles/platforms.js';

/**
 * Benchmark: lazy crash-state exploration against the eager baseline (every line observed, so
 * every line's choice is resolved). Same program, same crash points; prints the machine, the
 * inputs, the median time of several runs and the ratio.
 */
const LINES = 6;
const STORES_PER_LINE = 2;
const RUNS = 7;

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

function median(test: Litmus): { ms: number; evaluations: number; states: bigint } {
  const times: number[] = [];
  let last = checkLitmus(test);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = checkLitmus(test);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, evaluations: last.stats.evaluations, states: last.stats.crashStates };
}

setAutoFreeze(false);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, ${platform()} ${release()}, node ${process.version}`);
console.log(`inputs: device-dax, ${LINES} lines x ${STORES_PER_LINE} stores, no flushes; median of ${RUNS} runs`);
for (const p of ['adr', 'eadr'] as const) {
  const lazy = median(program(p, 1));
  const eager = median(program(p, LINES));
  console.log(`${p}: crash states ${lazy.states}; lazy (1 line observed) ${lazy.evaluations} evaluations ${lazy.ms.toFixed(1)} ms; ` +
    `eager baseline (all ${LINES} lines observed) ${eager.evaluations} evaluations ${eager.ms.toFixed(1)} ms; ` +
    `ratio ${(eager.ms / lazy.ms).toFixed(1)}x time, ${(eager.evaluations / lazy.evaluations).toFixed(1)}x evaluations`);
}
