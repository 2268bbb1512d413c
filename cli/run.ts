import type { Reporter } from '../report/events.js';
import type { Format } from '../report/reporters.js';
import type { Io } from './io.js';
import { RunLimits } from './limits.js';
import { prepareOut } from './out-folder.js';
import { inOrder } from './pool.js';

/** How `run` is run: where counterexample files go, if anywhere, and on how many worker threads in which format. */
export interface RunOptions {
  readonly out?: string;
  readonly workers?: number;
  readonly format?: Format;
}

/**
 * `daxcheck run FILE... [--out DIR]`: a report per file, with progress on stderr for a long one,
 * and with `--out` a counterexample file in DIR for each violation a test shows; exits 2 if any
 * errored or was stopped undecided by a limit, 1 if any failed, else 0.
 */
export async function runRun(files: readonly string[], reporter: Reporter, io: Io, limits = new RunLimits(), { out, workers = 1, format = 'text' }: RunOptions = {}): Promise<number> {
  if (out !== undefined) prepareOut(out);
  let status = 0;
  const units = files.map((file) => ({ kind: 'run' as const, file, ...(out === undefined ? {} : { out }) }));
  const { done, stopped } = await inOrder(units, { reporter, io, limits }, { workers, format }, (fileStatus) => void (status = Math.max(status, fileStatus)));
  if (!stopped) return status;
  reporter.write({ kind: 'stopped', by: stopped.by, done, total: files.length, unit: 'files' }, io);
  return stopped.status;
}
