import { NO_BUGS } from '../profiles/bugs.js';
import { checkLitmus, inScope, prepare } from '../model/check/check.js';
import { holds } from '../model/check/cond.js';
import { showObserved } from '../model/check/observe.js';
import { replayCrashState } from '../model/check/replay-state.js';
import type { Loaded } from './counterexample-load.js';
import { message } from '../lang/messages.js';

/** Whether a counterexample still shows its violation, and why not when it does not. */
export type Replayed = { readonly reproduces: true } | { readonly reproduces: false; readonly reason: string };

/**
 * Replays a counterexample without the random generator (DESIGN section 3): recovery runs at the
 * recorded crash point with the recorded crash-state choices, and must observe the recorded values
 * and violate the recorded expectation there. A safety violation replays by checking the program.
 */
export function replay({ cx, test, violated: id, choices }: Loaded): Replayed {
  if (id === null) {
    const unsafe = checkLitmus(test).safety.find((s) => s.property === cx.property);
    return unsafe && !unsafe.holds ? { reproduces: true } : { reproduces: false, reason: message('safetyHoldsNow', cx.property) };
  }
  const expectation = test.expectations[id]!;
  const state = replayCrashState(test, cx.crashPoint.index, choices, NO_BUGS);
  if (!state.ok) return { reproduces: false, reason: state.reason };
  const seen = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, showObserved(v)]));
  const differs = Object.entries(cx.observed).find(([k, v]) => seen[k] !== v);
  if (differs) return { reproduces: false, reason: message('observedNow', differs[0], seen[differs[0]] ?? 'not observed', differs[1]) };
  if (!inScope(expectation.scope, cx.crashPoint.index, prepare(test, NO_BUGS).execution)) return { reproduces: false, reason: message('outsideScope') };
  const sat = holds(expectation.cond, state.values);
  const violated = expectation.quantifier === 'forall' ? !sat : expectation.quantifier === 'not-exists' ? sat : false;
  return violated ? { reproduces: true } : { reproduces: false, reason: message('noLongerViolates', cx.violated ?? '') };
}
