import type { Stopped } from './budget.js';
import { holds } from './cond.js';
import type { Choice } from './explore.js';
import type { CrashPoint, Execution } from './execute.js';
import { SAFETY, type SafetyProperty } from '../fs/safety.js';
import { OutcomeCounts } from './outcome-counts.js';
import type { Observed } from './observe.js';
import type { Expectation, Frequency, Litmus, Scope } from '../../lang/ast.js';

/** A crash state that decides something: where the crash was, what persisted, what recovery saw. */
export interface Evidence {
  readonly point: CrashPoint;
  readonly pointIndex: number;
  /** Each choice the observations read, in words. */
  readonly persisted: readonly string[];
  /** The same choices as data, for replaying this crash state. */
  readonly choices: readonly Choice[];
  readonly values: Readonly<Record<string, Observed>>;
}

export interface ExpectationResult {
  /** The expectation's index in the test: how reports and counterexamples refer to it. */
  readonly id: number;
  readonly expectation: Expectation;
  readonly holds: boolean;
  /** A witness (exists that holds) or a counterexample (any expectation that fails). */
  readonly evidence?: Evidence;
}

/** A safety property's verdict over every explored state, with the first violation. */
export interface SafetyResult {
  readonly property: SafetyProperty;
  readonly claim: string;
  readonly holds: boolean;
  /** The header says `Safety: PROPERTY fails`: the test shows a violation on purpose (an unsafe profile). */
  readonly expectedToFail: boolean;
  readonly evidence?: Evidence;
  readonly detail?: string;
}

export interface TestResult {
  readonly name: string;
  readonly outcomes: readonly { readonly text: string; readonly count: number }[];
  readonly expectations: readonly ExpectationResult[];
  readonly annotations: Execution['annotations'];
  /** Checked for tests that use the filesystem; empty otherwise. */
  readonly safety: readonly SafetyResult[];
  /** The first expectation's condition: how often it held, and the header's `Result:` claim if any. */
  readonly observation?: { readonly frequency: Frequency; readonly positive: number; readonly negative: number; readonly claimed?: Frequency };
  readonly stats: { readonly crashPoints: number; readonly crashStates: bigint; readonly evaluations: number };
  /** `incomplete`: a limit stopped the check before it could pass (a failure it found before is still `fail`). */
  readonly verdict: 'pass' | 'fail' | 'incomplete';
  /** Where a limit stopped the check, when one did. */
  readonly stopped?: Stopped;
  readonly execution: Execution;
}

/** Accumulates outcomes, expectation verdicts and safety violations over all crash states explored. */
export class Tally {
  crashStates = 0n;
  private evaluations = 0;
  private readonly outcomes: OutcomeCounts;
  private readonly found: (Evidence | undefined)[];
  private readonly violations = new Map<SafetyProperty, { evidence: Evidence; detail: string }>();
  private positive = 0;
  private negative = 0;

  constructor(
    private readonly test: Litmus,
    private readonly execution: Execution,
    readonly checksSafety: boolean,
    /** Keep, for each expectation, the decisive crash state with the least persisted instead of the first found. */
    private readonly minimal = false,
  ) {
    this.found = test.expectations.map(() => undefined);
    this.outcomes = new OutcomeCounts(test.observations);
  }

  add(e: Evidence): void {
    this.evaluations++;
    this.outcomes.add(e.values);
    this.test.expectations.forEach((exp, i) => {
      if (!inScope(exp.scope, e.pointIndex, this.execution)) return;
      const sat = holds(exp.cond, e.values);
      if (i === 0) sat ? this.positive++ : this.negative++;
      const decisive = exp.quantifier === 'forall' ? !sat : sat;
      if (decisive && (!this.found[i] || (this.minimal ? lighter(e, this.found[i]!) : precedes(e, this.found[i]!)))) this.found[i] = e;
    });
  }

  /** Records the first violation of `property` (in the order of `precedes`). */
  violate(property: SafetyProperty, evidence: Evidence, detail: string): void {
    const known = this.violations.get(property);
    if (!known || precedes(evidence, known.evidence)) this.violations.set(property, { evidence, detail });
  }

  /** The result over what was explored; `stopped` says where a limit cut the exploration short. */
  result(stopped?: Stopped): TestResult {
    const expectations = this.test.expectations.map((expectation, id) => {
      const evidence = this.found[id];
      const ok = expectation.quantifier === 'exists' ? evidence !== undefined : evidence === undefined;
      return evidence ? { id, expectation, holds: ok, evidence } : { id, expectation, holds: ok };
    });
    const safety = this.safety();
    const observation = this.observation();
    const pass = expectations.every((e) => e.holds) && this.execution.annotations.every((a) => a.holds) && safety.every((s) => s.holds !== s.expectedToFail) && (!observation?.claimed || observation.claimed === observation.frequency);
    return {
      name: this.test.name,
      outcomes: this.outcomes.lines(),
      expectations,
      annotations: this.execution.annotations,
      safety,
      ...(observation ? { observation } : {}),
      stats: { crashPoints: this.execution.points.length, crashStates: this.crashStates, evaluations: this.evaluations },
      verdict: stopped ? (this.refuted(expectations, safety) ? 'fail' : 'incomplete') : pass ? 'pass' : 'fail',
      ...(stopped ? { stopped } : {}),
      execution: this.execution,
    };
  }

  /** Whether what was explored already shows a failure that more exploration cannot undo. */
  private refuted(expectations: readonly ExpectationResult[], safety: readonly SafetyResult[]): boolean {
    const counterexample = expectations.some((e) => !e.holds && e.expectation.quantifier !== 'exists');
    return counterexample || this.execution.annotations.some((a) => !a.holds) || safety.some((s) => !s.holds && !s.expectedToFail);
  }

  private safety(): SafetyResult[] {
    if (!this.checksSafety) return [];
    const expected = new Set(this.test.claims?.safetyFails.map((c) => c.property));
    return (Object.keys(SAFETY) as SafetyProperty[]).map((property) => {
      const v = this.violations.get(property);
      const base = { property, claim: SAFETY[property], expectedToFail: expected.has(property) };
      return v ? { ...base, holds: false, evidence: v.evidence, detail: v.detail } : { ...base, holds: true };
    });
  }

  private observation(): TestResult['observation'] {
    if (this.test.expectations.length === 0) return undefined;
    const frequency: Frequency = this.positive === 0 ? 'Never' : this.negative === 0 ? 'Always' : 'Sometimes';
    const claimed = this.test.claims?.result?.frequency;
    const base = { frequency, positive: this.positive, negative: this.negative };
    return claimed ? { ...base, claimed } : base;
  }
}

/**
 * Whether crash state `a` comes before `b` in depth-first order: an earlier crash point, or the
 * smaller choice at the first choice they differ in (both read the same sites up to there; a run
 * that read none comes first). The
 * explorer may visit a crash state standing for several, which is the first of them.
 */
function precedes(a: Evidence, b: Evidence): boolean {
  if (a.pointIndex !== b.pointIndex) return a.pointIndex < b.pointIndex;
  for (let i = 0; i < Math.max(a.choices.length, b.choices.length); i++) {
    const [x, y] = [a.choices[i]?.chosen ?? -1, b.choices[i]?.chosen ?? -1];
    if (x !== y) return x < y;
  }
  return false;
}

/** Whether `a` persisted less than `b`, or as much and comes first. */
function lighter(a: Evidence, b: Evidence): boolean {
  return weight(a) < weight(b) || (weight(a) === weight(b) && precedes(a, b));
}

/** How much a crash state persisted, for picking the smallest counterexample: the sum of its choices, then its crash point. */
function weight(e: Evidence): number {
  return e.choices.reduce((sum, c) => sum + c.chosen, 0) * 10_000 + e.pointIndex;
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
