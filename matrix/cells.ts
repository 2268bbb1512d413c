import type { Cell } from './cell.js';
import { applicable, MODES } from './modes.js';
import { RECIPES } from './recipes.js';
import { PLATFORM_NAMES } from '../profiles/platforms.js';

/** The matrix's platforms: the platform table's, in its order (ADR before eADR). */
export const PLATFORMS = PLATFORM_NAMES;

/** Every cell of the matrix, in a fixed order: modes as listed, ADR before eADR, recipes as listed. */
export function allCells(): Cell[] {
  return MODES.flatMap((mode) => PLATFORMS.flatMap((platform) => RECIPES.filter((r) => applicable(mode, r)).map((recipe) => ({ mode, platform, recipe }))));
}

/** The id `MODE/PLATFORM/RECIPE` of a cell. */
export function cellId(cell: Cell): string {
  return `${cell.mode.id}/${cell.platform}/${cell.recipe}`;
}
