import { readLog } from '../lang/trace/read-log.js';
import { message } from '../lang/messages.js';
import type { Choice } from '../model/check/explore.js';
import { parseSite } from '../model/core/site.js';
import type { PlatformName } from '../profiles/platforms.js';
import { choicesOracle } from '../model/check/choices-oracle.js';
import { checkerWithPath, judgeOf } from '../trace/judge-of.js';
import type { Judge } from '../trace/judge.js';
import type { CrashPoint } from '../trace/machine.js';
import { crashPointAt } from '../trace/point-at.js';
import { traceContext } from '../trace/trace-context.js';
import { BadCounterexample } from './bad-counterexample.js';
import { checkTraceSchema } from './counterexample-schema.js';
import type { Replayed } from './replay.js';
import { logDigest, storedPath, TRACE_SCHEMA, type TraceCounterexample } from './trace-counterexample.js';

/** Whether the JSON of a counterexample file is a trace counterexample (`daxcheck trace --out`). */
export function isTraceCounterexample(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { schema?: unknown }).schema === TRACE_SCHEMA;
}

/** Validates a trace counterexample's JSON (counterexamples/trace-schema.json). */
export function traceCounterexampleFrom(json: unknown): TraceCounterexample {
  checkTraceSchema(json);
  return json;
}

/**
 * Replays trace counterexample `file`: the recorded log (the same bytes) up to its crash point over
 * the recorded pre-run images, then the checker on the recorded crash state and on its shrunk
 * "not persisted" side; both must still be found inconsistent.
 */
export async function replayTrace(file: string, cx: TraceCounterexample): Promise<Replayed> {
  const log = storedPath(file, cx.log.path);
  if (logDigest(log) !== cx.log.sha256) return { reproduces: false, reason: message('traceLogChanged', log) };
  const { layout, ctx } = traceContext(cx.images.map((i) => storedPath(file, i)), cx.platform as PlatformName);
  const point = crashPointAt(readLog(log), layout, ctx, cx.crashAt, cx.crashPoint.record);
  if (!point) return { reproduces: false, reason: message('traceNoCrashPoint', cx.crashPoint.record) };
  const judge = await judgeOf(checkerWithPath(cx.checker, (p) => storedPath(file, p)), layout, ctx);
  try {
    return (await stillFails(judge, point, cx, 'crashState')) ?? (await stillFails(judge, point, cx, 'lostState')) ?? { reproduces: true };
  } finally {
    judge.close();
  }
}

async function stillFails(judge: Judge, point: CrashPoint, cx: TraceCounterexample, field: 'crashState' | 'lostState'): Promise<Replayed | undefined> {
  const problems: string[] = [];
  const verdict = await judge.evaluate(point, choicesOracle(choicesOf(cx, field), problems)).verdict;
  if (problems.length > 0) return { reproduces: false, reason: problems[0]! };
  return verdict.consistent ? { reproduces: false, reason: message('traceNowConsistent', field) } : undefined;
}

function choicesOf(cx: TraceCounterexample, field: 'crashState' | 'lostState'): Choice[] {
  return cx[field].map((c, i) => {
    const site = parseSite(c.site);
    if (!site) throw new BadCounterexample(`${field}[${i}].site`, message('notASite', c.site));
    return { site, chosen: c.chosen, of: c.of };
  });
}
