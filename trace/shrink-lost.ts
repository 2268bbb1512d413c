import type { Choice } from '../model/check/explore.js';
import type { Judge } from './judge.js';
import type { CrashPoint } from './machine.js';
import { choicesOracle } from '../model/check/choices-oracle.js';

/**
 * Shrinks the "not persisted" side of an inconsistent crash state at `point`: line by line, the most
 * of the line's stores in flight that may persist while the checker still fails. The stores past
 * each line's choice are then the ones that must not persist.
 */
export async function shrinkLost(point: CrashPoint, choices: readonly Choice[], judge: Judge): Promise<Choice[]> {
  const current = [...choices];
  for (let i = 0; i < current.length; i++) {
    const c = current[i]!;
    if (c.site.kind !== 'line') continue;
    for (let more = c.of - 1; more > c.chosen; more--) {
      const tried = current.map((d, j) => (j === i ? { ...d, chosen: more } : d));
      if (!(await judge.evaluate(point, choicesOracle(tried, [])).verdict).consistent) {
        current[i] = tried[i]!;
        break;
      }
    }
  }
  return current;
}
