import { cellSetup, checkCell, type Cell, type CellResult, type HaltedCell } from '../matrix/cell.js';
import { foundOn } from '../matrix/check-recipe.js';
import { contract } from '../matrix/contracts.js';
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

/**
 * A matrix cell to check, named by its id (a cell's mode holds functions, which a worker thread cannot
 * be sent), with the cells of the same verdict key, whose rows follow from its check.
 */
export interface CellUnit {
  readonly kind: 'cell';
  readonly cell: string;
  readonly alike: readonly string[];
  readonly seed: number;
  readonly numRuns: number;
  /** Where the counterexample of a `lost` cell goes. */
  readonly out: string;
}

/** The rows of a checked cell and of the cells alike, in the unit's order, and how many recovery runs it took; or why a limit halted it. */
export type CellDone = { readonly rows: readonly CellRow[]; readonly evaluations: number } | { readonly halted: StopReason };

/**
 * Checks one cell and gives the rows of the cells alike from its check, writing the counterexample
 * file of every `lost` one: a cell alike has the same verdict and counts, and its counterexample is
 * the minimized test re-checked on its own column.
 */
export function checkCellUnit({ cell, alike, seed, numRuns, out }: CellUnit, { limits }: UnitContext): CellDone {
  const result = checkCell(cellNamed(cell), { seed, numRuns, budget: limits.budget() });
  if ('halted' in result) return { halted: haltedBy(result) };
  const others = alike.map(cellNamed).map((c): CellResult => ({ ...result, cell: c, contract: contract(c, c.mode, c.recipe), ...(result.verdict === 'lost' ? { found: foundOn(cellSetup(c), result.found) } : {}) }));
  return { rows: [result, ...others].map((r) => rowWithFix(r, out)), evaluations: result.stats.evaluations };
}

function cellNamed(id: string): Cell {
  const found = allCells().find((c) => cellId(c) === id);
  if (found === undefined) throw new Error(`no cell ${id}`);
  return found;
}

/** A cell's row; a `lost` cell's counterexample is written, and its fix searched for and verified on the program as stored, so that its line numbers are the file's (issue 15). */
function rowWithFix(result: CellResult, out: string): CellRow {
  if (result.verdict !== 'lost') return rowOf(result);
  const cx = writeCounterexample(result, out);
  return rowOf(result, fixSentence(fixSummary(findFix(parseLitmus(cx.program)))));
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
