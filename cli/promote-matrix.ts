import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { allCells } from '../matrix/cells.js';
import { fileOf } from '../report/matrix-run.js';
import { matrixTable } from '../report/matrix-table.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';
import { CORPUS, MATRIX_DEFAULTS, MATRIX_GOLDEN } from './defaults.js';
import { checkCells } from './matrix.js';
import { packageRoot } from '../report/package-root.js';


/**
 * `daxcheck promote --matrix`: runs the matrix with its defaults, writes each `lost` cell's
 * counterexample into the corpus (removing any the run no longer finds) and the table into the
 * golden, as `daxcheck matrix` prints it with its default `--out`. Review the diff before committing it.
 */
export async function runPromoteMatrix(io: Io, workers = 1): Promise<number> {
  const corpus = join(packageRoot(), CORPUS);
  const { run, stopped } = await checkCells(allCells(), { ...MATRIX_DEFAULTS, out: corpus }, io, { workers });
  // A stopped run would leave a golden of some cells only: write nothing.
  if (stopped) return stopped.status;
  const written = new Set(run.rows.flatMap((r) => fileOf(run, r) ?? []).map((file) => basename(file)));
  for (const stale of readdirSync(corpus).filter((name) => name.endsWith('.json') && !written.has(name))) {
    rmSync(join(corpus, stale));
    io.out(`removed ${CORPUS}/${stale}`);
  }
  const table = matrixTable({ ...run, out: MATRIX_DEFAULTS.out });
  writeFileSync(join(packageRoot(), MATRIX_GOLDEN), table.map((line) => `${line}\n`).join(''));
  io.out(`wrote ${MATRIX_GOLDEN} and ${written.size} counterexamples in ${CORPUS}/`);
  return EXIT.ok;
}
