import { NO_BUGS, type Bugs } from './bugs.js';
import { resolveConfig } from './config.js';
import { countCrashStates, crashView } from './crash.js';
import { describeChoice } from './evidence.js';
import { execute, type Annotation, type CrashPoint, type Execution } from './execute.js';
import { enumerateLazily } from './explore.js';
import { holds } from './cond.js';
import { initialMachine, makeWorld, type World } from './machine.js';
import { observe, showObserved, type Observed } from './observe.js';
import type { Expectation, Litmus, Scope } from './program.js';
import { validate } from './validate.js';

/** A crash state that decides an expectation: where the crash was, what persisted, what recovery saw. */
export interface Evidence {
  readonly point: CrashPoint;
  readonly pointIndex: number;
  /** Each choice the observations read, in words. */
  readonly persisted: readonly string[];
  readonly values: Readonly<Record<string, Observed>>;
}

export interface ExpectationResult {
  readonly expectation: Expectation;
  readonly holds: boolean;
  /** A witness (exists that holds) or a counterexample (any expectation that fails). */
  readonly evidence?: Evidence;
}

/** Never, Sometimes or Always: how often a condition held over the crash states in scope (herd's Observation). */
export type Frequency = 'Never' | 'Sometimes' | 'Always';

export interface TestResult {
  readonly name: string;
  readonly outcomes: readonly { readonly text: string; readonly count: number }[];
  readonly expectations: readonly ExpectationResult[];
  readonly annotations: readonly Annotation[];
  /** The first expectation's condition: how often it held, and the header's `Result:` claim if any. */
  readonly observation?: { readonly frequency: Frequency; readonly positive: number; readonly negative: number; readonly claimed?: Frequency };
  readonly stats: { readonly crashPoints: number; readonly crashStates: bigint; readonly evaluations: number };
  readonly verdict: 'pass' | 'fail';
  readonly execution: Execution;
}

export interface CheckOptions {
  readonly bugs?: Bugs;
  /** Most crash-state evaluations at one crash point before exploration stops with an error. */
  readonly limit?: number;
}

/** Runs a litmus test: every crash point, every crash state its observations can tell apart. */
export function checkLitmus(test: Litmus, options: CheckOptions = {}): TestResult {
  const world = makeWorld(resolveConfig(test.config), options.bugs ?? NO_BUGS);
  const initial = initialMachine(test);
  validate(test, initial);
  const execution = execute(test, initial, world);
  const tally = new Tally(test, execution);
  execution.points.forEach((point, index) => explorePoint(test, point, index, world, tally, options.limit ?? 1_000_000));
  return tally.result(execution);
}

function explorePoint(test: Litmus, point: CrashPoint, index: number, world: World, tally: Tally, limit: number): void {
  tally.crashStates += countCrashStates({ cpu: point.state.cpu, platform: world.platform, bugs: world.bugs });
  if (test.observations.length === 0) return;
  const leaves = enumerateLazily((oracle) => {
    const view = crashView({ ...world, cpu: point.state.cpu }, oracle);
    return Object.fromEntries(test.observations.map((o) => [o.name, observe(o, point.state, view)]));
  }, limit);
  for (const leaf of leaves) {
    const persisted = leaf.choices.map((c) => describeChoice(c, point.state));
    tally.add({ point, pointIndex: index, persisted, values: leaf.result });
  }
}

/** Accumulates outcomes and expectation verdicts over all crash states explored. */
class Tally {
  crashStates = 0n;
  evaluations = 0;
  private readonly outcomes = new Map<string, number>();
  private readonly found: (Evidence | undefined)[];
  private positive = 0;
  private negative = 0;

  constructor(
    private readonly test: Litmus,
    private readonly execution: Execution,
  ) {
    this.found = test.expectations.map(() => undefined);
  }

  add(e: Evidence): void {
    this.evaluations++;
    const text = this.test.observations.map((o) => `${o.name}=${showObserved(e.values[o.name]!)}`).join('; ');
    this.outcomes.set(text, (this.outcomes.get(text) ?? 0) + 1);
    this.test.expectations.forEach((exp, i) => {
      if (!inScope(exp.scope, e.pointIndex, this.execution)) return;
      const sat = holds(exp.cond, e.values);
      if (i === 0) sat ? this.positive++ : this.negative++;
      const decisive = exp.quantifier === 'forall' ? !sat : sat;
      if (decisive && !this.found[i]) this.found[i] = e;
    });
  }

  result(execution: Execution): TestResult {
    const expectations = this.test.expectations.map((expectation, i) => {
      const evidence = this.found[i];
      const ok = expectation.quantifier === 'exists' ? evidence !== undefined : evidence === undefined;
      return evidence ? { expectation, holds: ok, evidence } : { expectation, holds: ok };
    });
    const observation = this.observation();
    const verdict = expectations.every((e) => e.holds) && execution.annotations.every((a) => a.holds) && (!observation?.claimed || observation.claimed === observation.frequency);
    return {
      name: this.test.name,
      outcomes: [...this.outcomes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([text, count]) => ({ text, count })),
      expectations,
      annotations: execution.annotations,
      ...(observation ? { observation } : {}),
      stats: { crashPoints: execution.points.length, crashStates: this.crashStates, evaluations: this.evaluations },
      verdict: verdict ? 'pass' : 'fail',
      execution,
    };
  }

  private observation(): TestResult['observation'] {
    if (this.test.expectations.length === 0) return undefined;
    const frequency: Frequency = this.positive === 0 ? 'Never' : this.negative === 0 ? 'Always' : 'Sometimes';
    const claimed = /Result:\s*(Never|Sometimes|Always)\b/.exec(this.test.comment ?? '')?.[1] as Frequency | undefined;
    const base = { frequency, positive: this.positive, negative: this.negative };
    return claimed ? { ...base, claimed } : base;
  }
}

/** Whether the crash point at `index` counts for `scope` (DESIGN section 2). */
export function inScope(scope: Scope, index: number, execution: Execution): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'end':
      return index === execution.points.length - 1;
    case 'after':
      return index >= execution.labels.get(scope.label)!;
    case 'before':
      return index < execution.labels.get(scope.label)!;
  }
}
