import type { CrashPoint } from '../model/check/execute.js';
import type { Litmus } from '../lang/ast.js';
import { printOp } from '../lang/print-op.js';

/** A crash point in the words of the test's source: which line had completed, or which step inside it. */
export function describePoint(point: CrashPoint, test: Litmus): string {
  if (point.inside) {
    const op = test.program[point.completed]!;
    return `inside line ${op.at?.line ?? '?'} (${printOp(op)}), after step ${point.inside.step} of ${point.inside.of}`;
  }
  if (point.completed === 0) return 'before the first operation';
  const op = test.program[point.completed - 1]!;
  return `after line ${op.at?.line ?? '?'} (${printOp(op)})`;
}
