import type { FixResult } from '../fix/search.js';
import { describeEdits } from './fix-text.js';

/** A fix in one line of data, for the places that show a counterexample (`show`, the HTML page, the library). */
export type FixSummary =
  | { readonly found: true; readonly edits: string; readonly crashPoints: number; readonly crashStates: string }
  | { readonly found: false; readonly reason: string };

/** The summary of a search: the fix in the words of the source and where it was verified, or why there is none. */
export function fixSummary(result: FixResult): FixSummary {
  if (result.kind === 'fixed') return { found: true, edits: describeEdits(result.edits, result.target), crashPoints: result.result.stats.crashPoints, crashStates: result.result.stats.crashStates.toString() };
  if (result.kind === 'nothing-to-fix') return { found: false, reason: 'nothing to fix: every expectation holds' };
  return { found: false, reason: `no fix of at most ${result.maxSize} edits within the bound${result.cut ? ` (stopped after ${result.checked} candidates)` : ''}` };
}

/** The summary as a sentence: "add `sfence` after line 7: verified at 9 crash points, 12 crash states". */
export function fixSentence(fix: FixSummary): string {
  return fix.found ? `${fix.edits}: verified at ${fix.crashPoints} crash points, ${fix.crashStates} crash states` : fix.reason;
}
