import { setAutoFreeze } from 'immer';
import { cpus, platform, release, totalmem } from 'node:os';
import { AGAINST_DEFAULT, againstBench } from './against.js';
import { growthBench } from './growth.js';
import { lazyBench } from './lazy.js';
import { outcomesBench } from './outcomes.js';
import { traceBench } from './trace.js';
import { traceScaleBench } from './trace-scale.js';

/**
 * `npm run bench`: prints the machine, then each section with its inputs and its measurements side
 * by side. `--quick` (or DAXCHECK_BENCH_QUICK=1) uses small inputs, for a smoke test; `--against REF`
 * (or DAXCHECK_BENCH_AGAINST=REF) names the previous implementation the last section compares with.
 */
const quick = process.argv.includes('--quick') || process.env['DAXCHECK_BENCH_QUICK'] === '1';
const againstAt = process.argv.indexOf('--against');
const against = (againstAt >= 0 ? process.argv[againstAt + 1] : undefined) ?? process.env['DAXCHECK_BENCH_AGAINST'] ?? AGAINST_DEFAULT;
setAutoFreeze(false);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}${quick ? ' (quick)' : ''}`);
lazyBench(quick ? 1 : 7);
outcomesBench(quick);
growthBench(quick);
await traceBench(quick);
traceScaleBench(quick);
againstBench(quick, against);
