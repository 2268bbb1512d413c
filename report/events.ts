import type { Litmus } from '../lang/ast.js';
import type { UserError } from '../lang/errors.js';
import type { TestResult } from '../model/check/check.js';
import type { Counterexample } from './counterexample.js';
import type { MatrixRun } from './matrix-run.js';
import type { Replayed } from './replay.js';
import type { Story } from './story-shape.js';
import type { TestCase } from './test-case.js';

/** A litmus file that ran (its test and result) or could not run (its one-line error, and the test's name if it parsed). */
export type FileRun =
  | { readonly kind: 'ran'; readonly file: string; readonly test: Litmus; readonly result: TestResult }
  | { readonly kind: 'error'; readonly file: string; readonly error: UserError; readonly name?: string };

/** How one catalogue test went: it passed and matches its golden, or what went wrong. */
export type CatalogueStatus = 'ok' | 'FAIL' | 'DIFF' | 'NO-GOLDEN' | 'ERROR';

/**
 * What a command hands the reporter, one event at a time, as data: the reporter alone decides how
 * it is written (text lines, JSON objects), so a new output format is one new reporter.
 */
export type ReportEvent =
  /** `run`: one litmus file's result or error. */
  | { readonly kind: 'test'; readonly run: FileRun }
  /** `catalogue`: one test against its golden; `name` is its path relative to the catalogue folder. */
  | { readonly kind: 'catalogue-entry'; readonly name: string; readonly status: CatalogueStatus; readonly run: FileRun }
  /** `catalogue`: how many tests had each status. */
  | { readonly kind: 'catalogue-summary'; readonly total: number; readonly counts: ReadonlyMap<CatalogueStatus, number> }
  /** `replay`: whether one counterexample file still shows its violation. */
  | { readonly kind: 'replayed'; readonly file: string; readonly cx: Counterexample; readonly result: Replayed }
  /** `show`: one counterexample explained; `litmus` is its catalogue test when asked for. */
  | { readonly kind: 'shown'; readonly file: string; readonly first: boolean; readonly story: Story; readonly litmus?: string }
  /** `matrix`: the whole run, once every cell is done. */
  | { readonly kind: 'matrix'; readonly run: MatrixRun }
  /** A long run stopped early (`by` a signal or `--timeout=N`): how many of its units it finished, and how to go on where it can. */
  | { readonly kind: 'stopped'; readonly by: string; readonly done: number; readonly total: number; readonly unit: string; readonly resume?: string }
  /** A file a command wrote (`promote`, `report`), with what it holds. */
  | { readonly kind: 'wrote'; readonly file: string; readonly what: string }
  /** A user's file that could not be used: its one-line error. */
  | { readonly kind: 'file-error'; readonly file: string; readonly error: UserError };

/** Where a reporter writes: results to `out`, diagnostics to `err`. */
export interface ReportSink {
  out(line: string): void;
  err(line: string): void;
}

/**
 * A piece of output as plain data, which a worker thread can make and send back: a line for stdout
 * or stderr, or a test case that a format writing one document gathers.
 */
export type Piece = { readonly stream: 'out' | 'err'; readonly line: string } | { readonly case: TestCase };

/**
 * An output format: writes each event of every command, and whatever it gathered when the command
 * ends. Writing an event is putting what it renders, so an event rendered in a worker thread and
 * put here gives the same output.
 */
export interface Reporter {
  write(event: ReportEvent, sink: ReportSink): void;
  /** What an event becomes in this format, without writing it; pure. */
  render(event: ReportEvent): Piece[];
  /** Writes rendered pieces (lines at once; test cases gathered for `finish`). */
  put(pieces: readonly Piece[], sink: ReportSink): void;
  /** Called once when the command is done, for formats that write one document (JUnit XML). */
  finish?(sink: ReportSink): void;
}
