import { UserError } from '../../lang/errors.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import type { Failure, Litmus, Op } from '../../lang/ast.js';
import { step } from '../ops/step.js';
import { userError } from '../../lang/messages.js';

/** A moment at which power may fail: the state then, and where in the program it is. */
export interface CrashPoint {
  readonly state: Machine;
  /** How many operations of the program had completed. */
  readonly completed: number;
  /** Set when the crash is between two micro-steps of operation `completed`: after `step` of `of`. */
  readonly inside?: { readonly step: number; readonly of: number };
}

/** What an operation annotated `=> ...` did, and whether that matched its annotation. */
export interface Annotation {
  readonly index: number;
  readonly expected: Failure;
  /** How it failed, or undefined when the operation succeeded. */
  readonly actual?: Failure;
  /** The rule (with its source) behind the failure. */
  readonly reason?: string;
  readonly holds: boolean;
}

/** The crash points of one run of a program, in program order, with its labels and annotation results. */
export interface Execution {
  readonly points: readonly CrashPoint[];
  /** For each label, the index in `points` of the crash point where it is reached. */
  readonly labels: ReadonlyMap<string, number>;
  readonly annotations: readonly Annotation[];
  readonly final: Machine;
}

/** An operation that failed without an annotation: the errno or signal, the rule behind it, and its index. */
export interface Refusal {
  readonly errno: string;
  readonly reason: string;
  readonly index: number;
}

/** A run that stopped at an operation the test did not expect to fail. */
export interface Refused {
  readonly refused: Refusal;
}

/**
 * Runs the program once from `initial`, collecting a crash point before the first operation, after
 * every operation, and between the micro-steps of every operation that is not atomic. Labels take
 * no time, so they add no crash point of their own. An operation that fails without an annotation
 * is an error in the test, like a program that checks its errors (DESIGN section 2): the run stops
 * there and says so, so that the matrix can tell a mode that refuses a recipe from a broken test.
 */
export function execute(test: Litmus, initial: Machine, world: World): Execution | Refused {
  const points: CrashPoint[] = [{ state: initial, completed: 0 }];
  const labels = new Map<string, number>();
  const annotations: Annotation[] = [];
  let state = initial;
  for (const [index, op] of test.program.entries()) {
    if (op.op === 'label') {
      if (labels.has(op.name)) throw userError('labelTwice', op.at, op.name);
      labels.set(op.name, points.length - 1);
      continue;
    }
    const next = runOne(state, op, index, world, annotations);
    if ('refused' in next) return next;
    state = next;
    points.push({ state, completed: index + 1 });
  }
  return { points, labels, annotations, final: state };

  function runOne(current: Machine, op: Op, index: number, w: World, out: Annotation[]): Machine | Refused {
    const outcome = step(current, op, w, index);
    if (!outcome.ok) {
      if (!op.fails) return { refused: { errno: outcome.failure.name, reason: outcome.reason, index } };
      out.push({ index, expected: op.fails, actual: outcome.failure, reason: outcome.reason, holds: sameFailure(op.fails, outcome.failure) });
      return current;
    }
    if (op.fails) out.push({ index, expected: op.fails, holds: false });
    outcome.steps.slice(0, -1).forEach((s, i) => points.push({ state: s, completed: index, inside: { step: i + 1, of: outcome.steps.length } }));
    return outcome.steps[outcome.steps.length - 1]!;
  }
}

function sameFailure(a: Failure, b: Failure): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/** The error a refusal is in a litmus test run on its own: where the operation is, and how to annotate it. */
export function refusalError(test: Litmus, { errno, reason, index }: Refusal): UserError {
  const op = test.program[index]!;
  return userError('unannotatedFailure', op.at, op.op, errno, reason);
}
