import { performance } from 'node:perf_hooks';
import { userError } from '../lang/messages.js';
import type { Cell } from '../matrix/cell.js';
import { allCells, cellId, verdictKey } from '../matrix/cells.js';
import type { CellUnit } from './cell-unit.js';
import { contract } from '../matrix/contracts.js';
import { promisedButLost, rowId, type CellRow } from '../matrix/row.js';
import type { Reporter } from '../report/events.js';
import { firstDifference } from '../report/first-difference.js';
import type { MatrixRun } from '../report/matrix-run.js';
import { matrixTable } from '../report/matrix-table.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';
import { RunLimits, type StopReason } from './limits.js';
import { journalledRows, writeJournal } from './matrix-journal.js';
import { removeAbandoned } from '../report/write-atomic.js';
import { prepareOut } from './out-folder.js';
import { readGolden } from './golden.js';
import { textReporter } from '../report/text-reporter.js';
import { inOrder } from './pool.js';
import { shardOf, shardText, type Shard } from './shard.js';

export interface MatrixOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly cell?: string;
  readonly out: string;
  /** A golden table (`matrix.expected`) the table must equal, byte for byte. */
  readonly expect?: string;
  /** Continue the run journalled in `out`, without checking its finished cells again. */
  readonly resume?: boolean;
  /** Check only this share of the cells (`daxcheck merge` combines the shards' folders). */
  readonly shard?: Shard;
  /** Worker threads that check cells; 1 checks them in-process. */
  readonly workers?: number;
}

/** A matrix run, and what stopped it before every cell was checked. */
export interface CheckedCells {
  readonly run: MatrixRun;
  readonly stopped?: StopReason;
}

/**
 * `daxcheck matrix`: for every mapping mode, platform and recipe, whether acknowledged data
 * survives every crash (`durable`), does not (`lost`, with a replayable counterexample file), or
 * the mode refuses the recipe (`n/a`, with the errno). stdout is deterministic for a seed; the
 * time taken and the progress go to stderr. Each finished cell is journalled in `--out`, so a run
 * stopped by a signal prints what it has and `--resume` finishes it.
 */
export async function runMatrix(options: MatrixOptions, reporter: Reporter, io: Io, limits = new RunLimits()): Promise<number> {
  const { seed, numRuns, out, shard } = options;
  const cells = matrixCells(options);
  const golden = options.expect === undefined ? undefined : readGolden(options.expect);
  prepareOut(out);
  const journalled = options.resume ? journalledRows(out, seed, numRuns, shard) : new Map<string, CellRow>();
  const started = performance.now();
  const record = (rows: readonly CellRow[]) => writeJournal(out, seed, numRuns, rows, shard);
  const { run, stopped } = await checkCells(cells, options, io, { journalled, record, limits, workers: options.workers ?? 1 });
  reporter.write({ kind: 'matrix', run }, io);
  io.err(`matrix: ${run.rows.length} cells, ${run.rows.reduce((n, r) => n + r.workloads, 0)} workloads, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (stopped) {
    reporter.write({ kind: 'stopped', by: stopped.by, done: run.rows.length, total: cells.length, unit: 'cells', resume: resumeCommand(options) }, io);
    return stopped.status;
  }
  return matrixStatus(run, golden, io);
}

/** The cells a matrix run checks: one with `--cell`, else all of them or the shard's share. */
function matrixCells({ cell, shard }: MatrixOptions): Cell[] {
  if (cell !== undefined && shard !== undefined) throw userError('shardWithCell', undefined);
  const cells = allCells().filter((c) => cell === undefined || cellId(c) === cell);
  if (cells.length === 0) throw userError('unknownCell', undefined, cell ?? '');
  return shardOf(cells, shard);
}

/** The exit status of a finished run, saying on stderr what fails the build. */
export function matrixStatus(run: MatrixRun, golden: string | undefined, io: Io): number {
  const problems = matrixProblems(run, golden);
  for (const problem of problems) io.err(`matrix: ${problem}`);
  return problems.length > 0 ? EXIT.verdict : EXIT.ok;
}

/** The command that continues a stopped run. */
function resumeCommand(options: MatrixOptions): string {
  const cell = options.cell ? ` --cell=${options.cell}` : '';
  const shard = options.shard ? ` --shard ${shardText(options.shard)}` : '';
  return `daxcheck matrix --resume --seed=${options.seed} --num-runs=${options.numRuns}${cell}${shard} --out ${options.out}`;
}

/** What makes a matrix run fail a build: cells the documentation promises but found lost, and a table that differs from the golden. */
export function matrixProblems(run: MatrixRun, golden?: string): string[] {
  const lost = run.rows.filter(promisedButLost).map(rowId);
  const table = matrixTable(run).map((line) => `${line}\n`).join('');
  const differs = golden === undefined ? undefined : firstDifference(golden, table);
  return [...(lost.length > 0 ? [`promised but lost: ${lost.join(', ')}`] : []), ...(differs ? [`the table differs from --expect at ${differs}`] : [])];
}

/** Rows a stopped run finished (not checked again), where to record each row as it finishes, the limits of the run, and how many worker threads check cells. */
export interface Journalling {
  readonly journalled?: ReadonlyMap<string, CellRow>;
  readonly record?: (rows: readonly CellRow[]) => void;
  readonly limits?: RunLimits;
  readonly workers?: number;
}

/**
 * Checks `cells` with progress on stderr, writing the counterexample of each `lost` cell under
 * `out`, and collects their rows in their order; rows already journalled are not checked again,
 * and each new one is recorded. Cells of one verdict key (matrix/cells.ts) are checked once, as one
 * unit: the first of them, and the others' rows from its check. A signal stops it between two
 * units, or at once with workers.
 */
export async function checkCells(cells: readonly Cell[], { seed, numRuns, out }: Omit<MatrixRun, 'rows'>, io: Io, { journalled, record, limits = new RunLimits(), workers = 1 }: Journalling = {}): Promise<CheckedCells> {
  const started = performance.now();
  const rows: CellRow[] = [];
  const found = new Map<string, CellRow>(journalled);
  let evaluations = 0;
  const show = (row: CellRow) => {
    const rate = evaluations / Math.max(0.001, (performance.now() - started) / 1000);
    io.status(`matrix: ${rows.length}/${cells.length} cells done (${rowId(row)}: ${row.verdict}${journalled?.has(rowId(row)) ? ', journalled' : ''}), ${Math.round(rate)} evaluations/s`);
  };
  // Rows are taken in the cells' order as soon as every row before them is known.
  const catchUp = () => {
    while (rows.length < cells.length) {
      const next = found.get(cellId(cells[rows.length]!));
      if (next === undefined) return;
      rows.push(next);
      show(next);
    }
  };
  const todo = unitsOf(cells.filter((cell) => !found.has(cellId(cell))), { seed, numRuns, out });
  const units = todo.map((t) => t.unit);
  // Cells write nothing through the reporter: the table is written once they are all done.
  const { stopped } = await inOrder(units, { reporter: textReporter, io, limits }, { workers, format: 'text', cost: (i) => todo[i]!.cost }, (checked, i) => {
    if ('halted' in checked) return checked.halted;
    const ids = [units[i]!.cell, ...units[i]!.alike];
    checked.rows.forEach((row, k) => found.set(ids[k]!, row));
    evaluations += checked.evaluations;
    catchUp();
    record?.(rows);
    return undefined;
  });
  if (stopped) removeAbandoned(out);
  catchUp();
  if (!stopped) io.progress('');
  return { run: { seed, numRuns, out, rows }, ...(stopped ? { stopped } : {}) };
}

/**
 * One unit per verdict key among `cells`, in the order of their first cells, with what it is
 * expected to cost: a cell whose recipe is promised is expected to check every workload, where a
 * lost one stops at the first that fails.
 */
function unitsOf(cells: readonly Cell[], { seed, numRuns, out }: Omit<MatrixRun, 'rows'>): { unit: CellUnit; cost: number }[] {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const group = groups.get(verdictKey(cell));
    if (group) group.push(cell);
    else groups.set(verdictKey(cell), [cell]);
  }
  return [...groups.values()].map(([cell, ...alike]) => ({
    unit: { kind: 'cell', cell: cellId(cell!), alike: alike.map(cellId), seed, numRuns, out },
    cost: contract(cell!, cell!.mode, cell!.recipe).promised ? 1 : 0,
  }));
}
