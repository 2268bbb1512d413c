import { enumerateLazily, type Choice, type Leaf } from '../model/check/explore.js';
import { choosingOracle, type Oracle } from '../model/core/source.js';
import type { Site } from '../model/core/site.js';

/** How a crash point's states were covered: all of them, or the bounded subset (docs/trace.md). */
export type Coverage = 'exhaustive' | 'bounded' | 'truncated';

/** The bounds of one crash point's exploration. */
export interface StateBudget {
  /** Crash states evaluated before the exhaustive search gives way to the bounded one. */
  readonly maxImages: number;
  /** In the bounded search, how many lines may differ from "nothing in flight persisted" or from "all of it". */
  readonly bound: number;
}

/**
 * Evaluates a crash point's states: every one, when the `count` of them fits `maxImages`, or
 * lazily when `lazy` (a line nobody reads is never branched on) if what `evaluate` tells apart
 * fits. Otherwise the bounded strategy adds the states in which at most `bound` lines persisted
 * some of their stores in flight, and those in which at most `bound` lines lost some, the rest
 * having persisted everything (Chipmunk's bounded subsets, per line); past `maxImages` again, the
 * states so far, `truncated`. Every state evaluated is kept: its verdict is real.
 */
export function crashStates<T>(evaluate: (oracle: Oracle) => T, count: bigint, lazy: boolean, budget: StateBudget): { leaves: Leaf<T>[]; coverage: Coverage } {
  const all = count <= BigInt(budget.maxImages) || lazy ? upTo(evaluate, budget.maxImages, (o) => o) : { leaves: [], more: true };
  if (!all.more) return { leaves: all.leaves, coverage: 'exhaustive' };
  const none = upTo(evaluate, budget.maxImages, (o) => bounded(o, budget.bound, 'none'));
  const every = upTo(evaluate, budget.maxImages, (o) => bounded(o, budget.bound, 'all'));
  return { leaves: [...all.leaves, ...none.leaves, ...every.leaves], coverage: none.more || every.more ? 'truncated' : 'bounded' };
}

/** The states `evaluate` tells apart through the oracle `restrict` makes, up to `max`; each leaf's choices are every choice it made. */
function upTo<T>(evaluate: (oracle: Oracle) => T, max: number, restrict: (oracle: Oracle) => Oracle): { leaves: Leaf<T>[]; more: boolean } {
  let more = false;
  const leaves = enumerateLazily((oracle) => recorded(evaluate, restrict(oracle)), Infinity, (n) => (more = n >= max));
  return { leaves: leaves.map((l) => l.result), more };
}

function recorded<T>(evaluate: (oracle: Oracle) => T, oracle: Oracle): Leaf<T> {
  const choices: Choice[] = [];
  const choose = (site: Site, size: number): number => {
    const chosen = oracle.choose(site, size);
    choices.push({ site, chosen, of: size });
    return chosen;
  };
  // The CPU half narrows nothing (only recovered metadata does): a narrowed site is chosen outright.
  const result = evaluate(choosingOracle(choose));
  return { result, choices };
}

/**
 * An oracle that lets at most `bound` choices leave the baseline: option 0 (a line keeps none of its
 * stores in flight) or the last option (it keeps them all).
 */
function bounded(inner: Oracle, bound: number, baseline: 'none' | 'all'): Oracle {
  let off = 0;
  const choose = (site: Site, size: number): number => {
    const base = baseline === 'none' ? 0 : size - 1;
    if (off >= bound) return base;
    const chosen = inner.choose(site, size);
    if (chosen !== base) off++;
    return chosen;
  };
  return choosingOracle(choose);
}
