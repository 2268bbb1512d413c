import { childJson } from './child-json.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { traceLog, type TraceOptions } from '../cli/trace-command.js';
import { packageRoot } from '../report/package-root.js';
import type { TraceResult } from '../trace/check-trace.js';
import { pmreorderMissing, runPmreorder, type Engine, type PmreorderRun } from './pmreorder-run.js';
import { buildCheckers, buildHashmapChecker, TRACE_FIXTURES as FIXTURES } from './trace-checkers.js';
import { summaryOf, type RunSummary, type Timing } from './trace-summary.js';
const PMREORDER = join(packageRoot(), 'bench/pmreorder/pmreorder.py');

/** A provided log, its checker (built from checkers/NAME.c, with arguments) and the same check as a module. */
interface BenchLog {
  readonly name: string;
  readonly image: string;
  readonly checker: readonly string[];
  readonly module: string;
  /** Whether the module reads the image: one that reads nothing sees one view, so its cost per view is no cost per image. */
  readonly reads: boolean;
}

const flag = (name: string, n: 32 | 128): BenchLog => ({ name, image: `${name}.pre`, checker: ['flag_check', String(n)], module: n === 32 ? 'flag_check.mjs' : 'flag_check_128.mjs', reads: true });
const LOGS: readonly BenchLog[] = [
  flag('flag_good', 32),
  flag('flag_bad_order', 32),
  flag('flag_unflushed', 32),
  flag('flag_one_persist', 32),
  flag('nt_good', 128),
  flag('nt_nodrain', 128),
  { name: 'simple_copy', image: 'simple_copy.pre', checker: ['true_check'], module: 'true_check.mjs', reads: false },
  // The pool held keys 1, 2, 3; the run inserted 10 then 20. Its check needs libpmemobj, so in process it has none.
  { name: 'hashmap_tx_insert.dedup', image: 'hashmap_tx_insert.pre.gz', checker: ['hashmap_check', '1,2,3', '10,20'], module: 'true_check.mjs', reads: false },
];

/** The engines pmreorder can finish on a log: ReorderFull tries every permutation of an epoch's stores, feasible on the flag_* logs only. */
function enginesFor(log: BenchLog, quick: boolean): Engine[] {
  if (quick) return ['NoReorderDoCheck'];
  const engines: Engine[] = ['NoReorderDoCheck', 'ReorderAccumulative', 'ReorderReverseAccumulative', 'ReorderPartial'];
  return log.name.startsWith('flag_') ? [...engines, 'ReorderFull'] : engines;
}

/**
 * Side by side with PMDK's pmreorder (issue 13): on each provided log, pmreorder with each engine it
 * can finish and daxcheck trace with the same checker program, then with the same check in process;
 * crash points, checker calls, distinct images, inconsistencies, wall time and the ratios, and the
 * cost per distinct crash image in process against pmreorder's cost per check.
 */
export async function traceBench(quick: boolean): Promise<void> {
  const bin = mkdtempSync(join(tmpdir(), 'daxcheck-bench-trace-'));
  try {
    buildCheckers(bin);
    if (!quick) buildHashmapChecker(bin);
    const missing = pmreorderMissing();
    const timing = quick ? QUICK : TIMING;
    console.log(`side by side with pmreorder (bench/pmreorder, python3) on test/trace/fixtures; wall times; in-process: in a child process per log, the least mean of ${timing.rounds} batches of runs of at least ${timing.batchMs} ms each, after one batch of warm-up, alternating with the walk that reads nothing`);
    if (missing) console.log(`  pmreorder skipped: ${missing}`);
    const ratios: Ratios[] = [];
    for (const log of quick ? LOGS.filter((l) => l.name === 'flag_unflushed') : LOGS) ratios.push(...(await compare(log, bin, quick, missing)));
    const say = (what: string, all: number[]) => all.length > 0 && console.log(`  pmreorder's cost per check over daxcheck's per distinct view in process (${what}): at least ${Math.min(...all).toFixed(0)}x (median ${median(all).toFixed(0)}x)`);
    say('whole runs, checkers that read', ratios.map((r) => r.whole));
    say('marginal: the run with a checker that reads less the same run with one that reads nothing, over its distinct views', ratios.flatMap((r) => (r.marginal === undefined ? [] : [r.marginal])));
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** pmreorder's cost per check over daxcheck's per distinct view: of the whole in-process run, and of the views alone (undefined below the timer's resolution). */
interface Ratios {
  readonly whole: number;
  readonly marginal?: number;
}

const TIMING: Timing = { rounds: 15, batchMs: 40 };
const QUICK: Timing = { rounds: 2, batchMs: 5 };

async function compare(log: BenchLog, bin: string, quick: boolean, missing: string | undefined): Promise<Ratios[]> {
  const path = join(FIXTURES, 'logs', `${log.name}.log`);
  const options: TraceOptions = { image: [join(FIXTURES, 'images', log.image)], platform: 'adr', crashAt: 'fences', maxImages: 10000, bound: 1 };
  const command = [join(bin, log.checker[0]!), ...log.checker.slice(1)];
  console.log(`  ${log.name} (checker ${log.checker.join(' ')}):`);
  const program = await timed(() => traceLog(path, { ...options, checker: command.join(' ') }));
  console.log(`    daxcheck, checker program: ${daxcheckLine(summaryOf(program.result), program.ms)}`);
  // The same walk of the log with a check that reads nothing: what is left is the cost of the views themselves.
  const walkOptions = log.reads ? [{ ...options, checkModule: join(FIXTURES, 'true_check.mjs') }] : [];
  const [inProcess, walk] = inProcessRuns(path, [{ ...options, checkModule: join(FIXTURES, log.module) }, ...walkOptions], quick ? QUICK : TIMING);
  const perView = inProcess!.ms / inProcess!.result.distinct;
  console.log(`    daxcheck, in-process ${log.module}: ${daxcheckLine(inProcess!.result, inProcess!.ms)}; ${log.reads ? `${perView.toFixed(4)} ms per distinct view` : 'reads nothing: no cost per image'}`);
  const marginal = walk && inProcess!.ms > walk.ms ? (inProcess!.ms - walk.ms) / inProcess!.result.distinct : undefined;
  if (walk) console.log(`    daxcheck, in-process true_check.mjs (reads nothing): ${micro(walk.ms)}; ${marginal === undefined ? 'the views cost less than the timer tells apart' : `${marginal.toFixed(4)} ms per distinct view beyond the walk`}`);
  const ratios: Ratios[] = [];
  for (const engine of missing ? [] : enginesFor(log, quick)) {
    const dir = mkdtempSync(join(bin, 'pmreorder-'));
    const run = runPmreorder(PMREORDER, dir, { path, image: options.image[0]! }, engine, command);
    rmSync(dir, { recursive: true, force: true });
    const perCheck = typeof run === 'string' || run.checks === 0 ? undefined : run.ms / run.checks;
    if (perCheck !== undefined && log.reads) ratios.push({ whole: perCheck / perView, ...(marginal === undefined ? {} : { marginal: perCheck / marginal }) });
    const against = perCheck !== undefined && log.reads ? `, per check ${(perCheck / perView).toFixed(0)}x daxcheck's per distinct view in process${marginal === undefined ? '' : ` (${(perCheck / marginal).toFixed(0)}x its marginal cost)`}` : '';
    console.log(`    pmreorder ${engine}: ${typeof run === 'string' ? run : `${pmreorderLine(run)}; time ${(run.ms / program.ms).toFixed(1)}x daxcheck's (checker program)${against}`}`);
  }
  return ratios;
}

async function timed(run: () => Promise<TraceResult>): Promise<{ result: TraceResult; ms: number }> {
  const t0 = performance.now();
  const result = await run();
  return { result, ms: performance.now() - t0 };
}

function pmreorderLine(run: PmreorderRun): string {
  return `checker calls ${run.checks}, distinct images ${run.distinct}, inconsistent ${run.inconsistent} (${run.inconsistentDistinct} distinct), ${seconds(run.ms)}, ${(run.ms / run.checks).toFixed(1)} ms per check`;
}

function daxcheckLine(r: RunSummary, ms: number): string {
  return `crash points ${r.crashPoints} (${r.explored} explored${r.bounded > 0 ? `, ${r.bounded} bounded` : ''}), crash states ${r.states}, checker calls ${r.checkerCalls}, distinct ${r.lazy ? 'views' : 'images'} ${r.distinct}, inconsistent ${r.inconsistent}, ${ms < 10 ? micro(ms) : seconds(ms)}`;
}

/**
 * Times in-process runs with each of `options` in a child process (bench/trace-timing-child.ts):
 * each one's least batch mean, with its last run's summary.
 */
function inProcessRuns(path: string, options: readonly TraceOptions[], timing: Timing): { result: RunSummary; ms: number }[] {
  const runs = childJson<{ result: RunSummary; ms: number }[]>('./trace-timing-child.js', [path, JSON.stringify({ options, timing })]);
  if (typeof runs === 'string') throw new Error(`in-process timing of ${path} ${runs}`);
  return runs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const micro = (ms: number) => `${(ms * 1000).toFixed(1)} us`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
