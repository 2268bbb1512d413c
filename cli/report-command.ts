import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { message, userError } from '../lang/messages.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import type { Reporter } from '../report/events.js';
import { reportEntry, type ReportEntry } from '../report/html/entry.js';
import { renderMatrixPage, type LostCell } from '../report/html/matrix-page.js';
import { renderReport } from '../report/html/report.js';
import { fileOf, type MatrixRun } from '../report/matrix-run.js';
import type { Io } from './io.js';
import { JOURNAL, readJournal } from './matrix-journal.js';
import { perFile } from './per-file.js';

/**
 * `daxcheck report FILE... --html OUT`: writes one HTML page for all the counterexample files, or,
 * given a matrix run's `--out` folder alone, the page of that run (`writeMatrixPage`).
 * Exits 2 on a bad file (each reported like `replay` does) and then writes nothing; 0 otherwise.
 */
export async function runHtmlReport(paths: readonly string[], out: string, reporter: Reporter, io: Io): Promise<number> {
  const folder = paths.find((p) => existsSync(p) && statSync(p).isDirectory());
  if (folder !== undefined) {
    if (paths.length > 1) throw userError('reportFolderAlone', undefined, folder);
    return writeMatrixPage(folder, out, reporter, io);
  }
  const entries: ReportEntry[] = [];
  const status = await perFile(paths, reporter, io, (file) => {
    // The page names files by base name only, so that it does not depend on where it was made.
    entries.push(reportEntry(loadCounterexample(file), basename(file)));
    return 0;
  });
  return status !== 0 ? status : writePage(out, renderReport(entries), `${entries.length} counterexample${entries.length === 1 ? '' : 's'}`, reporter, io);
}

/**
 * `daxcheck report DIR --html OUT` and `daxcheck matrix --html OUT`: the page of the matrix run
 * journalled in the folder `dir`, its grid and the counterexample of each lost cell. Files are named
 * inside the folder's base name (`matrix-out/...`), as the command that replays them from beside it.
 */
export async function writeMatrixPage(dir: string, out: string, reporter: Reporter, io: Io): Promise<number> {
  if (!existsSync(join(dir, JOURNAL))) throw userError('reportNoJournal', undefined, join(dir, JOURNAL));
  const { seed, numRuns, rows } = readJournal(dir, 'report');
  const run: MatrixRun = { seed, numRuns, out: dir, rows };
  const lostRows = rows.filter((row) => fileOf(run, row) !== undefined);
  const lost: LostCell[] = [];
  const status = await perFile(lostRows.map((row) => fileOf(run, row)!), reporter, io, (file, i) => {
    const row = lostRows[i]!;
    lost.push({ row, entry: reportEntry(loadCounterexample(file), join(basename(dir), basename(file)), row) });
    return 0;
  });
  return status !== 0 ? status : writePage(out, renderMatrixPage(run, lost), `${rows.length} cells, ${lost.length} counterexample${lost.length === 1 ? '' : 's'}`, reporter, io);
}

/** Writes a rendered page and says so; a file that cannot be written is exit 2. */
function writePage(out: string, html: string, what: string, reporter: Reporter, io: Io): number {
  try {
    writeFileSync(out, html);
  } catch (e) {
    io.err(`daxcheck: ${message('cannotWrite', out, (e as NodeJS.ErrnoException).code ?? String(e))}`);
    return 2;
  }
  reporter.write({ kind: 'wrote', file: out, what }, io);
  return 0;
}
