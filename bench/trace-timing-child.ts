import { setAutoFreeze } from 'immer';
import { performance } from 'node:perf_hooks';
import { traceLog, type TraceOptions } from '../cli/trace-command.js';
import type { TraceResult } from '../trace/check-trace.js';
import { summaryOf, type RunSummary, type Timing } from './trace-summary.js';

/**
 * The in-process timings of the side-by-side benchmark (bench/trace.ts), in a process of their own,
 * as `daxcheck trace` runs: in the bench's own process, after its other sections, the JIT's
 * feedback from the matrix's code made a view cost twice as much. Arguments: the log and a JSON
 * `{ options, timing }`; prints each option's least batch mean and its last run's summary, as JSON.
 */
setAutoFreeze(false);
const [log, spec] = process.argv.slice(2) as [string, string];
const { options, timing } = JSON.parse(spec) as { options: TraceOptions[]; timing: Timing };
console.log(JSON.stringify(await inProcessRuns(log, options, timing)));

/**
 * Times in-process runs with each of `options`: batches of runs of at least `batchMs`, the options
 * taking turns so that all see the same load, after one batch each of warm-up (the module's import,
 * the JIT); each one's least batch mean over the rounds (the batch least disturbed by the machine's
 * other work), with the summary of its last run.
 */
async function inProcessRuns(path: string, options: readonly TraceOptions[], timing: Timing): Promise<{ result: RunSummary; ms: number }[]> {
  const best = options.map(() => ({ result: undefined as RunSummary | undefined, ms: Infinity }));
  for (let round = 0; round <= timing.rounds; round++) {
    for (const [i, o] of options.entries()) {
      const batch = await batchOf(() => traceLog(path, o), timing.batchMs);
      if (round > 0 && batch.ms < best[i]!.ms) best[i] = batch;
    }
  }
  return best.map(({ result, ms }) => ({ result: result!, ms }));
}

/** Runs `run` again and again for at least `ms`: its last result's summary and the mean time of a run. */
async function batchOf(run: () => Promise<TraceResult>, ms: number): Promise<{ result: RunSummary; ms: number }> {
  const t0 = performance.now();
  let [result, runs] = [await run(), 1];
  while (performance.now() - t0 < ms) [result, runs] = [await run(), runs + 1];
  return { result: summaryOf(result), ms: (performance.now() - t0) / runs };
}
