import { InternalError, UserError } from '../lang/errors.js';
import { ExplorationLimit } from '../model/check/explore.js';
import type { Reporter } from '../report/events.js';
import { errorStatus } from './exit.js';
import { yieldToEvents, type Io } from './io.js';
import { RunLimits } from './limits.js';
import { message } from '../lang/messages.js';

/**
 * The one-line error a failure on a user's file is shown as: a user error as it is, an exploration
 * limit as the user error it is, anything else as an internal error to report, never a stack trace.
 */
export function asUserError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  if (e instanceof ExplorationLimit) return new UserError(e.message);
  return new InternalError(message('internal', String(e)), e);
}

/**
 * Runs `work` on each file in turn, the same way in every command: a file that cannot be used is
 * reported as its one-line error (exit status 2, or 3 for an internal error) and the next file still
 * runs; otherwise the status is the worst that `work` returned. A signal or the timeout stops it
 * between two files, saying how many were done.
 */
export async function perFile(files: readonly string[], reporter: Reporter, io: Io, work: (file: string, index: number) => number | Promise<number>, limits = new RunLimits()): Promise<number> {
  let status = 0;
  for (const [index, file] of files.entries()) {
    const stopped = limits.stopReason(io);
    if (stopped) {
      reporter.write({ kind: 'stopped', by: stopped.by, done: index, total: files.length, unit: 'files' }, io);
      return stopped.status;
    }
    status = Math.max(status, await fileStatusOf(file, reporter, io, () => work(file, index)));
    await yieldToEvents();
  }
  return status;
}

/** The status `work` returns on one file, or, if it throws, its one-line error reported and its exit status. */
export function fileStatus(file: string, reporter: Reporter, io: Io, work: () => number): number {
  try {
    return work();
  } catch (e) {
    return failed(file, e, reporter, io);
  }
}

/** `fileStatus` for work that may finish later (trace runs its checker programs in parallel). */
async function fileStatusOf(file: string, reporter: Reporter, io: Io, work: () => number | Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    return failed(file, e, reporter, io);
  }
}

/** Reports a file's failure as its one-line error and returns its exit status. */
function failed(file: string, e: unknown, reporter: Reporter, io: Io): number {
  const error = asUserError(e);
  reporter.write({ kind: 'file-error', file, error }, io);
  return errorStatus(error);
}
