import { writeFileSync } from 'node:fs';
import { goldenPath } from './golden.js';
import type { Io } from './io.js';
import { runFile } from './run-file.js';

/**
 * `daxcheck promote FILE...`: writes each test's report as its golden `.expected` file. A test that
 * cannot run gets no golden; review the diff of what was written before committing it.
 */
export function runPromote(files: readonly string[], io: Io): number {
  let status = 0;
  for (const file of files) {
    const run = runFile(file);
    if (run.kind === 'error') {
      io.err(run.message);
      status = 2;
      continue;
    }
    writeFileSync(goldenPath(file), run.text);
    io.out(`wrote ${goldenPath(file)} (${run.result.verdict})`);
  }
  return status;
}
