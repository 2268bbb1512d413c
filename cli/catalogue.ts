import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckOptions } from '../model/check/check.js';
import type { CatalogueStatus, FileRun, Reporter } from '../report/events.js';
import { textReport } from '../report/text.js';
import { userError } from '../lang/messages.js';
import { goldenPath, readGolden } from './golden.js';
import { yieldToEvents, type Io } from './io.js';
import { RunLimits } from './limits.js';
import { runFile } from './run-file.js';

/**
 * Every `.litmus` file under `dir`, sorted so that runs are deterministic. Symbolic links are followed,
 * each folder once (`seen`: their real paths), so a link to a parent does not loop; a link that leads
 * nowhere, if named `.litmus`, is listed, for its run to report it.
 */
export function litmusFiles(dir: string, seen = new Set([realpathSync(dir)])): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (isFolder(path)) return unseen(path, seen) ? litmusFiles(path, seen) : [];
      return name.endsWith('.litmus') ? [path] : [];
    });
}

/** Whether `path` leads to a folder (a dangling or looping link does not). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the folder at `path` is not yet in `seen`, adding it. */
function unseen(path: string, seen: Set<string>): boolean {
  const real = realpathSync(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/** The tests of the catalogue folder `dir`; a missing folder, a file, or a folder without tests is a user error. */
function catalogueFiles(dir: string): string[] {
  if (!existsSync(dir)) throw userError('noSuchFolder', undefined, dir);
  if (!statSync(dir).isDirectory()) throw userError('notAFolder', undefined, dir);
  const files = litmusFiles(dir);
  if (files.length === 0) throw userError('noTests', undefined, dir);
  return files;
}

/** A catalogue test's status: its own verdict first, then its report against the golden. */
export function statusOf(run: FileRun): CatalogueStatus {
  if (run.kind === 'error') return 'ERROR';
  if (run.result.verdict !== 'pass') return 'FAIL';
  const golden = goldenPath(run.file);
  if (!existsSync(golden)) return 'NO-GOLDEN';
  return readGolden(golden) === textReport(run.test, run.result) ? 'ok' : 'DIFF';
}

/** `daxcheck catalogue [DIR]`: a line per test and the totals; exit 0 only when every test is ok. */
export async function runCatalogue(dir: string, reporter: Reporter, io: Io, limits = new RunLimits(), options: CheckOptions = {}): Promise<number> {
  const files = catalogueFiles(dir);
  const counts = new Map<CatalogueStatus, number>();
  for (const [i, file] of files.entries()) {
    const stopped = limits.stopReason(io);
    if (stopped) {
      io.progress('');
      reporter.write({ kind: 'stopped', by: stopped.by, done: i, total: files.length, unit: 'tests' }, io);
      return stopped.status;
    }
    io.progress(`[${i + 1}/${files.length}] ${relative(dir, file)}`);
    const run = runFile(file, options);
    const status = statusOf(run);
    counts.set(status, (counts.get(status) ?? 0) + 1);
    reporter.write({ kind: 'catalogue-entry', name: relative(dir, file), status, run }, io);
    await yieldToEvents();
  }
  io.progress('');
  reporter.write({ kind: 'catalogue-summary', total: files.length, counts }, io);
  return (counts.get('ok') ?? 0) === files.length ? 0 : 1;
}
