import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { message, userError } from '../lang/messages.js';
import { readLog } from '../lang/trace/read-log.js';
import { persistenceOf, type Persistence } from '../model/core/persistence.js';
import type { PersistContext } from '../model/x86/persist.js';
import { NO_BUGS } from '../profiles/bugs.js';
import { PLATFORMS, type PlatformName } from '../profiles/platforms.js';
import { traceReport } from '../report/trace-report.js';
import { checkTrace, type TraceResult } from '../trace/check-trace.js';
import { storesInFlight } from '../trace/explain.js';
import type { Judge } from '../trace/judge.js';
import { Layout } from '../trace/layout.js';
import { moduleJudge, type CheckFunction } from '../trace/module-judge.js';
import { programJudge } from '../trace/program-judge.js';
import type { CrashAt } from '../trace/machine.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';

/** The options of `daxcheck trace`. */
export interface TraceOptions {
  readonly image: readonly string[];
  readonly platform: PlatformName;
  readonly checker?: string;
  readonly checkModule?: string;
  readonly crashAt: CrashAt;
  readonly maxImages: number;
  readonly bound: number;
  readonly parallel?: number;
}

/** `daxcheck trace LOG`: 0 when every crash image checked is consistent, 1 when one is not, 2 on bad input or a truncated search. */
export async function runTrace(log: string, opts: TraceOptions, io: Io): Promise<number> {
  const started = Date.now();
  const { result, persistence } = await traceLog(log, opts);
  const checker = opts.checker ?? opts.checkModule!;
  for (const line of traceReport({ log, platform: opts.platform, checker }, result, (w) => storesInFlight(w, persistence))) io.out(line);
  io.err(message('traceTime', ((Date.now() - started) / 1000).toFixed(2)));
  if (result.inconsistent.length > 0) return EXIT.verdict;
  return result.coverage.truncated.length > 0 ? EXIT.usage : EXIT.ok;
}

/** Checks the log `log` as `daxcheck trace` does, with the persistence its platform gives (for explaining witnesses). */
export async function traceLog(log: string, opts: TraceOptions): Promise<{ result: TraceResult; persistence: Persistence }> {
  const layout = new Layout((path, k) => loadImage(opts.image[k] ?? path));
  const persistence = persistenceOf(PLATFORMS[opts.platform].domain);
  const ctx: PersistContext = { persistence, bugs: NO_BUGS, initial: (line) => layout.initial(line) };
  const judge = await judgeOf(opts, layout, ctx);
  const result = await checkTrace(readLog(log), ctx, judge, layout, { crashAt: opts.crashAt, budget: { maxImages: opts.maxImages, bound: opts.bound } });
  return { result, persistence };
}

async function judgeOf(opts: TraceOptions, layout: Layout, ctx: PersistContext): Promise<Judge> {
  if ((opts.checker === undefined) === (opts.checkModule === undefined)) throw userError('traceCheckerOption', undefined);
  if (opts.checker !== undefined) return programJudge({ command: opts.checker, ...(opts.parallel ? { parallel: opts.parallel } : {}) }, layout, ctx);
  return moduleJudge(await loadCheckModule(opts.checkModule!), layout, ctx);
}

/** The checker a module exports: its default export or `check`, a function. */
async function loadCheckModule(file: string): Promise<CheckFunction> {
  let loaded: { default?: unknown; check?: unknown };
  try {
    loaded = (await import(pathToFileURL(resolve(file)).href)) as typeof loaded;
  } catch (e) {
    throw userError('checkModuleLoad', undefined, file, e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const check = loaded.default ?? loaded.check;
  if (typeof check !== 'function') throw userError('checkModuleExport', undefined, file);
  return check as CheckFunction;
}

/** A pre-run image: the file as it is, or gunzipped when its name ends in .gz. */
function loadImage(file: string): Uint8Array {
  try {
    const bytes = readFileSync(file);
    return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  } catch (e) {
    throw userError('traceImage', undefined, file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
