/**
 * daxcheck as a library: parse, build and check litmus tests; check persistence recipes of your own
 * as fast-check properties; read, replay, explain and write counterexamples. Everything here is
 * documented in docs/api.md; the command line (`npx daxcheck`) is built on the same functions.
 *
 * @packageDocumentation
 */

export type { Litmus, Op, OpName, OpOf, Value, Decl, ConfigEntry, Observation, Cond, Scope, Expectation, Frequency, MapFlag, WriteFlag, MsyncFlag, FallocateMode, FileState } from '../lang/ast.js';
export { MAP_FLAGS, WRITE_FLAGS, MSYNC_FLAGS, FALLOCATE_MODES } from '../lang/ast.js';
export { eq, allOf, anyOf, not, after, before, everywhere, atEnd, forall, exists, never, repeat, valueOf, type Expected } from '../lang/build.js';
export { InputError, parseLitmus, printLitmus, readLitmus } from './litmus.js';
export { LitmusBuilder, litmus, type ConfigInput, type FileInput, type ValueInput } from './builder.js';
export { check, checkFile, type CheckOptions, type Report } from './check.js';
export type { TestReport, ExpectationReport, CrashStateReport } from '../report/json.js';

export { checkRecipe, recipeProperty, recipeHolds, RecipeViolation, violationOf, type RecipeCheck, type RecipeTarget, type RecipeVerdict } from './recipe.js';
export { RECIPES, RECIPE_SPECS, type Recipe, type RecipeSpec, type RecipeStep, type Write } from '../matrix/recipes.js';
export { PROPERTIES, PROPERTY_SPECS, type Property, type PropertySpec, type PropertyClaim, type WriteFacts } from '../matrix/claims.js';
export { MODES, type Mode, type Access, type ModeConfig } from '../matrix/modes.js';
export type { Workload } from '../matrix/workload.js';
export { workloads, values, files, recipes } from './arbitraries.js';
export type { RecipeStats } from '../matrix/check-recipe.js';
export { PLATFORM_NAMES, type PlatformName } from '../profiles/platforms.js';

export { readCounterexample, replay, explain, writeCounterexample, type Replayed } from './counterexamples.js';
export type { Counterexample } from '../report/counterexample.js';
export { fix, type Fix } from './fix.js';
export type { FixSummary } from '../report/fix-summary.js';
