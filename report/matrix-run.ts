import type { CellResult } from '../matrix/cell.js';
import { counterexampleFile } from './counterexample.js';

/** A run of the matrix as data: its options, the result of each cell in order, and where counterexamples were written. */
export interface MatrixRun {
  readonly seed: number;
  readonly numRuns: number;
  /** The folder holding the counterexample file of each `lost` cell. */
  readonly out: string;
  readonly results: readonly CellResult[];
}

/** The counterexample file of a cell of `run`, or undefined unless the cell is `lost`. */
export function fileOf(run: MatrixRun, result: CellResult): string | undefined {
  return result.verdict === 'lost' ? counterexampleFile(run.out, result) : undefined;
}
