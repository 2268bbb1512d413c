import type { Observation } from '../lang/ast.js';
import { formatUserError, UserError } from '../lang/errors.js';
import { message } from '../lang/messages.js';
import { printExpectation } from '../lang/print.js';
import type { TraceChecks } from '../lang/trace/trace-checks.js';
import { holds } from '../model/check/cond.js';
import { showObserved, type Observed } from '../model/check/observe.js';
import { fileNames } from './file-names.js';
import { littleEndian } from './little-endian.js';
import type { CheckFunction, CrashImage } from './module-judge.js';

/**
 * `--expect`'s checks as an in-process check: a crash image is consistent when it meets every
 * expectation. An observation is read only when a condition needs it (`holds` stops at the first
 * operand that decides), so, as for a check module, crash states that differ only in lines no
 * condition reached are evaluated once. The reason names the expectation and the values it read.
 */
export function expectationCheck(checks: TraceChecks): CheckFunction {
  return (image) => {
    const seen = new Map<string, Observed>();
    const values: Record<string, Observed> = {};
    for (const o of checks.observations) Object.defineProperty(values, o.name, { get: () => seen.get(o.name) ?? seen.set(o.name, observe(checks.file, o, image)).get(o.name)! });
    const failed = checks.expectations.find((e) => holds(e.cond, values) === (e.quantifier === 'not-exists'));
    if (!failed) return true;
    return message('traceExpectFails', printExpectation(failed), [...seen].map(([name, v]) => `${name}=${showObserved(v)}`).join(', '));
  };
}

/** An observation of a registered file by its litmus name (file-names.ts); bytes past its end read as in a litmus test: none. */
function observe(file: string, o: Observation, image: CrashImage): Observed {
  const names = fileNames(image.files.map((f) => f.path));
  const k = names.indexOf(o.target);
  if (k < 0) throw new UserError(formatUserError(file, new UserError(message('traceExpectTarget', o.target, names), o.at)));
  const size = image.files[k]!.size;
  if (o.kind === 'exists') return { kind: 'int', value: 1n };
  if (o.kind === 'size') return { kind: 'int', value: BigInt(size) };
  const bytes = image.read(Math.min(o.off, size), Math.max(0, Math.min(o.len, size - o.off)), k);
  return o.asStr ? { kind: 'str', text: Buffer.from(bytes).toString('utf8') } : { kind: 'int', value: littleEndian(bytes) };
}
