import type { SiteKind } from '../model/core/site.js';
import type { FixSummary } from './fix-summary.js';

/** One operation of the program as the story shows it. */
export interface StoryOp {
  readonly index: number;
  readonly line: number;
  readonly text: string;
  /** Whether the operation had completed at the crash, was cut by it, or had not started. */
  readonly status: 'done' | 'cut' | 'not-run';
}

/** One choice of the crash state, classified for display. */
export interface StoryChoice {
  readonly kind: SiteKind;
  readonly site: string;
  readonly chosen: number;
  readonly of: number;
  readonly text: string;
  /** Source lines of the operations the choice is about (the stores of a line, the writes of a page, the handles). */
  readonly lines: readonly number[];
}

/** A journal handle not committed for certain at the crash, and whether this crash state committed it. */
export interface StoryHandle {
  readonly line: number;
  readonly text: string;
  readonly committed: boolean;
}

/** An observation: what recovery showed, and what the violated expectation wanted. */
export interface StoryBytes {
  readonly name: string;
  readonly target: string;
  readonly range: string;
  readonly recovered: string;
  readonly expected?: string;
}

/** Everything a reader needs to understand a counterexample, for `show` and the HTML report. */
export interface Story {
  readonly name: string;
  readonly property: string;
  readonly violated: string | null;
  readonly config: string;
  readonly ops: readonly StoryOp[];
  readonly crash: { readonly index: number; readonly description: string; readonly line: number | null };
  readonly choices: readonly StoryChoice[];
  readonly handles: readonly StoryHandle[];
  readonly bytes: readonly StoryBytes[];
  /** One sentence on why the data was lost. */
  readonly why: string;
  /** The smallest verified fix of the program (`daxcheck fix`), or why there is none. */
  readonly fix: FixSummary;
}
