import type { Failure, Litmus, Op } from '../../lang/ast.js';
import { DEFAULT_LIMIT, evaluateAt, prepare } from '../../model/check/check.js';
import { enumerateLazily } from '../../model/check/explore.js';
import { showObserved } from '../../model/check/observe.js';
import { NO_BUGS } from '../../profiles/bugs.js';

/** The model's view of one crash point: its outcome set, and whether it agrees with the kernel's errnos. */
export interface ModelAtCrash {
  /** Each outcome as `NAME=VALUE; ...` in observation order, sorted. */
  readonly outcomes: readonly string[];
  /** Operations whose errno (or success) the model does not agree with, in words. */
  readonly errnoMismatches: readonly string[];
}

/**
 * The model's outcome set for a crash right after operation `afterOp` of `scenario`: the program is
 * cut there (as the recorder's gen.py cuts it for the kernel, labels not counted), each operation is
 * annotated with the errno the kernel gave it, and every crash state of the last crash point is explored.
 */
export function modelAtCrash(scenario: Litmus, afterOp: number, errnos: Readonly<Record<string, string>>): ModelAtCrash {
  const ops = scenario.program.filter((op) => op.op !== 'label').slice(0, afterOp);
  const program = ops.map((op, i): Op => annotate(op, errnos[String(i + 1)]));
  const test: Litmus = { ...scenario, program, expectations: [] };
  const { world, execution } = prepare(test, NO_BUGS);
  const point = execution.points.get(execution.points.length - 1)!;
  const leaves = enumerateLazily((oracle) => evaluateAt(test, point, world, oracle).values, DEFAULT_LIMIT);
  const outcomes = new Set(leaves.map((leaf) => outcomeText(test, (name) => showObserved(leaf.result[name]!))));
  const errnoMismatches = execution.annotations.filter((a) => !a.holds).map((a) => `op ${a.index + 1}: kernel ${errnos[String(a.index + 1)]}, model ${a.actual?.name ?? 'success'}`);
  return { outcomes: [...outcomes].sort(), errnoMismatches };
}

/** An outcome as the model's reports print it, `s=0x1000; x=0`: each observation's value in declaration order. */
export function outcomeText(test: Pick<Litmus, 'observations'>, shown: (name: string) => string): string {
  return test.observations.map((o) => `${o.name}=${shown(o.name)}`).join('; ');
}

/** `op` with the kernel's errno as its annotation, or with none when the kernel's call succeeded. */
function annotate(op: Op, errno: string | undefined): Op {
  const { fails: _dropped, ...plain } = op;
  const fails: Failure | undefined = errno === undefined ? undefined : { kind: 'errno', name: errno };
  return (fails ? { ...plain, fails } : plain) as Op;
}
