import type { Cell } from './cell.js';
import { columnName, COLUMNS, rulesKey } from './column.js';
import { applicable, MODES } from './modes.js';
import { RECIPES } from './recipes.js';

/** Every cell of the matrix, in a fixed order: modes as listed, then columns (ADR first), then recipes as listed. */
export function allCells(): Cell[] {
  return MODES.flatMap((mode) => COLUMNS.flatMap(({ platform, failure }) => RECIPES.filter((r) => applicable(mode, r)).map((recipe) => ({ mode, platform, failure, recipe }))));
}

/** The id `MODE/COLUMN/RECIPE` of a cell (its column `PLATFORM` or `PLATFORM@guest`). */
export function cellId(cell: Cell): string {
  return `${cell.mode.id}/${columnName(cell)}/${cell.recipe}`;
}

/**
 * What decides a cell's verdict: its mode, its recipe and the persistence rules of its column, which
 * are all the model reads of a platform (model/core/world.ts). Cells with the same key are the same
 * check under two names (ADR and CXL without GPF, for one), so the matrix checks one of them.
 */
export function verdictKey(cell: Cell): string {
  return `${cell.mode.id}/${cell.recipe}/${rulesKey(cell)}`;
}
