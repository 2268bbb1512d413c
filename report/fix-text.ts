import type { Litmus } from '../lang/ast.js';
import { printOp } from '../lang/print-op.js';
import { printExpectation } from '../lang/print.js';
import type { Evidence } from '../model/check/check.js';
import type { Edit } from '../fix/edit.js';
import type { Rejection } from '../fix/judge.js';
import type { FixResult, Rejected } from '../fix/search.js';
import { describePoint } from './describe.js';
import { fixedSource } from './fixed-source.js';
import { unifiedDiff } from './line-diff.js';

/** Rejected candidates listed one a line; the rest are counted. */
const MAX_REJECTED = 10;

/** `daxcheck fix FILE`: the fix as a diff of the source, where it was verified, and the cheaper candidates it beat. */
export function fixText(file: string, source: string, result: FixResult): string[] {
  const { target, baseline } = result;
  const failing = baseline.expectations.filter((e) => !e.holds).map((e) => printExpectation(e.expectation));
  const unsafe = baseline.safety.filter((s) => !s.holds && !s.expectedToFail).map((s) => s.property);
  const witnessed = result.witnessed ? ' (the outcome the header says can happen, made impossible)' : '';
  const head = [`${file}: to fix: ${[...failing, ...unsafe].join('; ')}${witnessed}`];
  if (result.kind === 'nothing-to-fix') return [`${file}: nothing to fix: every expectation and safety property holds`];
  const tried = rejectedLines(result.rejected, target);
  if (result.kind === 'none') return [...head, `no fix of at most ${result.maxSize} edit${result.maxSize === 1 ? '' : 's'} within the bound${result.cut ? ` (stopped after ${result.checked} candidates)` : ` (${result.checked} candidates tried)`}`, ...tried];
  const { stats } = result.result;
  return [
    ...head,
    `fix: ${describeEdits(result.edits, target)} (cost ${result.cost})`,
    ...unifiedDiff(source.split('\n'), fixedSource(source.split('\n'), target, result.edited), { old: file, new: `${file} (fixed)` }),
    `verified at ${stats.crashPoints} crash points, ${stats.crashStates} crash states: every expectation holds, and no expectation or safety property that held before breaks`,
    ...tried,
  ];
}

/** The edits in the words of the source: `add \`sfence\` after line 7`, `add MAP_SYNC to line 5`. */
export function describeEdits(edits: readonly Edit[], test: Litmus): string {
  return edits.map((e) => describeEdit(e, test)).join(' and ');
}

function describeEdit(edit: Edit, test: Litmus): string {
  const line = (index: number) => test.program[index]?.at?.line ?? '?';
  if (edit.kind === 'flag') return `add ${edit.cost === 'map-sync' ? 'MAP_SYNC' : 'O_DSYNC'} to line ${line(edit.index)}`;
  if (edit.kind === 'move') return `move \`${printOp(test.program[edit.from]!)}\` from line ${line(edit.from)} to after line ${line(edit.to - 1)}`;
  return `add ${edit.ops.map((op) => `\`${printOp(op)}\``).join(', ')} after line ${line(edit.at - 1)}`;
}

/** One line for each rejected candidate (the first few), cheapest first, then how many more. */
function rejectedLines(rejected: readonly Rejected[], test: Litmus): string[] {
  if (rejected.length === 0) return [];
  const shown = rejected.slice(0, MAX_REJECTED).map((r) => `  ${describeEdits(r.edits, test)} (cost ${r.cost}): ${rejectionText(r.rejection, r.edited.test)}`);
  const more = rejected.length - shown.length;
  return [`rejected ${rejected.length} candidate${rejected.length === 1 ? '' : 's'}:`, ...shown, ...(more > 0 ? [`  and ${more} more`] : [])];
}

/** Why a candidate failed, with the crash state that still broke it. */
export function rejectionText(r: Rejection, edited: Litmus): string {
  switch (r.kind) {
    case 'refused':
      return `\`${printOp(edited.program[r.refusal.index]!)}\` fails with ${r.refusal.errno} (${r.refusal.reason})`;
    case 'still-fails':
    case 'breaks':
      return `${r.kind === 'breaks' ? 'breaks' : 'still fails'} ${printExpectation(r.expectation.expectation)}${crashState(r.expectation.evidence, edited)}`;
    case 'unsafe':
      return `breaks ${r.safety.property}${r.safety.detail ? ` (${r.safety.detail})` : ''}${crashState(r.safety.evidence, edited)}`;
    case 'annotation':
      return `\`${printOp(edited.program[r.annotation.index]!)}\` no longer fails with ${r.annotation.expected.name}`;
    case 'undecided':
      return `could not be checked: ${r.message}`;
  }
}

/** Where the crash was (in the original's lines; an added operation by its text) and what had persisted. */
function crashState(evidence: Evidence | undefined, test: Litmus): string {
  if (!evidence) return '';
  const { point } = evidence;
  const op = test.program[point.inside ? point.completed : point.completed - 1];
  const where = op && !op.at ? `${point.inside ? 'inside' : 'after'} the added \`${printOp(op)}\`` : describePoint(point, test);
  return `: crash ${where}, ${evidence.persisted.length === 0 ? 'nothing left to chance' : evidence.persisted.join('; ')}`;
}
