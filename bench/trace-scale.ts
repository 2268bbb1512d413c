import { childJson } from './child-json.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POOL_SIZE, writeSyntheticLog } from './trace-log.js';

/** What one child process measured (see trace-scale-child.ts). */
interface Sample {
  readonly stores: number;
  /** CPU milliseconds of the check. */
  readonly ms: number;
  readonly maxRssKiB: number;
  readonly points: number;
  readonly distinct: number;
}

/** A fixed check: the flag word, read each time (so every crash point is judged). */
const CHECK = 'export default (image) => image.read(0, 8).length === 8;\n';

function measure(dir: string, stores: number): Sample | string {
  const log = join(dir, `synthetic-${stores}.log`);
  writeSyntheticLog(log, stores);
  const sample = childJson<Sample>('./trace-scale-child.js', [log, join(dir, 'synthetic.pre'), join(dir, 'check.mjs')]);
  rmSync(log);
  return sample;
}

/**
 * Trace cost growth in log length (issue 13, item 6: a 10^6-store log in at most 1 GiB, cost linear
 * in its length for a fixed check): synthetic logs in pmemcheck's format (bench/trace-log.ts), each
 * checked in a process of its own with an in-process check of the flag word; CPU time and peak
 * memory per store (past that of a 10-store log), and both as ratios to the shortest log.
 */
export function traceScaleBench(quick: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-bench-trace-scale-'));
  try {
    writeFileSync(join(dir, 'synthetic.pre'), Buffer.alloc(POOL_SIZE));
    writeFileSync(join(dir, 'check.mjs'), CHECK);
    const base = measure(dir, 10);
    const baseKiB = typeof base === 'string' ? 0 : base.maxRssKiB;
    console.log(`trace scale: synthetic pmemcheck logs (8 stores, 2 flushes, 2 fences, 2 markers an iteration), a flag check in process; CPU time, peak RSS past a 10-store log (${(baseKiB / 1024).toFixed(0)} MiB)`);
    let first: { us: number; kib: number } | undefined;
    for (const n of quick ? [1e3, 1e4] : [1e4, 1e5, 1e6]) {
      const s = measure(dir, n);
      if (typeof s === 'string') {
        console.log(`  N=${n}: ${s}`);
        continue;
      }
      const per = { us: (s.ms * 1000) / s.stores, kib: Math.max(0, s.maxRssKiB - baseKiB) / s.stores };
      first ??= per;
      console.log(`  N=${n}: ${s.stores} stores, crash points ${s.points}, distinct views ${s.distinct}: ${(s.ms / 1000).toFixed(2)} CPU s, peak ${(s.maxRssKiB / 1024).toFixed(0)} MiB; ` +
        `${per.us.toFixed(1)} us/store (${(per.us / first.us).toFixed(2)}x), ${per.kib.toFixed(3)} KiB/store (${(per.kib / first.kib).toFixed(2)}x)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
