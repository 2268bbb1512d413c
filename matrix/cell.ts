import fc from 'fast-check';
import { NO_BUGS, type Bugs } from '../profiles/bugs.js';
import { checkLitmus, checkUnlessRefused, type Evidence, type Refusal, type Refused, type TestResult } from '../model/check/check.js';
import type { Budget, Stopped } from '../model/check/budget.js';
import type { SafetyProperty } from '../model/fs/safety.js';
import type { Expectation, Litmus } from '../lang/ast.js';
import type { Property } from './claims.js';
import { contract, type Contract } from './contracts.js';
import { firstFailure, minimize } from './minimize.js';
import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';
import { workloadArbitrary, workloadTest, type Workload } from './workload.js';
import type { PlatformName } from '../profiles/platforms.js';

/** One cell of the matrix: a mode, a platform and a recipe. */
export interface Cell {
  readonly mode: Mode;
  readonly platform: PlatformName;
  readonly recipe: Recipe;
}

/** How much a cell explored. */
export interface CellStats {
  readonly workloads: number;
  readonly crashPoints: number;
  readonly crashStates: bigint;
  /** Recovery runs: what the work took, as opposed to how many crash states it stood for. */
  readonly evaluations: number;
}

/** A violation found in a cell, shrunk and minimized, with what replays it. */
export interface Found {
  readonly property: Property | SafetyProperty;
  readonly test: Litmus;
  /** The violated expectation, or undefined when a safety property was violated. */
  readonly expectation?: Expectation;
  readonly evidence: Evidence;
  readonly fastCheck: { readonly seed: number; readonly path: string; readonly numRuns: number };
  /** Size of the original failing workload and of the minimized program, in operations. */
  readonly operations: { readonly shrunk: number; readonly minimized: number };
}

export type CellResult = { readonly cell: Cell; readonly contract: Contract; readonly stats: CellStats } & (
  | { readonly verdict: 'durable' }
  | { readonly verdict: 'lost'; readonly found: Found }
  | { readonly verdict: 'n/a'; readonly errno: string; readonly reason: string }
);

export interface CellOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly bugs?: Bugs;
  /** Limits on each workload's check; one that stops a check halts the cell. */
  readonly budget?: Budget;
}

/** A cell a limit halted before it had a verdict: where the workload's check stopped. */
export interface HaltedCell {
  readonly cell: Cell;
  readonly halted: Stopped;
}

/** The smallest workload of a mode: one write at the start of one file, for telling `n/a` cells early. */
function probe(mode: Mode): Workload {
  const len = mode.alignment ?? 8;
  return { files: 1, writes: [{ file: 'f0', map: 'm0', off: 0, len, byte: 0x41 }] };
}

/**
 * Checks a cell: does every workload written under the recipe survive every crash (DESIGN 1.4)?
 * `n/a` when the mode refuses the recipe with an errno; otherwise fast-check runs `numRuns`
 * workloads, and a failure is shrunk by fast-check, then minimized by operations and by persisted state.
 */
export function checkCell(cell: Cell, options: Omit<CellOptions, 'budget'>): CellResult;
export function checkCell(cell: Cell, options: CellOptions): CellResult | HaltedCell;
export function checkCell(cell: Cell, options: CellOptions): CellResult | HaltedCell {
  const bugs = options.bugs ?? NO_BUGS;
  const base = { cell, contract: contract(cell.mode, cell.platform, cell.recipe) };
  const stats = { workloads: 0, crashPoints: 0, crashStates: 0n, evaluations: 0 };
  let halted: Stopped | undefined;
  const run = (w: Workload): TestResult | Refused => {
    const result = checkUnlessRefused(workloadTest(cell.mode, cell.platform, cell.recipe, w).test, { bugs, ...(options.budget ? { budget: options.budget } : {}) });
    if ('refused' in result) return result;
    halted ??= result.stopped;
    stats.workloads++;
    stats.crashPoints += result.stats.crashPoints;
    stats.crashStates += result.stats.crashStates;
    stats.evaluations += result.stats.evaluations;
    return result;
  };
  const probed = run(probe(cell.mode));
  if ('refused' in probed) return { ...base, stats, ...notApplicable(probed.refused) };
  if (halted) return { cell, halted };
  // fast-check hands back the very workload object that failed, so its refusal is looked up by it.
  const refusals = new Map<Workload, Refusal>();
  const holds = (w: Workload): boolean => {
    // Once a limit has halted the cell, fast-check's remaining runs are skipped, not failed.
    if (halted) return true;
    const result = run(w);
    if ('refused' in result) refusals.set(w, result.refused);
    return halted !== undefined || (!('refused' in result) && result.verdict === 'pass');
  };
  const check = fc.check(fc.property(workloadArbitrary(cell.mode), holds), { seed: options.seed, numRuns: options.numRuns });
  if (halted) return { cell, halted };
  if (!check.failed) return { ...base, stats, verdict: 'durable' };
  const workload = check.counterexample![0];
  const refused = refusals.get(workload);
  if (refused) return { ...base, stats, ...notApplicable(refused) };
  const found = explain(cell, workload, bugs, { seed: check.seed, path: check.counterexamplePath ?? '', numRuns: options.numRuns });
  return { ...base, stats, verdict: 'lost', found };
}

const notApplicable = ({ errno, reason }: Refusal) => ({ verdict: 'n/a' as const, errno, reason });

function explain(cell: Cell, workload: Workload, bugs: Bugs, fastCheck: Found['fastCheck']): Found {
  const shrunk = workloadTest(cell.mode, cell.platform, cell.recipe, workload);
  const violated = firstFailure(shrunk.test, bugs);
  const claim = shrunk.claims.find((c) => c.expectation === violated?.expectation);
  const operations = (test: Litmus) => ({ shrunk: shrunk.test.program.length, minimized: test.program.length });
  if (!claim) {
    const unsafe = checkLitmus(shrunk.test, { bugs, minimal: true }).safety.find((s) => !s.holds)!;
    return { property: unsafe.property, test: shrunk.test, evidence: unsafe.evidence!, fastCheck, operations: operations(shrunk.test) };
  }
  const test = minimize(shrunk, claim, bugs);
  const failed = checkLitmus(test, { bugs, minimal: true }).expectations.find((e) => !e.holds)!;
  return { property: claim.property, test, expectation: failed.expectation, evidence: failed.evidence!, fastCheck, operations: operations(test) };
}
