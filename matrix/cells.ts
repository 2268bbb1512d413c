import type { Cell } from './cell.js';
import { applicable, MODES } from './modes.js';
import { RECIPES } from './recipes.js';
import type { PlatformName } from '../profiles/platforms.js';

/**
 * The matrix's platforms, in table order: the bare-metal ones of the main job. The guest and CXL
 * platforms are checked by the catalogue (litmus/platform/) and by the library's recipe checks,
 * which take every platform: all seven columns make 560 cells instead of 160, more than three
 * times the main job's time.
 */
export const PLATFORMS: readonly PlatformName[] = ['adr', 'eadr'];

/** Every cell of the matrix, in a fixed order: modes as listed, ADR before eADR, recipes as listed. */
export function allCells(): Cell[] {
  return MODES.flatMap((mode) => PLATFORMS.flatMap((platform) => RECIPES.filter((r) => applicable(mode, r)).map((recipe) => ({ mode, platform, recipe }))));
}

/** The id `MODE/PLATFORM/RECIPE` of a cell. */
export function cellId(cell: Cell): string {
  return `${cell.mode.id}/${cell.platform}/${cell.recipe}`;
}
