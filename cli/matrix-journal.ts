import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../lang/messages.js';
import { rowId, type CellRow } from '../matrix/row.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { shardText, type Shard } from './shard.js';

/** The journal's name inside the matrix's output folder. */
export const JOURNAL = 'matrix.journal';

/** What a matrix run has finished: its options and the row of each cell done, rewritten whole after each cell. */
export interface Journal {
  readonly journal: 'daxcheck-matrix';
  readonly seed: number;
  readonly numRuns: number;
  /** The share of the cells the run checks; absent for the whole matrix. */
  readonly shard?: Shard;
  readonly rows: readonly CellRow[];
}

/** Records the rows finished so far, atomically. */
export function writeJournal(out: string, seed: number, numRuns: number, rows: readonly CellRow[], shard?: Shard): void {
  const journal: Journal = { journal: 'daxcheck-matrix', seed, numRuns, ...(shard ? { shard } : {}), rows };
  writeFileAtomic(join(out, JOURNAL), `${JSON.stringify(journal)}\n`);
}

/** The journal in the folder `out`; one that cannot be read is a user error of `command` (`--resume`, `merge`). */
export function readJournal(out: string, command: string): Journal {
  const file = join(out, JOURNAL);
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch (e) {
    throw userError('badJournal', undefined, command, file, (e as Error).message);
  }
  if (journal.journal !== 'daxcheck-matrix' || !Array.isArray(journal.rows)) throw userError('badJournal', undefined, command, file, 'not a matrix journal');
  return journal;
}

/**
 * The rows a stopped run finished, by cell id, for `--resume`: they must come from a run with the
 * same seed, workload count and shard, or the resumed table would mix two runs.
 */
export function journalledRows(out: string, seed: number, numRuns: number, shard?: Shard): Map<string, CellRow> {
  const file = join(out, JOURNAL);
  if (!existsSync(file)) throw userError('noJournal', undefined, file);
  const journal = readJournal(out, '--resume');
  if (journal.seed !== seed || journal.numRuns !== numRuns) throw userError('journalOptions', undefined, file, journal.seed, journal.numRuns);
  if (shardName(journal.shard) !== shardName(shard)) throw userError('journalShard', undefined, file, shardName(journal.shard));
  return new Map(journal.rows.map((row) => [rowId(row), row]));
}

/** `--shard i/n`, or `no --shard`, as a message says it. */
function shardName(shard: Shard | undefined): string {
  return shard ? `--shard ${shardText(shard)}` : 'no --shard';
}
