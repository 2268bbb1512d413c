import type { Stopped } from '../model/check/budget.js';
import { modeProperties } from './claims.js';
import { checkRecipe, type RecipeOptions, type RecipeResult, type RecipeSetup, type RecipeStats } from './check-recipe.js';
import { contract, type Contract } from './contracts.js';
import type { Mode } from './modes.js';
import { RECIPE_SPECS, type Recipe } from './recipes.js';
import type { PlatformName } from '../profiles/platforms.js';
import type { Failure } from '../model/core/persistence.js';

export type { Found } from './check-recipe.js';

/** One cell of the matrix: a mode, a platform under a failure (a column), and a built-in recipe. */
export interface Cell {
  readonly mode: Mode;
  readonly platform: PlatformName;
  readonly failure: Failure;
  readonly recipe: Recipe;
}

/** How much a cell explored. */
export type CellStats = RecipeStats;

/** A cell's verdict, with the contract that applies to it. */
export type CellResult = { readonly cell: Cell; readonly contract: Contract } & RecipeResult;

export type CellOptions = Omit<RecipeOptions, 'maxWrites'>;

/** A cell a limit halted before it had a verdict: where the workload's check stopped. */
export interface HaltedCell {
  readonly cell: Cell;
  readonly halted: Stopped;
}

/** What a cell checks: its built-in recipe under its mode and column, against every property the mode promises. */
export function cellSetup(cell: Cell): RecipeSetup {
  return { mode: cell.mode, platform: cell.platform, failure: cell.failure, recipe: RECIPE_SPECS[cell.recipe], properties: modeProperties(cell.mode) };
}

/** Checks a cell: its built-in recipe under its mode and platform, against every property the mode promises. */
export function checkCell(cell: Cell, options: Omit<CellOptions, 'budget'>): CellResult;
export function checkCell(cell: Cell, options: CellOptions): CellResult | HaltedCell;
export function checkCell(cell: Cell, options: CellOptions): CellResult | HaltedCell {
  const result = checkRecipe(cellSetup(cell), options);
  if ('halted' in result) return { cell, halted: result.halted };
  return { cell, contract: contract(cell, cell.mode, cell.recipe), ...result };
}
