import type { Reporter } from '../report/events.js';
import { textReport } from '../report/text.js';
import { goldenPath } from './golden.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';
import { runFile } from './run-file.js';

/**
 * `daxcheck promote FILE...`: writes each test's report as its golden `.expected` file. A test that
 * cannot run gets no golden; review the diff of what was written before committing it.
 */
export function runPromote(files: readonly string[], reporter: Reporter, io: Io): Promise<number> {
  return perFile(files, reporter, io, (file) => {
    const run = runFile(file);
    if (run.kind === 'error') throw run.error;
    writeFileAtomic(goldenPath(file), textReport(run.test, run.result));
    reporter.write({ kind: 'wrote', file: goldenPath(file), what: run.result.verdict }, io);
    return 0;
  });
}
