import fc from 'fast-check';
import { message } from '../lang/messages.js';
import { NO_BUGS } from '../profiles/bugs.js';
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from '../profiles/platforms.js';
import type { Failure } from '../model/core/persistence.js';
import { checkUnlessRefused } from '../model/check/check.js';
import { checkRecipe as checkSetup, explain, type RecipeSetup, type RecipeStats } from '../matrix/check-recipe.js';
import { modeProperties, PROPERTIES, PROPERTY_SPECS, type Property, type PropertySpec } from '../matrix/claims.js';
import type { Mode } from '../matrix/modes.js';
import { recipeSpec, type Recipe, type RecipeSpec } from '../matrix/recipes.js';
import { workloadTest, type Workload } from '../matrix/workload.js';
import { COUNTEREXAMPLE_PROPERTIES, counterexample, LITMUS_EXPECTATION, shapeName, type Counterexample } from '../report/counterexample.js';
import { describePoint } from '../report/describe.js';
import { printExpectation, printLitmus } from '../lang/print.js';
import { parseLitmus } from '../lang/parse.js';
import type { Found } from '../matrix/cell.js';
import { InputError } from './litmus.js';
import { modeOf, workloads } from './arbitraries.js';

/** What to check: a recipe after every write of a mapping mode, on a platform, against properties. */
export interface RecipeCheck {
  /** A mapping mode: an id of `MODES` (e.g. `fsdax-mapsync`), or a mode of your own. */
  readonly mode: string | Mode;
  readonly platform: PlatformName;
  /** What fails at the crash: `host` (the default: the whole machine loses power) or `guest` (only the guest dies; a platform with a host). */
  readonly failure?: Failure;
  /** A built-in recipe by name (`flush+fence`, `msync`, ...) or your own as data. */
  readonly recipe: Recipe | RecipeSpec;
  /** Built-in properties by name, or your own as data; by default what the mode promises (durability, and atomicity or ordering where it promises them). */
  readonly properties?: readonly (Property | PropertySpec)[];
  /** fast-check's seed (default 1) and number of workloads (default 50; the matrix runs 100 per cell). */
  readonly seed?: number;
  readonly numRuns?: number;
  /** Most writes per workload (default 3). */
  readonly maxWrites?: number;
}

/** A check without its recipe: the settings several recipes are checked under. */
export type RecipeTarget = Omit<RecipeCheck, 'recipe'>;

/** A recipe check's verdict: `durable` (every workload kept every property), `lost` with a minimized counterexample, or `n/a` (the mode refuses the recipe). */
export type RecipeVerdict = { readonly stats: RecipeStats } & (
  | { readonly verdict: 'durable' }
  | { readonly verdict: 'lost'; readonly counterexample: Counterexample; readonly operations: Found['operations'] }
  | { readonly verdict: 'n/a'; readonly errno: string; readonly reason: string }
);

const DEFAULTS = { seed: 1, numRuns: 50 } as const;

/**
 * Checks a recipe the way a matrix cell is checked (fast-check generates the workloads, shrinks a
 * failing one, and daxcheck minimizes it): the counterexample of a `lost` verdict is a record that
 * `writeCounterexample`, `daxcheck show` and `daxcheck replay` take.
 */
export function checkRecipe(check: RecipeCheck): RecipeVerdict {
  const setup = setupOf(check);
  const result = checkSetup(setup, { seed: check.seed ?? DEFAULTS.seed, numRuns: check.numRuns ?? DEFAULTS.numRuns, ...(check.maxWrites ? { maxWrites: check.maxWrites } : {}) });
  if ('halted' in result) throw new Error(`internal: a recipe check without limits halted at ${result.halted.limit}`);
  if (result.verdict !== 'lost') return result;
  return { stats: result.stats, verdict: 'lost', counterexample: counterexampleOf(setup, result.found), operations: result.found.operations };
}

/**
 * A recipe check as a fast-check property over `workloads(check.mode)`, for `fc.assert` or
 * `@fast-check/vitest`'s `test.prop`: a workload that breaks a property throws a RecipeViolation,
 * which fast-check shrinks and reports (its error's `cause`; see `violationOf`).
 */
export function recipeProperty(check: RecipeCheck): fc.IPropertyWithHooks<[Workload]> {
  return fc.property(workloads(check.mode, check.maxWrites), recipeHolds(check));
}

/** The predicate of `recipeProperty`: throws a RecipeViolation when `workload` breaks a property, or an Error when the mode refuses the recipe. */
export function recipeHolds(check: RecipeCheck): (workload: Workload) => void {
  const setup = setupOf(check);
  return (workload) => {
    const { test, claims } = workloadTest(setup.mode, setup, setup.recipe, workload, setup.properties);
    const result = checkUnlessRefused(test);
    if ('refused' in result) throw new Error(message('recipeRefused', setup.mode.id, setup.recipe.name, result.refused.errno, result.refused.reason));
    const failed = result.expectations.find((e) => !e.holds);
    const unsafe = result.safety.find((s) => !s.holds && !s.expectedToFail);
    if (!failed && !unsafe) return;
    const what = failed ? `${claims[failed.id]!.property}: ${printExpectation(failed.expectation)}` : unsafe!.property;
    const evidence = (failed ?? unsafe)!.evidence;
    // A generated test has no source lines: the crash is described in the lines of its printed text, as its record shows it.
    const where = evidence ? `, crashing ${describePoint(evidence.point, parseLitmus(printLitmus(test)))}` : '';
    throw new RecipeViolation(`${setup.recipe.name} after each write of ${setup.mode.id} on ${setup.platform} breaks ${what}${where}`, setup, workload);
  };
}

/** A workload that breaks a recipe's property; `counterexample` is its minimized record (computed when first read). */
export class RecipeViolation extends Error {
  #counterexample: Counterexample | undefined;
  constructor(
    message: string,
    private readonly setup: RecipeSetup,
    /** The workload as fast-check generated (and shrank) it. */
    readonly workload: Workload,
  ) {
    super(message);
    this.name = 'RecipeViolation';
  }

  /** The violation minimized by operations and by persisted state, as a counterexample record. */
  get counterexample(): Counterexample {
    this.#counterexample ??= counterexampleOf(this.setup, explain(this.setup, this.workload, NO_BUGS, null));
    return this.#counterexample;
  }
}

/** The RecipeViolation in an error's `cause` chain (fast-check's `fc.assert` error holds the last failure as its cause). */
export function violationOf(error: unknown): RecipeViolation | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof RecipeViolation) return e;
  return undefined;
}

/** What a check names, resolved: an unknown platform, mode or property is an InputError listing the choices. */
function setupOf(check: RecipeCheck): RecipeSetup {
  if (!PLATFORM_NAMES.includes(check.platform)) throw new InputError('recipe check', message('unknownWord', 'platform', String(check.platform), PLATFORM_NAMES));
  const mode = modeOf(check.mode);
  const properties = check.properties?.map(propertyOf) ?? modeProperties(mode);
  const failure = check.failure ?? 'host';
  if (failure === 'guest' && PLATFORMS[check.platform].domain.host === null) throw new InputError('recipe check', message('failureWithoutGuest', check.platform, PLATFORM_NAMES.filter((p) => PLATFORMS[p].domain.host !== null)));
  return { mode, platform: check.platform, failure, recipe: recipeSpec(check.recipe), properties };
}

function propertyOf(property: Property | PropertySpec): PropertySpec {
  if (typeof property !== 'string') return property;
  if (!Object.hasOwn(PROPERTY_SPECS, property)) throw new InputError('recipe check', message('unknownWord', 'property', property, PROPERTIES));
  return PROPERTY_SPECS[property];
}

/** The record of a recipe's violation: named like a matrix cell's, `MODE.PLATFORM.RECIPE.PROPERTY`. */
function counterexampleOf(setup: RecipeSetup, found: Found): Counterexample {
  const cell = { mode: setup.mode.id, platform: setup.platform, ...(setup.failure === 'guest' ? { failure: setup.failure } : {}), recipe: setup.recipe.name };
  // The schema knows the built-in properties; a property of the user's is an expectation of the program, named in the record's name.
  const violation = { property: COUNTEREXAMPLE_PROPERTIES.includes(found.property) ? found.property : LITMUS_EXPECTATION, ...(found.expectation ? { expectation: found.expectation } : {}) };
  return counterexample({ name: shapeName({ ...cell, property: found.property }), test: found.test, violation, evidence: found.evidence, cell, fastCheck: found.fastCheck });
}
