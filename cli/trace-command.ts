import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { message, userError } from '../lang/messages.js';
import { checkedUnder, parseMarkerConfig } from '../lang/trace/marker-config.js';
import { readLog } from '../lang/trace/read-log.js';
import type { PlatformName } from '../profiles/platforms.js';
import { traceCounterexample, type TraceRun } from '../report/trace-counterexample.js';
import { traceReport } from '../report/trace-report.js';
import { checkTrace, type TraceResult, type TraceWatch } from '../trace/check-trace.js';
import { crashPointAt } from '../trace/point-at.js';
import { storesInFlight } from '../trace/explain.js';
import { checkerName, judgeOf, type Checker } from '../trace/judge-of.js';
import type { CrashAt } from '../trace/machine.js';
import { shrinkLost } from '../trace/shrink-lost.js';
import { traceContext } from '../trace/trace-context.js';
import { traceLitmus } from '../trace/trace-litmus.js';
import { printLitmus } from '../lang/print.js';
import { EXIT } from './exit.js';
import { stoppedStatus, yieldToEvents, type Io } from './io.js';
import { traceProgress } from './progress.js';

/** The options of `daxcheck trace`. */
export interface TraceOptions {
  readonly image: readonly string[];
  readonly platform: PlatformName;
  readonly checker?: string;
  readonly checkModule?: string;
  /** A file of litmus observations and `forall`/`~exists` expectations every crash image must meet. */
  readonly expect?: string;
  readonly crashAt: CrashAt;
  readonly maxImages: number;
  readonly bound: number;
  readonly parallel?: number;
  /** pmreorder's marker configuration (`-x`): a JSON file or NAME=Engine,... */
  readonly markers?: string;
  /** The folder the counterexample files are written to. */
  readonly out?: string;
  /** Print the log as a litmus test instead of checking it. */
  readonly litmus?: boolean;
}

/** `daxcheck trace LOG`: 0 when every crash image checked is consistent, 1 when one is not, 2 on bad input or a truncated search. */
export async function runTrace(log: string, opts: TraceOptions, io: Io): Promise<number> {
  if (opts.litmus) return printTraceLitmus(log, opts, io);
  const started = Date.now();
  const progress = traceProgress(io, log);
  // A signal stops the reading of the log, between records: the loop waits for events to see one.
  const stop = async () => (await yieldToEvents(), io.stopRequested() !== undefined);
  const result = await traceLog(log, opts, { progress: progress.update, stop });
  progress.done();
  // The run stops early only when a signal asked it to.
  const stoppedBy = result.stoppedAfter === undefined ? undefined : io.stopRequested();
  const { ctx } = traceContext(opts.image, opts.platform);
  const header = { log, platform: opts.platform, checker: checkerName(checkerOf(opts)), ...(stoppedBy ? { stoppedBy } : {}) };
  for (const line of traceReport(header, result, (w) => storesInFlight(w, ctx.persistence))) io.out(line);
  if (opts.out !== undefined) for (const file of await writeCounterexamples(log, opts, result)) io.out(message('traceWrote', file));
  io.err(message('traceTime', ((Date.now() - started) / 1000).toFixed(2)));
  if (stoppedBy) return stoppedStatus(stoppedBy);
  if (result.inconsistent.length > 0) return EXIT.verdict;
  return result.coverage.truncated.length > 0 ? EXIT.usage : EXIT.ok;
}

/** Checks the log `log` as `daxcheck trace` does, told of its progress and asked whether to stop by `watch`. */
export async function traceLog(log: string, opts: TraceOptions, watch?: TraceWatch): Promise<TraceResult> {
  const { layout, ctx } = traceContext(opts.image, opts.platform);
  const judge = await judgeOf(checkerOf(opts), layout, ctx, opts.parallel);
  const markers = opts.markers === undefined ? undefined : parseMarkerConfig(opts.markers);
  return checkTrace(readLog(log), ctx, judge, layout, { crashAt: opts.crashAt, budget: { maxImages: opts.maxImages, bound: opts.bound }, ...(markers ? { checked: (open: readonly string[]) => checkedUnder(markers, open) } : {}), ...(watch ? { watch } : {}) });
}

/** `daxcheck trace LOG --litmus`: the log as a litmus test, on stdout. */
function printTraceLitmus(log: string, opts: TraceOptions, io: Io): number {
  const { layout } = traceContext(opts.image, opts.platform);
  for (const line of printLitmus(traceLitmus(readLog(log), log, layout, opts.platform)).trimEnd().split('\n')) io.out(line);
  return EXIT.ok;
}

function checkerOf(opts: TraceOptions): Checker {
  const given: Checker[] = [
    ...(opts.checker !== undefined ? [{ program: opts.checker }] : []),
    ...(opts.checkModule !== undefined ? [{ module: opts.checkModule }] : []),
    ...(opts.expect !== undefined ? [{ expect: opts.expect }] : []),
  ];
  if (given.length !== 1) throw userError('traceCheckerOption', undefined);
  return given[0]!;
}

/**
 * Writes one counterexample file per inconsistent image into `opts.out`, each with its "not
 * persisted" side shrunk at its crash point (the log is read again up to it).
 */
async function writeCounterexamples(log: string, opts: TraceOptions, result: TraceResult): Promise<string[]> {
  const out = opts.out!;
  mkdirSync(out, { recursive: true });
  const run: TraceRun = { log, images: opts.image, platform: opts.platform, crashAt: opts.crashAt, checker: checkerOf(opts) };
  const files: string[] = [];
  for (const [i, { witness, verdict }] of result.inconsistent.entries()) {
    const { layout, ctx } = traceContext(opts.image, opts.platform);
    const point = crashPointAt(readLog(log), layout, ctx, opts.crashAt, witness.point.record)!;
    const judge = await judgeOf(run.checker, layout, ctx, opts.parallel);
    const lost = await shrinkLost(point, witness.choices, judge).finally(() => judge.close());
    const cx = traceCounterexample(run, out, { witness, verdict, lost, stores: storesInFlight(witness, ctx.persistence, lost) ?? [] }, i + 1);
    const file = join(out, `${cx.name}.json`);
    writeFileSync(file, `${JSON.stringify(cx, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
