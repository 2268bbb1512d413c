import { printExpectation } from '../lang/print.js';
import { message } from '../lang/messages.js';
import { counterexampleFile, serialize } from '../report/counterexample.js';
import type { FileRun } from '../report/events.js';
import { litmusCounterexamples } from '../report/litmus-counterexamples.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { fileStatus } from './per-file.js';
import { checkProgress } from './progress.js';
import { runFile, runStatus } from './run-file.js';
import type { UnitContext } from './unit-context.js';

/** One file of `daxcheck run`, and the folder its counterexample files go to, if any. */
export interface RunUnit {
  readonly kind: 'run';
  readonly file: string;
  readonly out?: string;
}

/** Checks one file of `run` and reports it, writing its counterexample files with `--out`; returns its exit status. */
export function runFileUnit({ file, out }: RunUnit, { reporter, io, limits }: UnitContext): number {
  return fileStatus(file, reporter, io, () => {
    const progress = checkProgress(io, file);
    // The crash state that persisted the least is the one worth writing, and the report shows the same one.
    const run = runFile(file, { budget: limits.budget(), progress: progress.update, minimal: out !== undefined });
    progress.done();
    reporter.write({ kind: 'test', run }, io);
    if (out !== undefined && run.kind === 'ran') writeCounterexamples(run, out, { reporter, io, limits });
    return runStatus(run);
  });
}

/** Writes the counterexample files of one test's result under `out`, and says on stderr which failures have none. */
function writeCounterexamples(run: Extract<FileRun, { kind: 'ran' }>, out: string, { reporter, io }: UnitContext): void {
  const { found, unwitnessed } = litmusCounterexamples(run.test, run.result);
  for (const expectation of unwitnessed) io.err(`${run.file}: ${message('noWitness', printExpectation(expectation))}`);
  for (const cx of found) {
    const file = counterexampleFile(out, cx.name);
    writeFileAtomic(file, serialize(cx));
    reporter.write({ kind: 'wrote', file, what: `counterexample of ${cx.violated ?? cx.property}` }, io);
  }
}
