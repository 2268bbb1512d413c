import type { CatalogueStatus } from '../report/events.js';
import { catalogueUnit, type CatalogueUnit } from './catalogue-unit.js';
import { checkCellUnit, type CellDone, type CellUnit } from './cell-unit.js';
import { runFileUnit, type RunUnit } from './run-unit.js';
import type { UnitContext } from './unit-context.js';

/** Each kind of unit. */
interface Units {
  readonly cell: CellUnit;
  readonly run: RunUnit;
  readonly catalogue: CatalogueUnit;
}

/** A unit of work of a long command, as data a worker thread can be sent: a matrix cell, a file of `run`, a catalogue test. */
export type Unit = Units[keyof Units];

/** What each kind of unit gives back, besides what it wrote: a cell's row, a file's exit status, a test's catalogue status. */
export interface UnitResults {
  readonly cell: CellDone;
  readonly run: number;
  readonly catalogue: CatalogueStatus;
}

const RUNNERS: { readonly [K in keyof Units]: (unit: Units[K], context: UnitContext) => UnitResults[K] } = {
  cell: checkCellUnit,
  run: runFileUnit,
  catalogue: catalogueUnit,
};

/** Runs one unit of work, in-process or in a worker thread: the same code either way. */
export function runUnit<U extends Unit>(unit: U, context: UnitContext): UnitResults[U['kind']] {
  // RUNNERS pairs each kind with its runner; TypeScript cannot follow that pairing through the union.
  return (RUNNERS[unit.kind] as (unit: Unit, context: UnitContext) => never)(unit, context);
}
