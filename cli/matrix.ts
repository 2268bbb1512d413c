import { performance } from 'node:perf_hooks';
import { userError } from '../lang/messages.js';
import { checkCell, type Cell, type CellResult, type HaltedCell } from '../matrix/cell.js';
import { allCells, cellId } from '../matrix/cells.js';
import { promisedButLost, rowId, rowOf, type CellRow } from '../matrix/row.js';
import { counterexampleFile, counterexampleOf, serialize } from '../report/counterexample.js';
import type { Reporter } from '../report/events.js';
import { firstDifference } from '../report/first-difference.js';
import type { MatrixRun } from '../report/matrix-run.js';
import { matrixTable } from '../report/matrix-table.js';
import { EXIT } from './exit.js';
import { yieldToEvents, type Io } from './io.js';
import { RunLimits, type StopReason } from './limits.js';
import { journalledRows, writeJournal } from './matrix-journal.js';
import { prepareOut } from './out-folder.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { readGolden } from './golden.js';

export interface MatrixOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly cell?: string;
  readonly out: string;
  /** A golden table (`matrix.expected`) the table must equal, byte for byte. */
  readonly expect?: string;
  /** Continue the run journalled in `out`, without checking its finished cells again. */
  readonly resume?: boolean;
}

/** The defaults of `daxcheck matrix`; its golden `matrix.expected` is the table they give. */
export const MATRIX_DEFAULTS = { seed: 1, numRuns: 50, out: 'matrix-out' } as const;

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
  const cells = allCells().filter((c) => options.cell === undefined || cellId(c) === options.cell);
  if (cells.length === 0) throw userError('unknownCell', undefined, options.cell ?? '');
  const golden = options.expect === undefined ? undefined : readGolden(options.expect);
  prepareOut(options.out);
  const journalled = options.resume ? journalledRows(options.out, options.seed, options.numRuns) : new Map<string, CellRow>();
  const started = performance.now();
  const record = (rows: readonly CellRow[]) => writeJournal(options.out, options.seed, options.numRuns, rows);
  const { run, stopped } = await checkCells(cells, options, io, { journalled, record, limits });
  reporter.write({ kind: 'matrix', run }, io);
  io.err(`matrix: ${run.rows.length} cells, ${run.rows.reduce((n, r) => n + r.workloads, 0)} workloads, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (stopped) {
    reporter.write({ kind: 'stopped', by: stopped.by, done: run.rows.length, total: cells.length, unit: 'cells', resume: resumeCommand(options) }, io);
    return stopped.status;
  }
  const problems = matrixProblems(run, golden);
  for (const problem of problems) io.err(`matrix: ${problem}`);
  return problems.length > 0 ? EXIT.verdict : EXIT.ok;
}

/** The command that continues a stopped run. */
function resumeCommand(options: MatrixOptions): string {
  const cell = options.cell ? ` --cell=${options.cell}` : '';
  return `daxcheck matrix --resume --seed=${options.seed} --num-runs=${options.numRuns}${cell} --out ${options.out}`;
}

/** What makes a matrix run fail a build: cells the documentation promises but found lost, and a table that differs from the golden. */
export function matrixProblems(run: MatrixRun, golden?: string): string[] {
  const lost = run.rows.filter(promisedButLost).map(rowId);
  const table = matrixTable(run).map((line) => `${line}\n`).join('');
  const differs = golden === undefined ? undefined : firstDifference(golden, table);
  return [...(lost.length > 0 ? [`promised but lost: ${lost.join(', ')}`] : []), ...(differs ? [`the table differs from --expect at ${differs}`] : [])];
}

/** Rows a stopped run finished (not checked again), where to record each row as it finishes, and the limits of the run. */
export interface Journalling {
  readonly journalled?: ReadonlyMap<string, CellRow>;
  readonly record?: (rows: readonly CellRow[]) => void;
  readonly limits?: RunLimits;
}

/**
 * Checks `cells` in order with progress on stderr, writing the counterexample of each `lost` cell
 * under `out`; rows already journalled are not checked again, and each new one is recorded. A
 * signal stops it between two cells.
 */
export async function checkCells(cells: readonly Cell[], { seed, numRuns, out }: Omit<MatrixRun, 'rows'>, io: Io, { journalled, record, limits = new RunLimits() }: Journalling = {}): Promise<CheckedCells> {
  const started = performance.now();
  const rows: CellRow[] = [];
  let evaluations = 0;
  for (const [i, cell] of cells.entries()) {
    const stopped = limits.stopReason(io);
    if (stopped) return { run: { seed, numRuns, out, rows }, stopped };
    const known = journalled?.get(cellId(cell));
    const result = known ? undefined : checkCell(cell, { seed, numRuns, budget: limits.budget() });
    if (result && 'halted' in result) return { run: { seed, numRuns, out, rows }, stopped: haltedBy(result) };
    if (result?.verdict === 'lost') writeCounterexample(result, out);
    rows.push(known ?? rowOf(result!));
    if (result) record?.(rows);
    evaluations += result?.stats.evaluations ?? 0;
    const rate = evaluations / Math.max(0.001, (performance.now() - started) / 1000);
    io.status(`matrix: ${i + 1}/${cells.length} cells done (${cellId(cell)}: ${rows.at(-1)!.verdict}${known ? ', journalled' : ''}), ${Math.round(rate)} evaluations/s`);
    await yieldToEvents();
  }
  io.progress('');
  return { run: { seed, numRuns, out, rows } };
}

/** How a halted cell stops the run: the limit, and where it stopped. */
function haltedBy({ cell, halted }: HaltedCell): StopReason {
  return { by: `--${halted.limit}=${halted.value} (cell ${cellId(cell)}: a workload stopped after ${halted.explored} of ${halted.points} crash points)`, status: EXIT.usage };
}

function writeCounterexample(result: Extract<CellResult, { verdict: 'lost' }>, out: string): void {
  const cx = counterexampleOf(result);
  writeFileAtomic(counterexampleFile(out, cx.name), serialize(cx));
}
