import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../lang/messages.js';
import { allCells, cellId } from '../matrix/cells.js';
import { rowId, type CellRow } from '../matrix/row.js';
import type { Reporter } from '../report/events.js';
import { fileOf, type MatrixRun } from '../report/matrix-run.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { readGolden } from './golden.js';
import type { Io } from './io.js';
import { JOURNAL, readJournal, writeJournal, type Journal } from './matrix-journal.js';
import { matrixStatus } from './matrix.js';
import { prepareOut } from './out-folder.js';
import { shardOf, shardText } from './shard.js';

/** What `daxcheck merge` writes: the folder of the whole run, and the golden its table must equal. */
export interface MergeOptions {
  readonly out: string;
  readonly expect?: string;
}

/**
 * `daxcheck merge DIR...`: the `--out` folders of the shards of one matrix run become the folder,
 * and the report, of the run of the whole matrix, byte for byte: its journal, its counterexample
 * files and its table. Shards that do not make one run together are refused.
 */
export function runMerge(dirs: readonly string[], { out, expect }: MergeOptions, reporter: Reporter, io: Io): number {
  const golden = expect === undefined ? undefined : readGolden(expect);
  const journals = dirs.map((dir) => shardJournal(dir));
  fitTogether(dirs, journals);
  const found = new Map<string, { row: CellRow; dir: string }>();
  for (const [i, journal] of journals.entries()) for (const row of journal.rows) found.set(rowId(row), { row, dir: dirs[i]! });
  const rows = allCells().map((cell) => found.get(cellId(cell))!);
  const { seed, numRuns } = journals[0]!;
  prepareOut(out);
  const run: MatrixRun = { seed, numRuns, out, rows: rows.map(({ row }) => row) };
  for (const { row, dir } of rows) copyCounterexample(run, row, dir);
  writeJournal(out, seed, numRuns, run.rows);
  reporter.write({ kind: 'matrix', run }, io);
  return matrixStatus(run, golden, io);
}

/** A shard's journal; a folder without one is a user error. */
function shardJournal(dir: string): Journal {
  if (!existsSync(join(dir, JOURNAL))) throw userError('mergeNoJournal', undefined, join(dir, JOURNAL));
  return readJournal(dir, 'merge');
}

/** Refuses journals of different runs, of different splits, a shard twice or missing, and a shard not finished. */
function fitTogether(dirs: readonly string[], journals: readonly Journal[]): void {
  const first = journals[0]!;
  const count = first.shard?.count ?? 1;
  const seen = new Map<number, string>();
  for (const [i, journal] of journals.entries()) {
    const dir = dirs[i]!;
    const shard = journal.shard ?? { index: 1, count: 1 };
    if (journal.seed !== first.seed || journal.numRuns !== first.numRuns) throw userError('mergeOptions', undefined, dir, journal.seed, journal.numRuns, dirs[0]!, first.seed, first.numRuns);
    if (shard.count !== count) throw userError('mergeCounts', undefined, dir, shardText(shard), dirs[0]!, shardText(first.shard ?? { index: 1, count }));
    const twice = seen.get(shard.index);
    if (twice !== undefined) throw userError('mergeTwice', undefined, shardText(shard), dir, twice);
    seen.set(shard.index, dir);
    const cells = shardOf(allCells(), shard).map(cellId);
    if (journal.rows.some((row, r) => rowId(row) !== cells[r])) throw userError('mergeOtherCells', undefined, dir, shardText(shard));
    if (journal.rows.length !== cells.length) throw userError('mergeUnfinished', undefined, dir, shardText(shard), journal.rows.length, cells.length);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw userError('mergeMissing', undefined, missing.map((index) => shardText({ index, count })).join(', '));
}

/** Copies a `lost` row's counterexample file from its shard's folder into the merged one. */
function copyCounterexample(run: MatrixRun, row: CellRow, dir: string): void {
  const target = fileOf(run, row);
  if (target === undefined) return;
  const source = fileOf({ ...run, out: dir }, row)!;
  if (!existsSync(source)) throw userError('mergeNoCounterexample', undefined, source, rowId(row));
  writeFileAtomic(target, readFileSync(source, 'utf8'));
}
