import { printExpectation } from '../lang/print.js';
import { message } from '../lang/messages.js';
import { counterexampleFile, serialize } from '../report/counterexample.js';
import type { FileRun, Reporter } from '../report/events.js';
import { litmusCounterexamples } from '../report/litmus-counterexamples.js';
import type { Io } from './io.js';
import { RunLimits } from './limits.js';
import { prepareOut } from './out-folder.js';
import { perFile } from './per-file.js';
import { checkProgress } from './progress.js';
import { runFile, runStatus } from './run-file.js';
import { writeFileAtomic } from '../report/write-atomic.js';

/**
 * `daxcheck run FILE... [--out DIR]`: a report per file, with progress on stderr for a long one,
 * and with `--out` a counterexample file in DIR for each violation a test shows; exits 2 if any
 * errored or was stopped undecided by a limit, 1 if any failed, else 0.
 */
export function runRun(files: readonly string[], reporter: Reporter, io: Io, limits = new RunLimits(), out?: string): Promise<number> {
  if (out !== undefined) prepareOut(out);
  return perFile(
    files,
    reporter,
    io,
    (file) => {
      const progress = checkProgress(io, file);
      // The crash state that persisted the least is the one worth writing, and the report shows the same one.
      const run = runFile(file, { budget: limits.budget(), progress: progress.update, minimal: out !== undefined });
      progress.done();
      reporter.write({ kind: 'test', run }, io);
      if (out !== undefined && run.kind === 'ran') writeCounterexamples(run, out, reporter, io);
      return runStatus(run);
    },
    limits,
  );
}

/** Writes the counterexample files of one test's result under `out`, and says on stderr which failures have none. */
function writeCounterexamples(run: Extract<FileRun, { kind: 'ran' }>, out: string, reporter: Reporter, io: Io): void {
  const { found, unwitnessed } = litmusCounterexamples(run.test, run.result);
  for (const expectation of unwitnessed) io.err(`${run.file}: ${message('noWitness', printExpectation(expectation))}`);
  for (const cx of found) {
    const file = counterexampleFile(out, cx.name);
    writeFileAtomic(file, serialize(cx));
    reporter.write({ kind: 'wrote', file, what: `counterexample of ${cx.violated ?? cx.property}` }, io);
  }
}
