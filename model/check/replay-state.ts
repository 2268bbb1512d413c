import type { Bugs } from '../../profiles/bugs.js';
import { evaluateAt, prepare } from './check.js';
import { choicesOracle } from './choices-oracle.js';
import type { Choice } from './explore.js';
import type { Observed } from './observe.js';
import type { Litmus } from '../../lang/ast.js';
import { message } from '../../lang/messages.js';

/** Recovery in one recorded crash state: the observed values, or why the record no longer fits the program. */
export type ReplayedState =
  | { readonly ok: true; readonly values: Readonly<Record<string, Observed>> }
  | { readonly ok: false; readonly reason: string };

/**
 * Re-runs recovery at crash point `pointIndex` with exactly the recorded `choices` (DESIGN section 3:
 * a counterexample replays without the random generator). A site the record lacks, or whose number
 * of options changed, means the model or program moved on: the replay says so instead of guessing.
 */
export function replayCrashState(test: Litmus, pointIndex: number, choices: readonly Choice[], bugs: Bugs): ReplayedState {
  const { world, execution } = prepare(test, bugs);
  const point = execution.points.get(pointIndex);
  if (!point) return { ok: false, reason: message('noSuchCrashPoint', pointIndex, execution.points.length) };
  const problems: string[] = [];
  const { values } = evaluateAt(test, point, world, choicesOracle(choices, problems));
  return problems.length > 0 ? { ok: false, reason: problems[0]! } : { ok: true, values };
}
