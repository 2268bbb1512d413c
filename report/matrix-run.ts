import type { CellRow } from '../matrix/row.js';
import { counterexampleFile, shapeName } from './counterexample.js';

/** A run of the matrix as data: its options, the row of each cell in order, and where counterexamples were written. */
export interface MatrixRun {
  readonly seed: number;
  readonly numRuns: number;
  /** The folder holding the counterexample file of each `lost` cell. */
  readonly out: string;
  readonly rows: readonly CellRow[];
}

/** The counterexample file of a row of `run`, or undefined unless the cell is `lost`. */
export function fileOf(run: MatrixRun, row: CellRow): string | undefined {
  return row.property === null ? undefined : counterexampleFile(run.out, shapeName({ ...row, property: row.property }));
}
