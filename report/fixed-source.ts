import type { Litmus } from '../lang/ast.js';
import { printOp } from '../lang/print-op.js';
import type { Edited } from '../fix/edit.js';

/**
 * The text of an edited program, made from the source it was parsed from (`test`'s positions
 * point into `source`): every line outside the program is kept as written, each kept operation
 * keeps its line with whatever follows it up to the next operation (a comment, a blank), and an
 * added or changed operation is printed with the first operation's indentation.
 */
export function fixedSource(source: readonly string[], test: Litmus, edited: Edited): string[] {
  const lines = test.program.map((op) => op.at!.line);
  const first = Math.min(...lines);
  const end = Math.max(...lines);
  const indent = /^\s*/.exec(source[first - 1]!)![0];
  const own = (i: number) => source.slice(lines[i]! - 1, (lines.find((l) => l > lines[i]!) ?? end + 1) - 1);
  const program = edited.test.program.flatMap((op, k) => {
    const i = edited.origin[k];
    return i !== undefined && op === test.program[i] ? own(i) : [`${indent}${printOp(op)}`];
  });
  return [...source.slice(0, first - 1), ...program, ...source.slice(end)];
}
