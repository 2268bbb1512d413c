import fc from 'fast-check';
import { NO_BUGS, type Bugs } from '../profiles/bugs.js';
import { checkLitmus, checkUnlessRefused, type Evidence, type Refusal, type Refused, type TestResult } from '../model/check/check.js';
import type { Budget, Stopped } from '../model/check/budget.js';
import type { Expectation, Litmus } from '../lang/ast.js';
import type { PropertySpec } from './claims.js';
import { firstFailure, minimize } from './minimize.js';
import type { Mode } from './modes.js';
import type { RecipeSpec } from './recipes.js';
import { targetConfig, workloadArbitrary, workloadName, workloadTest, type Workload } from './workload.js';
import type { PlatformName } from '../profiles/platforms.js';
import type { Failure } from '../model/core/persistence.js';

/** What a recipe check runs: writes of a mode on a platform, each followed by the recipe, against properties. */
export interface RecipeSetup {
  readonly mode: Mode;
  readonly platform: PlatformName;
  /** What fails at the crash: the whole machine (the default) or only the guest. */
  readonly failure?: Failure;
  readonly recipe: RecipeSpec;
  readonly properties: readonly PropertySpec[];
}

/** How much a recipe check explored. */
export interface RecipeStats {
  readonly workloads: number;
  readonly crashPoints: number;
  readonly crashStates: bigint;
  /** Recovery runs: what the work took, as opposed to how many crash states it stood for. */
  readonly evaluations: number;
}

/** A violation found, shrunk and minimized, with what replays it. */
export interface Found {
  /** The property violated: one of the setup's, or a safety property of the filesystem. */
  readonly property: string;
  readonly test: Litmus;
  /** The violated expectation, or undefined when a safety property was violated. */
  readonly expectation?: Expectation;
  readonly evidence: Evidence;
  readonly fastCheck: { readonly seed: number; readonly path: string; readonly numRuns: number } | null;
  /** Size of the original failing workload and of the minimized program, in operations. */
  readonly operations: { readonly shrunk: number; readonly minimized: number };
}

/** A recipe's verdict: every workload survived, one lost data (with what), or the mode refuses the recipe with an errno. */
export type RecipeResult = { readonly stats: RecipeStats } & (
  | { readonly verdict: 'durable' }
  | { readonly verdict: 'lost'; readonly found: Found }
  | { readonly verdict: 'n/a'; readonly errno: string; readonly reason: string }
);

export interface RecipeOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly bugs?: Bugs;
  /** Limits on each workload's check; one that stops a check halts the recipe check. */
  readonly budget?: Budget;
  /** Most writes per workload (default 3). */
  readonly maxWrites?: number;
}

/** The smallest workload of a mode: one write at the start of one file, for telling `n/a` early. */
function probe(mode: Mode): Workload {
  const len = mode.alignment ?? 8;
  return { files: 1, writes: [{ file: 'f0', map: 'm0', off: 0, len, byte: 0x41 }] };
}

/**
 * Checks a recipe (DESIGN 1.4): does every workload written under it keep every property at every
 * crash? `n/a` when the mode refuses the recipe with an errno; otherwise fast-check runs `numRuns`
 * workloads, and a failure is shrunk by fast-check, then minimized by operations and by persisted
 * state. A limit that stops a workload's check halts the whole check: `{ halted }`.
 */
export function checkRecipe(setup: RecipeSetup, options: RecipeOptions): RecipeResult | { readonly halted: Stopped } {
  const bugs = options.bugs ?? NO_BUGS;
  const stats = { workloads: 0, crashPoints: 0, crashStates: 0n, evaluations: 0 };
  let halted: Stopped | undefined;
  const run = (w: Workload): TestResult | Refused => {
    const result = checkUnlessRefused(testOf(setup, w).test, { bugs, ...(options.budget ? { budget: options.budget } : {}) });
    if ('refused' in result) return result;
    halted ??= result.stopped;
    stats.workloads++;
    stats.crashPoints += result.stats.crashPoints;
    stats.crashStates += result.stats.crashStates;
    stats.evaluations += result.stats.evaluations;
    return result;
  };
  const probed = run(probe(setup.mode));
  if ('refused' in probed) return { stats, ...notApplicable(probed.refused) };
  if (halted) return { halted };
  // fast-check hands back the very workload object that failed, so its refusal is looked up by it.
  const refusals = new Map<Workload, Refusal>();
  const holds = (w: Workload): boolean => {
    // Once a limit has halted the check, fast-check's remaining runs are skipped, not failed.
    if (halted) return true;
    const result = run(w);
    if ('refused' in result) refusals.set(w, result.refused);
    return halted !== undefined || (!('refused' in result) && result.verdict === 'pass');
  };
  const check = fc.check(fc.property(workloadArbitrary(setup.mode, options.maxWrites), holds), { seed: options.seed, numRuns: options.numRuns });
  if (halted) return { halted };
  if (!check.failed) return { stats, verdict: 'durable' };
  const workload = check.counterexample![0];
  const refused = refusals.get(workload);
  if (refused) return { stats, ...notApplicable(refused) };
  const found = explain(setup, workload, bugs, { seed: check.seed, path: check.counterexamplePath ?? '', numRuns: options.numRuns });
  return { stats, verdict: 'lost', found };
}

const testOf = (setup: RecipeSetup, w: Workload) => workloadTest(setup.mode, setup, setup.recipe, w, setup.properties);

const notApplicable = ({ errno, reason }: Refusal) => ({ verdict: 'n/a' as const, errno, reason });

/** The failing workload's first violation, minimized: the expectation of a property, else a safety property. */
export function explain(setup: RecipeSetup, workload: Workload, bugs: Bugs, fastCheck: Found['fastCheck']): Found {
  const shrunk = testOf(setup, workload);
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

/**
 * A violation found under one setup, shown under another whose verdict key is the same (its column's
 * persistence rules are): the minimized test moved to the other platform and failure and checked
 * there, so its evidence is that column's own. A test that passes there is an internal error, since
 * the two setups would then not be the same check.
 */
export function foundOn(setup: RecipeSetup, found: Found, bugs: Bugs = NO_BUGS): Found {
  const kept = found.test.config.filter((e) => e.key !== 'platform' && e.key !== 'failure');
  const test: Litmus = { ...found.test, name: workloadName(setup.mode, setup, setup.recipe), config: [...targetConfig(setup), ...kept] };
  const result = checkLitmus(test, { bugs, minimal: true });
  const evidence = found.expectation
    ? result.expectations[found.test.expectations.indexOf(found.expectation)]
    : result.safety.find((s) => s.property === found.property);
  if (evidence?.holds !== false) throw new Error(`internal: ${test.name} does not fail as ${found.test.name} does, though their persistence rules are the same`);
  return { ...found, test, evidence: evidence.evidence! };
}
