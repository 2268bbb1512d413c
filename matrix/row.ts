import type { CellResult } from './cell.js';
import type { Contract } from './contracts.js';
import { columnName } from './column.js';
import type { Failure } from '../model/core/persistence.js';
import type { PlatformName } from '../profiles/platforms.js';

/**
 * What the matrix reports of one cell, as plain JSON-ready data: the table, the JSON output and the
 * run's journal are made from rows, so that a resumed run prints exactly what an uninterrupted one does.
 */
export interface CellRow {
  readonly mode: string;
  readonly platform: PlatformName;
  /** What fails at the crash: the whole machine, or only the guest. */
  readonly failure: Failure;
  readonly recipe: string;
  readonly verdict: CellResult['verdict'];
  readonly contract: Contract;
  readonly workloads: number;
  readonly crashPoints: number;
  /** A decimal integer: the count can pass 2^53. */
  readonly crashStates: string;
  /** The errno of an `n/a` cell. */
  readonly errno: string | null;
  /** The property a `lost` cell violated, and the size of its program shrunk and minimized. */
  readonly property: string | null;
  readonly operations: { readonly shrunk: number; readonly minimized: number } | null;
  /** A `lost` cell's verified fix as a sentence (or why there is none); null for other cells. */
  readonly fix: string | null;
}

/** The row of a checked cell, with its verified fix when it is `lost` (fix/ sits above this layer, so the caller searches). */
export function rowOf(r: CellResult, fix: string | null = null): CellRow {
  return {
    mode: r.cell.mode.id,
    platform: r.cell.platform,
    failure: r.cell.failure,
    recipe: r.cell.recipe,
    verdict: r.verdict,
    contract: r.contract,
    workloads: r.stats.workloads,
    crashPoints: r.stats.crashPoints,
    crashStates: r.stats.crashStates.toString(),
    errno: r.verdict === 'n/a' ? r.errno : null,
    property: r.verdict === 'lost' ? r.found.property : null,
    operations: r.verdict === 'lost' ? r.found.operations : null,
    fix: r.verdict === 'lost' ? fix : null,
  };
}

/** The id `MODE/COLUMN/RECIPE` of a row's cell. */
export function rowId(row: CellRow): string {
  return `${row.mode}/${columnName(row)}/${row.recipe}`;
}

/** Whether the documentation promises a recipe that the cell found lost: a bug in the kernel, the platform or the model. */
export function promisedButLost(row: CellRow): boolean {
  return row.verdict === 'lost' && row.contract.promised;
}
