import { UserError } from '../../lang/errors.js';
import { withoutBom } from '../../lang/read-text.js';
import { parseLitmus } from '../../lang/parse.js';

/** How one command line ran: its exit status (or what it threw), what it printed, and how long it took. */
export interface Outcome {
  readonly status?: number;
  readonly thrown?: string;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly ms: number;
}

/** What can be wrong with an outcome, counted apart by `npm run fuzz`. */
export type Problem = 'crash' | 'hang' | 'stack trace' | 'misplaced error';

/**
 * How long one input may take, in milliseconds. Mutants are kept small (a test finishes in
 * milliseconds), so this is generous on purpose: on a loaded two-core machine only a run that has
 * lost its bound (a hang, an exploration that does not stop) comes near it, never a slow scheduler.
 */
export const BOUND_MS = 5_000;

/** A line of a V8 stack trace, and the first line of an error's dump (`TypeError: ...`). */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const ERROR_DUMP = /\b\w*Error: /;

/**
 * The problems of an outcome whatever the input: a status outside 0, 1 and 2 or an exception (a
 * crash), a run past `BOUND_MS` (a hang), a stack trace or error dump in the output.
 */
export function problemsOf(outcome: Outcome): Problem[] {
  const printed = [...outcome.stdout, ...outcome.stderr].join('\n');
  const crashed = outcome.thrown !== undefined || ![0, 1, 2].includes(outcome.status ?? -1);
  return [
    ...(crashed ? (['crash'] as const) : []),
    ...(outcome.ms > BOUND_MS ? (['hang'] as const) : []),
    ...(STACK_LINE.test(printed) || ERROR_DUMP.test(printed) ? (['stack trace'] as const) : []),
  ];
}

/**
 * The problems of `daxcheck run FILE` (text or `--json`) on a litmus `text`: besides `problemsOf`,
 * every error must name `file`, and an error of parsing must give the line and column the parser found.
 */
export function runProblems(outcome: Outcome, file: string, text: string, json: boolean): Problem[] {
  const at = parseErrorAt(text);
  return placedProblems(outcome, json, (errors) => errors.every((e) => e.startsWith(`${file}:`)) && (at === undefined || errors.some((e) => e.startsWith(`${file}:${at}: `))));
}

/**
 * The problems of a command on a counterexample `file`: besides `problemsOf`, every error must name
 * `file` and no line and column, since those of a problem in its program are not the file's.
 */
export function counterexampleProblems(outcome: Outcome, file: string, json: boolean): Problem[] {
  return placedProblems(outcome, json, (errors) => errors.every((e) => e.startsWith(`${file}: `)));
}

/** `problemsOf`, and a misplaced error unless the errors printed (on stderr, or in `--json` objects) are `placed`. */
function placedProblems(outcome: Outcome, json: boolean, placed: (errors: readonly string[]) => boolean): Problem[] {
  const errors = json ? jsonErrors(outcome.stdout) : outcome.stderr.filter((l) => l !== '');
  return [...problemsOf(outcome), ...(placed(errors) ? [] : (['misplaced error'] as const))];
}

/** `LINE:COL` of the error parsing `text` gives, `?:?` for one without a position, or undefined if it parses. */
function parseErrorAt(text: string): string | undefined {
  try {
    parseLitmus(withoutBom(text));
    return undefined;
  } catch (e) {
    return e instanceof UserError && e.at ? `${e.at.line}:${e.at.col}` : '?:?';
  }
}

/** The errors of `--json` output, as `FILE:LINE:COL: MESSAGE` (or `FILE: MESSAGE`); a line that is not JSON is an error of its own. */
function jsonErrors(stdout: readonly string[]): string[] {
  return stdout.flatMap((line) => {
    let error: { file: string; line: number | null; column: number | null; message: string } | null | undefined;
    try {
      error = (JSON.parse(line) as { error?: typeof error }).error;
    } catch {
      return [`not JSON: ${line}`];
    }
    if (!error) return [];
    return [error.line === null ? `${error.file}: ${error.message}` : `${error.file}:${error.line}:${error.column}: ${error.message}`];
  });
}
