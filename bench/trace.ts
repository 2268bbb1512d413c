import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { traceLog, type TraceOptions } from '../cli/trace-command.js';
import { packageRoot } from '../report/package-root.js';
import type { TraceResult } from '../trace/check-trace.js';
import { pmreorderMissing, runPmreorder, type Engine, type PmreorderRun } from './pmreorder-run.js';

const FIXTURES = join(packageRoot(), 'test/trace/fixtures');
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
  { name: 'hashmap_tx_insert.dedup', image: 'hashmap_tx_insert.pre.gz', checker: ['true_check'], module: 'true_check.mjs', reads: false },
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
    const missing = pmreorderMissing();
    console.log(`side by side with pmreorder (bench/pmreorder, python3) on test/trace/fixtures; wall times; in-process: median of ${quick ? 1 : 5} runs after one warm-up`);
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

async function compare(log: BenchLog, bin: string, quick: boolean, missing: string | undefined): Promise<Ratios[]> {
  const path = join(FIXTURES, 'logs', `${log.name}.log`);
  const options: TraceOptions = { image: [join(FIXTURES, 'images', log.image)], platform: 'adr', crashAt: 'fences', maxImages: 10000, bound: 1 };
  const command = [join(bin, log.checker[0]!), ...log.checker.slice(1)];
  console.log(`  ${log.name} (checker ${log.checker.join(' ')}):`);
  const program = await timed(() => traceLog(path, { ...options, checker: command.join(' ') }));
  console.log(`    daxcheck, checker program: ${daxcheckLine(program.result, program.ms)}`);
  const runs = quick ? 1 : 5;
  const inProcess = await inProcessRun(path, { ...options, checkModule: join(FIXTURES, log.module) }, runs);
  const perView = inProcess.ms / inProcess.result.distinct;
  console.log(`    daxcheck, in-process ${log.module}: ${daxcheckLine(inProcess.result, inProcess.ms)}; ${log.reads ? `${perView.toFixed(3)} ms per distinct view` : 'reads nothing: no cost per image'}`);
  // The same walk of the log with a check that reads nothing: what is left is the cost of the views themselves.
  const walk = log.reads ? await inProcessRun(path, { ...options, checkModule: join(FIXTURES, 'true_check.mjs') }, runs) : undefined;
  const marginal = walk && inProcess.ms > walk.ms ? (inProcess.ms - walk.ms) / inProcess.result.distinct : undefined;
  if (walk) console.log(`    daxcheck, in-process true_check.mjs (reads nothing): ${seconds(walk.ms)}; ${marginal === undefined ? 'the views cost less than the timer tells apart' : `${marginal.toFixed(4)} ms per distinct view beyond the walk`}`);
  const ratios: Ratios[] = [];
  for (const engine of missing ? [] : enginesFor(log, quick)) {
    const dir = mkdtempSync(join(bin, 'pmreorder-'));
    const run = runPmreorder(PMREORDER, dir, { path, image: options.image[0]! }, engine, command);
    rmSync(dir, { recursive: true, force: true });
    if (typeof run !== 'string' && run.checks > 0 && log.reads) ratios.push({ whole: run.ms / run.checks / perView, ...(marginal === undefined ? {} : { marginal: run.ms / run.checks / marginal }) });
    console.log(`    pmreorder ${engine}: ${typeof run === 'string' ? run : `${pmreorderLine(run)}; time ${(run.ms / program.ms).toFixed(1)}x daxcheck's (checker program)${run.checks > 0 && log.reads ? `, per check ${(run.ms / run.checks / perView).toFixed(0)}x daxcheck's per distinct view in process` : ''}`}`);
  }
  return ratios;
}

/** The median of `runs` in-process runs, after one warm-up run (the module's import and the JIT). */
async function inProcessRun(path: string, options: TraceOptions, runs: number): Promise<{ result: TraceResult; ms: number }> {
  await traceLog(path, options);
  const all: { result: TraceResult; ms: number }[] = [];
  for (let i = 0; i < runs; i++) all.push(await timed(() => traceLog(path, options)));
  return all.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
}

async function timed(run: () => Promise<TraceResult>): Promise<{ result: TraceResult; ms: number }> {
  const t0 = performance.now();
  const result = await run();
  return { result, ms: performance.now() - t0 };
}

function pmreorderLine(run: PmreorderRun): string {
  return `checker calls ${run.checks}, distinct images ${run.distinct}, inconsistent ${run.inconsistent} (${run.inconsistentDistinct} distinct), ${seconds(run.ms)}, ${(run.ms / run.checks).toFixed(1)} ms per check`;
}

function daxcheckLine(r: TraceResult, ms: number): string {
  const explored = r.coverage.exhaustive.length + r.coverage.bounded.length + r.coverage.truncated.length;
  return `crash points ${r.crashPoints} (${explored} explored${r.coverage.bounded.length > 0 ? `, ${r.coverage.bounded.length} bounded` : ''}), crash states ${r.states}, checker calls ${r.checkerCalls}, distinct ${r.lazy ? 'views' : 'images'} ${r.distinct}, inconsistent ${r.inconsistent.length}, ${seconds(ms)}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function buildCheckers(bin: string): void {
  execFileSync('gcc', ['-O2', '-I', join(FIXTURES, 'stub'), '-o', join(bin, 'flag_check'), join(FIXTURES, 'checkers/flag_check.c')]);
  execFileSync('gcc', ['-O2', '-o', join(bin, 'true_check'), join(FIXTURES, 'checkers/true_check.c')]);
}
