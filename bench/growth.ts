import { childJson } from './child-json.js';
import type { Shape } from './programs.js';

/** What one child process measured (see growth-child.ts). */
interface Sample {
  readonly ops: number;
  /** CPU milliseconds of the check. */
  readonly ms: number;
  readonly maxRssKiB: number;
}

/** The lengths each shape is measured at: the issue's, or small ones for a smoke test. */
const LENGTHS: Readonly<Record<'full' | 'quick', Readonly<Record<Shape, readonly number[]>>>> = {
  full: { 'cpu-few-lines': [1e3, 1e4, 1e5, 1e6], 'cpu-many-lines': [1e3, 1e4, 1e5, 1e6], 'fs-write-fsync': [1e3, 1e4, 1e5] },
  quick: { 'cpu-few-lines': [300, 1e3], 'cpu-many-lines': [300, 1e3], 'fs-write-fsync': [100, 300] },
};

/** The length of the program a child measures to learn the memory a process needs before any operation. */
const BASELINE_OPS = 10;

function measure(shape: Shape, n: number): Sample | string {
  return childJson<Sample>('./growth-child.js', [shape, String(n)]);
}

/**
 * Cost growth in program length (issue 12): each shape checked at each length in a process of its
 * own, printing CPU time and peak memory per operation (peak resident memory past that of a
 * `BASELINE_OPS`-operation run) and both as ratios to the shortest length, side by side.
 */
export function growthBench(quick: boolean): void {
  console.log('cost growth: each length in a child process; time is CPU time, memory is peak RSS past a 10-operation run');
  for (const [shape, lengths] of Object.entries(LENGTHS[quick ? 'quick' : 'full']) as [Shape, readonly number[]][]) {
    const base = measure(shape, BASELINE_OPS);
    const baseKiB = typeof base === 'string' ? 0 : base.maxRssKiB;
    console.log(`  ${shape} (baseline ${(baseKiB / 1024).toFixed(0)} MiB):`);
    let first: { us: number; kib: number } | undefined;
    for (const n of lengths) {
      const s = measure(shape, n);
      if (typeof s === 'string') {
        console.log(`    N=${n}: ${s}`);
        continue;
      }
      const per = { us: (s.ms * 1000) / s.ops, kib: Math.max(0, s.maxRssKiB - baseKiB) / s.ops };
      first ??= per;
      console.log(`    N=${n}: ${(s.ms / 1000).toFixed(2)} CPU s, peak ${(s.maxRssKiB / 1024).toFixed(0)} MiB; ` +
        `${per.us.toFixed(1)} us/op (${(per.us / first.us).toFixed(2)}x), ${per.kib.toFixed(2)} KiB/op (${(per.kib / first.kib).toFixed(2)}x)`);
    }
  }
}
