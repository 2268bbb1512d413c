import type { Litmus } from '../lang/ast.js';
import { UserError } from '../lang/errors.js';
import { ExplorationLimit } from '../model/check/explore.js';
import { checkLitmus, checkUnlessRefused, type CheckOptions, type TestResult } from '../model/check/check.js';
import { candidates } from './candidates.js';
import { EDIT_COSTS } from './costs.js';
import { applyEdits, type Edit, type Edited } from './edit.js';
import { judge, needsFix, type Rejection } from './judge.js';
import { witnessedFailure } from './witness.js';
import { FIX_DEFAULTS } from './defaults.js';

/** How far the search goes: edits in a fix, and candidate programs checked in all. */
export interface FixOptions extends Pick<CheckOptions, 'bugs' | 'limit' | 'tables'> {
  readonly maxSize?: number;
  readonly maxChecks?: number;
}


/** A candidate that did not fix the program: its edits, the edited program and why. */
export interface Rejected {
  readonly edits: readonly Edit[];
  readonly cost: number;
  readonly edited: Edited;
  readonly rejection: Rejection;
}

/** What the search found: nothing to fix, a verified fix (with the candidates rejected before it), or no fix within the bound. */
export type FixResult = {
  /** The program the fix is for: the test, or the failure it witnesses (`witnessedFailure`). */
  readonly target: Litmus;
  /** Whether `target` is the failure a passing test witnesses, not the test itself. */
  readonly witnessed: boolean;
  readonly baseline: TestResult;
  readonly rejected: readonly Rejected[];
  readonly checked: number;
} & (
  | { readonly kind: 'nothing-to-fix' }
  | { readonly kind: 'fixed'; readonly edits: readonly Edit[]; readonly cost: number; readonly edited: Edited; readonly result: TestResult }
  /** `cut`: the search stopped at `maxChecks` before trying every candidate of size `maxSize`. */
  | { readonly kind: 'none'; readonly maxSize: number; readonly cut: boolean }
);

/**
 * The smallest set of edits after which every expectation of `test` holds at every crash point and
 * nothing that held before breaks; among sets of one size, the cheapest (EDIT_COSTS), then the
 * first in program order. Every candidate is checked by the model, so a fix it returns is verified.
 */
export function findFix(test: Litmus, options: FixOptions = {}): FixResult {
  const baseline = checkLitmus(test, options);
  const witnessed = needsFix(baseline) ? undefined : witnessedFailure(test);
  if (witnessed) return { ...search(witnessed, checkLitmus(witnessed, options), options), witnessed: true };
  return needsFix(baseline) ? search(test, baseline, options) : { kind: 'nothing-to-fix', target: test, witnessed: false, baseline, rejected: [], checked: 0 };
}

/** The search proper, over a test that needs a fix. */
function search(test: Litmus, baseline: TestResult, options: FixOptions): FixResult {
  const singles = candidates(test, lastPosition(test, baseline));
  const maxSize = options.maxSize ?? FIX_DEFAULTS.maxSize;
  const maxChecks = options.maxChecks ?? FIX_DEFAULTS.maxChecks;
  const rejected: Rejected[] = [];
  for (let size = 1; size <= maxSize; size++) {
    for (const edits of bySize(singles, size)) {
      if (rejected.length >= maxChecks) return { kind: 'none', target: test, witnessed: false, baseline, rejected, checked: rejected.length, maxSize, cut: true };
      const cost = costOf(edits);
      const edited = applyEdits(test, edits);
      const tried = tryEdited(edited, baseline, options);
      if ('rejection' in tried) rejected.push({ edits, cost, edited, rejection: tried.rejection });
      else return { kind: 'fixed', target: test, witnessed: false, baseline, rejected, checked: rejected.length + 1, edits, cost, edited, result: tried.result };
    }
  }
  return { kind: 'none', target: test, witnessed: false, baseline, rejected, checked: rejected.length, maxSize, cut: false };
}

/** Checks an edited program against the baseline: its result when it fixes the test, else why not. */
function tryEdited(edited: Edited, baseline: TestResult, options: FixOptions): { result: TestResult } | { rejection: Rejection } {
  try {
    const result = checkUnlessRefused(edited.test, options);
    if ('refused' in result) return { rejection: { kind: 'refused', refusal: result.refused } };
    const rejection = judge(baseline, result, edited.origin);
    return rejection ? { rejection } : { result };
  } catch (e) {
    if (e instanceof UserError || e instanceof ExplorationLimit) return { rejection: { kind: 'undecided', message: e.message } };
    throw e;
  }
}

/** The total cost of a set of edits. */
export function costOf(edits: readonly Edit[]): number {
  return edits.reduce((sum, e) => sum + EDIT_COSTS[e.cost], 0);
}

/** Every set of `size` distinct candidates, cheapest first, then in the candidates' order. */
function bySize(singles: readonly Edit[], size: number): Edit[][] {
  const sets: Edit[][] = [];
  const grow = (from: number, chosen: Edit[]) => {
    if (chosen.length === size) return void sets.push(chosen);
    for (let i = from; i < singles.length; i++) grow(i + 1, [...chosen, singles[i]!]);
  };
  grow(0, []);
  return sets.map((edits, order) => ({ edits, order, cost: costOf(edits) })).sort((a, b) => a.cost - b.cost || a.order - b.order).map((s) => s.edits).filter(compatible);
}

/** Two moves of one operation cannot both happen. */
function compatible(edits: readonly Edit[]): boolean {
  const moved = edits.flatMap((e) => (e.kind === 'move' ? [e.from] : []));
  return new Set(moved).size === moved.length;
}

/**
 * The last position a fix may insert at: before the label that scopes each failing expectation
 * (`after L`, `before L`), since what comes after it cannot change the crash states in scope there;
 * anywhere for `end`, unscoped expectations and safety properties.
 */
function lastPosition(test: Litmus, baseline: TestResult): number {
  const failing = baseline.expectations.filter((e) => !e.holds).map((e) => e.expectation.scope);
  const unsafe = baseline.safety.some((s) => !s.holds && !s.expectedToFail);
  const label = (name: string) => test.program.findIndex((op) => op.op === 'label' && op.name === name);
  const ends = failing.map((s) => (s.kind === 'after' || s.kind === 'before' ? label(s.label) : test.program.length));
  return Math.max(unsafe ? test.program.length : 0, ...ends);
}
