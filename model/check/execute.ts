import { UserError } from '../../lang/errors.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import type { Failure, Litmus } from '../../lang/ast.js';
import { step } from '../ops/step.js';
import { CrashPoints, KEPT_POINTS, type CrashPoint } from './crash-points.js';
import { userError } from '../../lang/messages.js';

export type { CrashPoint } from './crash-points.js';

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
  readonly points: CrashPoints;
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
 * A long run keeps no crash point: walking them runs the program again.
 */
export function execute(test: Litmus, initial: Machine, world: World): Execution | Refused {
  const labels = new Map<string, number>();
  const annotations: Annotation[] = [];
  const kept: CrashPoint[] = [];
  const walk = run(test, initial, world, { labels, annotations });
  let count = 0;
  let next = walk.next();
  for (; !next.done; next = walk.next(), count++) if (count < KEPT_POINTS) kept.push(next.value);
  if ('refused' in next.value) return next.value;
  const replay = () => run(test, initial, world, { labels: new Map(), annotations: [] });
  return { points: new CrashPoints(count, replay, count <= KEPT_POINTS ? kept : undefined), labels, annotations, final: next.value };
}

/** Where a run records each label's crash point and each annotated operation's result. */
interface RunLog {
  readonly labels: Map<string, number>;
  readonly annotations: Annotation[];
}

/** The crash points of a run from `initial`, in order; it returns the last state, or the refusal that stopped it. */
function* run(test: Litmus, initial: Machine, world: World, out: RunLog): Generator<CrashPoint, Machine | Refused> {
  let points = 1;
  yield { state: initial, completed: 0 };
  let state = initial;
  for (const [index, op] of test.program.entries()) {
    if (op.op === 'label') {
      if (out.labels.has(op.name)) throw userError('labelTwice', op.at, op.name);
      out.labels.set(op.name, points - 1);
      continue;
    }
    const outcome = step(state, op, world, index);
    if (!outcome.ok) {
      if (!op.fails) return { refused: { errno: outcome.failure.name, reason: outcome.reason, index } };
      out.annotations.push({ index, expected: op.fails, actual: outcome.failure, reason: outcome.reason, holds: sameFailure(op.fails, outcome.failure) });
    } else {
      if (op.fails) out.annotations.push({ index, expected: op.fails, holds: false });
      for (const [i, s] of outcome.steps.slice(0, -1).entries()) yield { state: s, completed: index, inside: { step: i + 1, of: outcome.steps.length } };
      points += outcome.steps.length - 1;
      state = outcome.steps[outcome.steps.length - 1]!;
    }
    points++;
    yield { state, completed: index + 1 };
  }
  return state;
}

function sameFailure(a: Failure, b: Failure): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/** The error a refusal is in a litmus test run on its own: where the operation is, and how to annotate it. */
export function refusalError(test: Litmus, { errno, reason, index }: Refusal): UserError {
  const op = test.program[index]!;
  return userError('unannotatedFailure', op.at, op.op, errno, reason);
}
