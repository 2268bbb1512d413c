import { InternalError } from '../lang/errors.js';

/** The exit statuses, the same for every command (README "Exit status"; `daxcheck --help`). */
export const EXIT = {
  /** Everything checked holds. */
  ok: 0,
  /** A verdict: an expectation failed, a counterexample no longer reproduces, a promised matrix cell was lost. */
  verdict: 1,
  /** Bad input or usage: a malformed file, an unknown option, a missing path; or a check a limit stopped undecided. */
  usage: 2,
  /** daxcheck itself failed (a bug to report). */
  internal: 3,
  /** Stopped by SIGINT. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;

/** The exit status for an error reported on one line: internal errors are 3, user errors 2. */
export function errorStatus(error: unknown): number {
  return error instanceof InternalError ? EXIT.internal : EXIT.usage;
}

/** What `--help` says about exit statuses. */
export const EXIT_HELP = `
Exit status (every command):
  0    everything checked holds
  1    a verdict: an expectation failed, a counterexample does not reproduce,
       a promised matrix cell was lost or the matrix differs from --expect
  2    bad input or usage (the one-line error names the file, line and column),
       or a check stopped undecided at --max-evaluations, --max-states or --timeout
  3    an internal error of daxcheck (please report it; --debug shows the trace)
  130  interrupted by SIGINT, 143 by SIGTERM`;
