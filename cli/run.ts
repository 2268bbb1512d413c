import type { Reporter } from '../report/events.js';
import type { Io } from './io.js';
import { RunLimits } from './limits.js';
import { perFile } from './per-file.js';
import { checkProgress } from './progress.js';
import { runFile, runStatus } from './run-file.js';

/**
 * `daxcheck run FILE...`: a report per file, with progress on stderr for a long one; exits 2 if any
 * errored or was stopped undecided by a limit, 1 if any failed, else 0.
 */
export function runRun(files: readonly string[], reporter: Reporter, io: Io, limits = new RunLimits()): Promise<number> {
  return perFile(
    files,
    reporter,
    io,
    (file) => {
      const progress = checkProgress(io, file);
      const run = runFile(file, { budget: limits.budget(), progress: progress.update });
      progress.done();
      reporter.write({ kind: 'test', run }, io);
      return runStatus(run);
    },
    limits,
  );
}
