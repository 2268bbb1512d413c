/** One test case for a CI system: a litmus test, a catalogue entry, a matrix cell or a replayed counterexample. */
export interface TestCase {
  readonly name: string;
  /** The file the case is about, and where in it, for annotations. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly status: 'pass' | 'fail' | 'error' | 'skipped';
  /** One line on why it did not pass. */
  readonly message?: string;
  /** The whole report, for the CI system's details. */
  readonly detail?: string;
}
