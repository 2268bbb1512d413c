import type { ExpectationResult, SafetyResult, TestResult } from '../model/check/check.js';
import type { Annotation, Refusal } from '../model/check/execute.js';

/** Why a candidate fix was rejected, with the crash state (the evidence) that still broke it where there is one. */
export type Rejection =
  /** An operation of the edited program fails with an errno (its index is in the edited program). */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** An expectation that failed before still fails. */
  | { readonly kind: 'still-fails'; readonly expectation: ExpectationResult }
  /** Harm: an expectation that held before fails now. */
  | { readonly kind: 'breaks'; readonly expectation: ExpectationResult }
  /** Harm, or no cure: a safety property fails that held before, or was the one to fix. */
  | { readonly kind: 'unsafe'; readonly safety: SafetyResult }
  /** Harm: an operation annotated `=> ERRNO` no longer fails as annotated. */
  | { readonly kind: 'annotation'; readonly annotation: Annotation }
  /** The edited program could not be checked (a limit, an invalid program): the message. */
  | { readonly kind: 'undecided'; readonly message: string };

/**
 * Whether `after` (the edited program's full result) fixes `before` and does no harm: every
 * expectation holds, every safety property holds unless the header says it fails on purpose, and
 * every annotation that held still holds. `origin` maps the edited program's operations to the original's.
 */
export function judge(before: TestResult, after: TestResult, origin: readonly (number | undefined)[]): Rejection | undefined {
  const failing = after.expectations.filter((e) => !e.holds);
  const broken = failing.find((e) => before.expectations[e.id]!.holds);
  if (broken) return { kind: 'breaks', expectation: broken };
  if (failing[0]) return { kind: 'still-fails', expectation: failing[0] };
  const unsafe = after.safety.find((s) => !s.holds && !s.expectedToFail);
  if (unsafe) return { kind: 'unsafe', safety: unsafe };
  const held = new Set(before.annotations.filter((a) => a.holds).map((a) => a.index));
  const annotation = after.annotations.find((a) => !a.holds && held.has(origin[a.index] ?? -1));
  return annotation ? { kind: 'annotation', annotation } : undefined;
}

/** Whether a test needs a fix: an expectation fails, or a safety property fails that the header does not say fails. */
export function needsFix(result: TestResult): boolean {
  return result.expectations.some((e) => !e.holds) || result.safety.some((s) => !s.holds && !s.expectedToFail);
}
