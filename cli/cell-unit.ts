import { checkCell, type CellResult, type HaltedCell } from '../matrix/cell.js';
import { allCells, cellId } from '../matrix/cells.js';
import { rowOf, type CellRow } from '../matrix/row.js';
import { counterexampleFile, counterexampleOf, serialize, type Counterexample } from '../report/counterexample.js';
import { parseLitmus } from '../lang/parse.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { findFix } from '../fix/search.js';
import { fixSentence, fixSummary } from '../report/fix-summary.js';
import { EXIT } from './exit.js';
import type { StopReason } from './limits.js';
import type { UnitContext } from './unit-context.js';

/** A matrix cell to check, named by its id (a cell's mode holds functions, which a worker thread cannot be sent). */
export interface CellUnit {
  readonly kind: 'cell';
  readonly cell: string;
  readonly seed: number;
  readonly numRuns: number;
  /** Where the counterexample of a `lost` cell goes. */
  readonly out: string;
}

/** A checked cell's row and how many recovery runs it took, or why a limit halted it. */
export type CellDone = { readonly row: CellRow; readonly evaluations: number } | { readonly halted: StopReason };

/** Checks one cell, writing its counterexample file if it is `lost`. */
export function checkCellUnit({ cell, seed, numRuns, out }: CellUnit, { limits }: UnitContext): CellDone {
  const found = allCells().find((c) => cellId(c) === cell);
  if (found === undefined) throw new Error(`no cell ${cell}`);
  const result = checkCell(found, { seed, numRuns, budget: limits.budget() });
  if ('halted' in result) return { halted: haltedBy(result) };
  if (result.verdict !== 'lost') return { row: rowOf(result), evaluations: result.stats.evaluations };
  const cx = writeCounterexample(result, out);
  // The fix is searched for and verified on the counterexample's program as stored, so its line numbers are the file's (issue 15).
  return { row: rowOf(result, fixSentence(fixSummary(findFix(parseLitmus(cx.program))))), evaluations: result.stats.evaluations };
}

/** How a halted cell stops the run: the limit, and where it stopped. */
function haltedBy({ cell, halted }: HaltedCell): StopReason {
  return { by: `--${halted.limit}=${halted.value} (cell ${cellId(cell)}: a workload stopped after ${halted.explored} of ${halted.points} crash points)`, status: EXIT.usage };
}

function writeCounterexample(result: Extract<CellResult, { verdict: 'lost' }>, out: string): Counterexample {
  const cx = counterexampleOf(result);
  writeFileAtomic(counterexampleFile(out, cx.name), serialize(cx));
  return cx;
}
