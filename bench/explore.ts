import { setAutoFreeze } from 'immer';
import { cpus, platform, release, totalmem } from 'node:os';
import { growthBench } from './growth.js';
import { lazyBench } from './lazy.js';
import { outcomesBench } from './outcomes.js';
import { traceBench } from './trace.js';
import { traceScaleBench } from './trace-scale.js';

/**
 * `npm run bench`: prints the machine, then each section with its inputs and its measurements side
 * by side. `--quick` (or DAXCHECK_BENCH_QUICK=1) uses small inputs, for a smoke test.
 */
const quick = process.argv.includes('--quick') || process.env['DAXCHECK_BENCH_QUICK'] === '1';
setAutoFreeze(false);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}${quick ? ' (quick)' : ''}`);
lazyBench(quick ? 1 : 7);
outcomesBench(quick);
growthBench(quick);
await traceBench(quick);
traceScaleBench(quick);
