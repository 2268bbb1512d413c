import { expect } from 'vitest';
import type { Litmus } from '../../lang/ast.js';
import { parseLitmus } from '../../lang/parse.js';
import { printLitmus } from '../../lang/print.js';
import { checkLitmus } from '../../model/check/check.js';
import type { FixResult } from '../../fix/search.js';

/**
 * Checks a fix without the searcher's word: the fixed program, printed and parsed again, run by the
 * model from scratch, holds every expectation, and every safety property the original kept.
 */
export function expectVerified(original: Litmus, result: FixResult): void {
  if (result.kind !== 'fixed') throw new Error(`no fix: ${result.kind}`);
  const fixed = parseLitmus(printLitmus(result.edited.test));
  const after = checkLitmus(fixed);
  const before = checkLitmus(original);
  expect(after.expectations.filter((e) => !e.holds).map((e) => e.id)).toEqual([]);
  const kept = before.safety.filter((s) => s.holds).map((s) => s.property);
  expect(after.safety.filter((s) => kept.includes(s.property) && !s.holds)).toEqual([]);
  expect(fixed.program.length).toBeGreaterThanOrEqual(original.program.length);
}
