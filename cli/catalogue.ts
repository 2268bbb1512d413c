import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckOptions } from '../model/check/check.js';
import type { CatalogueStatus, FileRun, Reporter } from '../report/events.js';
import { textReport } from '../report/text.js';
import { userError } from '../lang/messages.js';
import { goldenPath } from './golden.js';
import { yieldToEvents, type Io } from './io.js';
import { RunLimits } from './limits.js';
import { runFile } from './run-file.js';

/** Every `.litmus` file under `dir`, sorted so that runs are deterministic. */
export function litmusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return litmusFiles(path);
      return name.endsWith('.litmus') ? [path] : [];
    });
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
  return readFileSync(golden, 'utf8') === textReport(run.test, run.result) ? 'ok' : 'DIFF';
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
