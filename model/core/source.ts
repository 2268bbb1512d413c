import type { Site } from './site.js';

/**
 * Makes the choices of a crash state as they are read (DESIGN 1.4): the explorer drives it over
 * every option, a counterexample's replay answers from the recorded choices.
 */
export interface Oracle {
  /** Returns a choice in `0 .. size-1` for `site`; the explorer tries each in turn. */
  choose(site: Site, size: number): number;
  /**
   * Returns an option of `site` (of `size`) and leaves open only the options on which `answer`
   * agrees with it: the explorer tries one option per distinct answer instead of each option, and
   * the crash state records the smallest option left open. `question` names `answer`: within one
   * crash point, the same question always has the same answers.
   */
  narrow(site: Site, size: number, question: string, answer: (option: number) => unknown): number;
}

/** An oracle that settles a narrowed site like any other, by choosing one option: for replays and for views that read no recovered metadata. */
export function choosingOracle(choose: Oracle['choose']): Oracle {
  return { choose, narrow: (site, size) => choose(site, size) };
}

/**
 * One source of nondeterminism of a crash state, declared once: how many options it has and what
 * each means. Recovery resolves it through an oracle; counting the crash states multiplies options.
 */
export interface Source<T> {
  readonly options: number;
  outcome(option: number): T;
}

/** Something that happened or did not: option 1 is that it did. */
export const HAPPENED: Source<boolean> = { options: 2, outcome: (option) => option === 1 };

/** The outcome of `source`, asking `oracle` at `site`. */
export function resolve<T>(oracle: Oracle, site: Site, source: Source<T>): T {
  return source.outcome(oracle.choose(site, source.options));
}

/** How many crash states independent sources allow together: the product of their options. */
export function countStates(sources: readonly Source<unknown>[]): bigint {
  return sources.reduce((total, s) => total * BigInt(s.options), 1n);
}
