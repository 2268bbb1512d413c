import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../lang/messages.js';
import { rowId, type CellRow } from '../matrix/row.js';
import { writeFileAtomic } from '../report/write-atomic.js';

/** The journal's name inside the matrix's output folder. */
export const JOURNAL = 'matrix.journal';

/** What a matrix run has finished: its options and the row of each cell done, rewritten whole after each cell. */
export interface Journal {
  readonly journal: 'daxcheck-matrix';
  readonly seed: number;
  readonly numRuns: number;
  readonly rows: readonly CellRow[];
}

/** Records the rows finished so far, atomically. */
export function writeJournal(out: string, seed: number, numRuns: number, rows: readonly CellRow[]): void {
  const journal: Journal = { journal: 'daxcheck-matrix', seed, numRuns, rows };
  writeFileAtomic(join(out, JOURNAL), `${JSON.stringify(journal)}\n`);
}

/**
 * The rows a stopped run finished, by cell id, for `--resume`: they must come from a run with the
 * same seed and workload count, or the resumed table would mix two runs.
 */
export function journalledRows(out: string, seed: number, numRuns: number): Map<string, CellRow> {
  const file = join(out, JOURNAL);
  if (!existsSync(file)) throw userError('noJournal', undefined, file);
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch (e) {
    throw userError('badJournal', undefined, file, (e as Error).message);
  }
  if (journal.journal !== 'daxcheck-matrix' || !Array.isArray(journal.rows)) throw userError('badJournal', undefined, file, 'not a matrix journal');
  if (journal.seed !== seed || journal.numRuns !== numRuns) throw userError('journalOptions', undefined, file, journal.seed, journal.numRuns);
  return new Map(journal.rows.map((row) => [rowId(row), row]));
}
