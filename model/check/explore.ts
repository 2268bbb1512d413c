import type { Oracle } from '../core/source.js';
import { printSite, type Site } from '../core/site.js';
import { message } from '../../lang/messages.js';

/** One choice made while resolving a crash state: which option of how many, at which site. */
export interface Choice {
  readonly site: Site;
  readonly chosen: number;
  readonly of: number;
}

/** One resolved crash state: the result of `evaluate` and the choices it read. */
export interface Leaf<T> {
  readonly result: T;
  readonly choices: readonly Choice[];
}

/**
 * Runs `evaluate` once for every distinct path through the choices it actually reads, depth first
 * (the lazy resolution of DESIGN 1.4): a choice nobody reads is never enumerated, so the number of
 * runs follows the observations, not the product of all sites. `evaluate` must be deterministic.
 * `stop`, asked after each run that leaves more to do, with the number of runs so far, ends the
 * enumeration early (a budget).
 */
export function enumerateLazily<T>(evaluate: (oracle: Oracle) => T, limit: number, stop: (leaves: number) => boolean = () => false): Leaf<T>[] {
  const leaves: Leaf<T>[] = [];
  let script: Choice[] = [];
  for (;;) {
    const choices = runScripted(evaluate, script, (result, made) => leaves.push({ result, choices: made }));
    if (leaves.length >= limit) throw new ExplorationLimit(limit);
    const next = nextScript(choices);
    if (!next || stop(leaves.length)) return leaves;
    script = next;
  }
}

function runScripted<T>(evaluate: (oracle: Oracle) => T, script: readonly Choice[], emit: (r: T, c: Choice[]) => void): Choice[] {
  const made: Choice[] = [];
  const bySite = new Map<string, number>();
  const oracle: Oracle = {
    choose(site, size) {
      if (size <= 1) return 0;
      const key = printSite(site);
      const known = bySite.get(key);
      if (known !== undefined) return known;
      const chosen = made.length < script.length ? script[made.length]!.chosen : 0;
      made.push({ site, chosen, of: size });
      bySite.set(key, chosen);
      return chosen;
    },
  };
  emit(evaluate(oracle), made);
  return made;
}

/** The next path in depth-first order: bump the deepest choice that has options left. */
function nextScript(made: readonly Choice[]): Choice[] | undefined {
  for (let i = made.length - 1; i >= 0; i--) {
    const c = made[i]!;
    if (c.chosen + 1 < c.of) return [...made.slice(0, i), { ...c, chosen: c.chosen + 1 }];
  }
  return undefined;
}

/** Thrown when a test needs more crash-state evaluations than the configured limit. */
export class ExplorationLimit extends Error {
  constructor(readonly limit: number) {
    super(message('explorationLimit', limit));
    this.name = 'ExplorationLimit';
  }
}
