import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError } from '../lang/errors.js';
import { checkCell, type CellResult } from '../matrix/cell.js';
import { allCells, cellId } from '../matrix/cells.js';
import { counterexampleOf, serialize, shapeName } from '../report/counterexample.js';
import type { Io } from './io.js';

export interface MatrixOptions {
  readonly json: boolean;
  readonly seed: number;
  readonly numRuns: number;
  readonly cell?: string;
  readonly out: string;
}

/**
 * `daxcheck matrix`: for every mapping mode, platform and recipe, whether acknowledged data
 * survives every crash (`durable`), does not (`lost`, with a replayable counterexample file), or
 * the mode refuses the recipe (`n/a`, with the errno). stdout is deterministic for a seed; the
 * time taken and the progress go to stderr.
 */
export function runMatrix(options: MatrixOptions, io: Io): number {
  const cells = allCells().filter((c) => !options.cell || cellId(c) === options.cell);
  if (cells.length === 0) throw new UserError(`no cell '${options.cell}' (expected MODE/PLATFORM/RECIPE, e.g. fsdax-shared/adr/flush+fence)`);
  const started = performance.now();
  let states = 0n;
  const results = cells.map((cell, i) => {
    const result = checkCell(cell, { seed: options.seed, numRuns: options.numRuns });
    states += result.stats.crashStates;
    const rate = Number(states) / Math.max(0.001, (performance.now() - started) / 1000);
    io.status(`matrix: ${i + 1}/${cells.length} cells done (${cellId(cell)}: ${result.verdict}), ${formatRate(rate)} crash states/s`);
    return { result, file: result.verdict === 'lost' ? writeCounterexample(result, options.out) : undefined };
  });
  io.progress('');
  if (options.json) io.out(JSON.stringify(jsonMatrix(options, results)));
  else for (const line of table(options, results)) io.out(line);
  io.err(`matrix: ${cells.length} cells, ${results.reduce((n, r) => n + r.result.stats.workloads, 0)} workloads, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

function formatRate(rate: number): string {
  if (rate >= 1e9) return rate.toExponential(1);
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)}M` : rate >= 1e3 ? `${(rate / 1e3).toFixed(1)}k` : rate.toFixed(0);
}

function writeCounterexample(result: Extract<CellResult, { verdict: 'lost' }>, out: string): string {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${shapeName(result)}.json`);
  writeFileSync(file, serialize(counterexampleOf(result)));
  return file;
}

type Row = { result: CellResult; file: string | undefined };

/** Where mechanics and the documented contract disagree. */
function remark(r: CellResult): string {
  if (r.verdict === 'durable' && !r.contract.promised) return 'durable by mechanics, not promised';
  if (r.verdict === 'lost' && r.contract.promised) return 'PROMISED BUT LOST';
  return '';
}

function table(options: MatrixOptions, rows: readonly Row[]): string[] {
  const head = ['mode', 'platform', 'recipe', 'verdict', 'contract', 'workloads', 'crash-points', 'crash-states', 'detail'];
  const body = rows.map(({ result: r, file }) => {
    const detail = r.verdict === 'lost' ? `${file} (${r.found.property}; ${r.found.operations.minimized} ops)` : r.verdict === 'n/a' ? r.errno : '';
    const note = remark(r);
    return [r.cell.mode.id, r.cell.platform, r.cell.recipe, r.verdict, r.contract.promised ? 'promised' : '-', `${r.stats.workloads}`, `${r.stats.crashPoints}`, `${r.stats.crashStates}`, [detail, note].filter(Boolean).join('; ')];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const count = (v: string) => rows.filter((r) => r.result.verdict === v).length;
  return [
    `daxcheck matrix: seed ${options.seed}, ${options.numRuns} workloads per cell`,
    line(head),
    ...body.map(line),
    `${rows.length} cells: ${count('durable')} durable, ${count('lost')} lost, ${count('n/a')} n/a; ` +
      `${rows.filter((r) => remark(r.result).startsWith('PROMISED')).length} promised but lost, ${rows.filter((r) => remark(r.result).startsWith('durable')).length} durable beyond the contract`,
  ];
}

function jsonMatrix(options: MatrixOptions, rows: readonly Row[]): Record<string, unknown> {
  return {
    seed: options.seed,
    numRuns: options.numRuns,
    cells: rows.map(({ result: r, file }) => ({
      mode: r.cell.mode.id,
      platform: r.cell.platform,
      recipe: r.cell.recipe,
      verdict: r.verdict,
      counterexample: file ?? null,
      contract: r.contract,
      errno: r.verdict === 'n/a' ? r.errno : null,
      property: r.verdict === 'lost' ? r.found.property : null,
      operations: r.verdict === 'lost' ? r.found.operations : null,
      workloads: r.stats.workloads,
      crashPoints: r.stats.crashPoints,
      crashStates: r.stats.crashStates.toString(),
    })),
  };
}
