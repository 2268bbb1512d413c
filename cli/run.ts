import type { Reporter } from '../report/events.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';
import { runFile, runStatus } from './run-file.js';

/** `daxcheck run FILE...`: a report per file; exits 2 if any errored, 1 if any failed, else 0. */
export function runRun(files: readonly string[], reporter: Reporter, io: Io): Promise<number> {
  return perFile(files, reporter, io, (file) => {
    const run = runFile(file);
    reporter.write({ kind: 'test', run }, io);
    return runStatus(run);
  });
}
