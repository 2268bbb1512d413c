import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { userError } from '../lang/messages.js';
import { formatUserError, UserError } from '../lang/errors.js';
import { readText } from '../lang/read-text.js';
import { checkCell, promisedButLost, type Cell, type CellResult } from '../matrix/cell.js';
import { allCells, cellId } from '../matrix/cells.js';
import { counterexampleFile, counterexampleOf, serialize } from '../report/counterexample.js';
import type { MatrixRun } from '../report/matrix-run.js';
import type { Reporter } from '../report/events.js';
import { firstDifference } from '../report/first-difference.js';
import { matrixTable } from '../report/matrix-table.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';

export interface MatrixOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly cell?: string;
  readonly out: string;
  /** A golden table (`matrix.expected`) the table must equal, byte for byte. */
  readonly expect?: string;
}

/** The defaults of `daxcheck matrix`; its golden `matrix.expected` is the table they give. */
export const MATRIX_DEFAULTS = { seed: 1, numRuns: 50, out: 'matrix-out' } as const;

/**
 * `daxcheck matrix`: for every mapping mode, platform and recipe, whether acknowledged data
 * survives every crash (`durable`), does not (`lost`, with a replayable counterexample file), or
 * the mode refuses the recipe (`n/a`, with the errno). stdout is deterministic for a seed; the
 * time taken and the progress go to stderr.
 */
export function runMatrix(options: MatrixOptions, reporter: Reporter, io: Io): number {
  const cells = allCells().filter((c) => !options.cell || cellId(c) === options.cell);
  if (cells.length === 0) throw userError('unknownCell', undefined, options.cell ?? '');
  const golden = options.expect === undefined ? undefined : readGolden(options.expect);
  const started = performance.now();
  const run = checkCells(cells, options, io);
  reporter.write({ kind: 'matrix', run }, io);
  io.err(`matrix: ${cells.length} cells, ${run.results.reduce((n, r) => n + r.stats.workloads, 0)} workloads, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const problems = matrixProblems(run, golden);
  for (const problem of problems) io.err(`matrix: ${problem}`);
  return problems.length > 0 ? EXIT.verdict : EXIT.ok;
}

/** The golden of `--expect`, read before the run so that a wrong path fails at once, naming the file. */
function readGolden(file: string): string {
  try {
    return readText(file);
  } catch (e) {
    throw e instanceof UserError ? new UserError(formatUserError(file, e)) : e;
  }
}

/** What makes a matrix run fail a build: cells the documentation promises but found lost, and a table that differs from the golden. */
export function matrixProblems(run: MatrixRun, golden?: string): string[] {
  const lost = run.results.filter(promisedButLost).map((r) => cellId(r.cell));
  const table = matrixTable(run).map((line) => `${line}\n`).join('');
  const differs = golden === undefined ? undefined : firstDifference(golden, table);
  return [...(lost.length > 0 ? [`promised but lost: ${lost.join(', ')}`] : []), ...(differs ? [`the table differs from --expect at ${differs}`] : [])];
}

/** Checks `cells` in order with progress on stderr, writing the counterexample of each `lost` cell under `out`. */
export function checkCells(cells: readonly Cell[], { seed, numRuns, out }: Omit<MatrixRun, 'results'>, io: Io): MatrixRun {
  const started = performance.now();
  let states = 0n;
  const results = cells.map((cell, i) => {
    const result = checkCell(cell, { seed, numRuns });
    states += result.stats.crashStates;
    const rate = Number(states) / Math.max(0.001, (performance.now() - started) / 1000);
    io.status(`matrix: ${i + 1}/${cells.length} cells done (${cellId(cell)}: ${result.verdict}), ${formatRate(rate)} crash states/s`);
    if (result.verdict === 'lost') writeCounterexample(result, out);
    return result;
  });
  io.progress('');
  return { seed, numRuns, out, results };
}

function formatRate(rate: number): string {
  if (rate >= 1e9) return rate.toExponential(1);
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)}M` : rate >= 1e3 ? `${(rate / 1e3).toFixed(1)}k` : rate.toFixed(0);
}

function writeCounterexample(result: Extract<CellResult, { verdict: 'lost' }>, out: string): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(counterexampleFile(out, result), serialize(counterexampleOf(result)));
}
