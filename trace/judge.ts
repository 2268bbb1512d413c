import type { Oracle } from '../model/core/source.js';
import type { CrashPoint } from './machine.js';

/** What a checker said of a crash image: consistent or not, and its reason (a checker's first line on stderr). */
export interface Verdict {
  readonly consistent: boolean;
  readonly detail?: string;
}

/** A crash state judged: the key of what the check read (equal keys get equal verdicts) and its verdict, given at once by an in-process check. */
export interface Judged {
  readonly key: string;
  readonly verdict: Verdict | Promise<Verdict>;
}

/** A consistency check of crash states: the user's checker program or module. */
export interface Judge {
  /** Judges the crash state `oracle` chooses at `point` (read while this call runs: the point's state moves on). */
  evaluate(point: CrashPoint, oracle: Oracle): Judged;
  /** Whether it reads only some lines (so crash states are told apart lazily), or every line of the image. */
  readonly lazy: boolean;
  /** How many times the user's checker ran. */
  readonly calls: number;
  /** Releases what the judge holds (temporary files) once every verdict is in. */
  close(): void;
}
