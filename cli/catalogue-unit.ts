import { existsSync } from 'node:fs';
import type { CatalogueStatus, FileRun } from '../report/events.js';
import { textReport } from '../report/text.js';
import { goldenPath, readGolden } from './golden.js';
import { runFile } from './run-file.js';
import type { UnitContext } from './unit-context.js';

/** One catalogue test; `name` is its path relative to the catalogue folder. */
export interface CatalogueUnit {
  readonly kind: 'catalogue';
  readonly file: string;
  readonly name: string;
}

/** A catalogue test's status: its own verdict first, then its report against the golden. */
export function statusOf(run: FileRun): CatalogueStatus {
  if (run.kind === 'error') return 'ERROR';
  if (run.result.verdict !== 'pass') return 'FAIL';
  const golden = goldenPath(run.file);
  if (!existsSync(golden)) return 'NO-GOLDEN';
  return readGolden(golden) === textReport(run.test, run.result) ? 'ok' : 'DIFF';
}

/** Runs one catalogue test against its golden and reports it; returns its status. */
export function catalogueUnit({ file, name }: CatalogueUnit, { reporter, io }: UnitContext): CatalogueStatus {
  const run = runFile(file);
  const status = statusOf(run);
  reporter.write({ kind: 'catalogue-entry', name, status, run }, io);
  return status;
}
