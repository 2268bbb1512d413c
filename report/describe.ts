import type { CrashPoint } from '../model/check/execute.js';
import type { Litmus, Op } from '../lang/ast.js';
import { printOp } from '../lang/print-op.js';

/** A crash point in the words of the test's source: which line had completed, or which step inside it. */
export function describePoint(point: CrashPoint, test: Litmus): string {
  const op = pointOp(point, test);
  if (point.inside) return `inside line ${lineOf(op!)} (${printOp(op!)}), after step ${point.inside.step} of ${point.inside.of}`;
  return op ? `after line ${lineOf(op)} (${printOp(op)})` : 'before the first operation';
}

/**
 * The operation a crash point is named after: the one it cuts, else the last one reached. Labels
 * take no time (model/check/execute.ts), so the labels right after the last completed operation are
 * reached too, and the last of them names the point: a reader of the listing sees the crash after
 * `ack0:`, not between `sfence` and `ack0:`.
 */
export function pointOp(point: CrashPoint, test: Litmus): Op | undefined {
  if (point.inside) return test.program[point.completed];
  let reached = point.completed;
  while (test.program[reached]?.op === 'label') reached++;
  return test.program[reached - 1];
}

const lineOf = (op: Op) => op.at?.line ?? '?';
