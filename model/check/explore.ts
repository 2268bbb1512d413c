import { choosingOracle, type Oracle } from '../core/source.js';
import { printSite, siteKey, type Site } from '../core/site.js';
import { message } from '../../lang/messages.js';
import { range } from '../core/range.js';

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

/** A branch the explorer took: which of how many ways. */
interface Decision {
  readonly chosen: number;
  readonly of: number;
}

/**
 * Runs `evaluate` once for every distinct path through the choices it actually reads, depth first
 * (the lazy resolution of DESIGN 1.4): a choice nobody reads is never enumerated, and a narrowed
 * site branches once per distinct answer, so the number of runs follows the observations, not the
 * product of all sites. `evaluate` must be deterministic. `stop`, asked after each run that leaves
 * more to do, with the number of runs so far, ends the enumeration early (a budget).
 */
export function enumerateLazily<T>(evaluate: (oracle: Oracle) => T, limit: number, stop: (leaves: number) => boolean = () => false): Leaf<T>[] {
  const leaves: Leaf<T>[] = [];
  const partitions = new Partitions();
  let script: Decision[] = [];
  for (;;) {
    const decisions = runScripted(evaluate, script, partitions, (leaf) => leaves.push(leaf));
    if (leaves.length >= limit) throw new ExplorationLimit(limit);
    const next = nextScript(decisions);
    if (!next || stop(leaves.length)) return leaves;
    script = next;
  }
}

/** A site as one run has read it so far: the options still open, smallest first. */
interface Open {
  readonly site: Site;
  readonly size: number;
  options: readonly number[];
}

function runScripted<T>(evaluate: (oracle: Oracle) => T, script: readonly Decision[], partitions: Partitions, emit: (leaf: Leaf<T>) => void): Decision[] {
  const made: Decision[] = [];
  const decide = (of: number) => {
    if (of <= 1) return 0;
    const chosen = made.length < script.length ? script[made.length]!.chosen : 0;
    made.push({ chosen, of });
    return chosen;
  };
  const sites = new Map<number | string, Open>();
  const open = (site: Site, size: number) => {
    const key = siteKey(site);
    let found = sites.get(key);
    if (!found) sites.set(key, (found = { site, size, options: partitions.all(key, size) }));
    return found;
  };
  const oracle: Oracle = {
    choose(site, size) {
      if (size <= 1) return 0;
      const o = open(site, size);
      if (o.options.length > 1) o.options = [o.options[decide(o.options.length)]!];
      return o.options[0]!;
    },
    narrow(site, size, question, answer) {
      if (size <= 1) return 0;
      const o = open(site, size);
      const classes = partitions.split(o.options, question, answer);
      o.options = classes[decide(classes.length)]!;
      return o.options[0]!;
    },
  };
  const result = evaluate(oracle);
  emit({ result, choices: [...sites.values()].map((o) => ({ site: o.site, chosen: o.options[0]!, of: o.size })) });
  return made;
}

/**
 * The open option sets of one enumeration and how each question splits them, kept across its runs:
 * every run asks the same questions of the same sets until it departs from the previous run.
 */
class Partitions {
  private readonly full = new Map<number | string, Map<number, readonly number[]>>();
  private readonly splits = new WeakMap<readonly number[], Map<string, readonly (readonly number[])[]>>();

  all(key: number | string, size: number): readonly number[] {
    let bySize = this.full.get(key);
    if (!bySize) this.full.set(key, (bySize = new Map()));
    let options = bySize.get(size);
    if (!options) bySize.set(size, (options = range(size)));
    return options;
  }

  /** `options` grouped by `answer`, groups in order of their smallest option. */
  split(options: readonly number[], question: string, answer: (option: number) => unknown): readonly (readonly number[])[] {
    if (options.length === 1) return [options];
    let byQuestion = this.splits.get(options);
    if (!byQuestion) this.splits.set(options, (byQuestion = new Map()));
    let classes = byQuestion.get(question);
    if (!classes) byQuestion.set(question, (classes = group(options, answer)));
    return classes;
  }
}

function group(options: readonly number[], answer: (option: number) => unknown): number[][] {
  const groups = new Map<unknown, number[]>();
  let [last, members]: [unknown, number[] | undefined] = [undefined, undefined];
  for (const option of options) {
    const a = answer(option);
    // Neighbouring options mostly answer alike (runs of journal prefixes), so the map is skipped for them.
    if (members === undefined || a !== last) {
      members = groups.get(a);
      if (!members) groups.set(a, (members = []));
      last = a;
    }
    members.push(option);
  }
  return [...groups.values()];
}

/** The next path in depth-first order: bump the deepest decision that has ways left. */
function nextScript(made: readonly Decision[]): Decision[] | undefined {
  for (let i = made.length - 1; i >= 0; i--) {
    const c = made[i]!;
    if (c.chosen + 1 < c.of) return [...made.slice(0, i), { ...c, chosen: c.chosen + 1 }];
  }
  return undefined;
}

/**
 * Runs `evaluate` once in the crash state that takes `option` at `site` and the first option at
 * every other site it reads: the first crash state, in depth-first order, with that option there.
 */
export function evaluateWith<T>(evaluate: (oracle: Oracle) => T, site: Site, option: number): Leaf<T> {
  const forced = printSite(site);
  const choices = new Map<string, Choice>();
  const choose = (s: Site, size: number) => {
    if (size <= 1) return 0;
    const key = printSite(s);
    const chosen = key === forced ? option : 0;
    if (!choices.has(key)) choices.set(key, { site: s, chosen, of: size });
    return chosen;
  };
  const result = evaluate(choosingOracle(choose));
  return { result, choices: [...choices.values()] };
}

/** Thrown when a test needs more crash-state evaluations than the configured limit. */
export class ExplorationLimit extends Error {
  constructor(readonly limit: number) {
    super(message('explorationLimit', limit));
    this.name = 'ExplorationLimit';
  }
}
