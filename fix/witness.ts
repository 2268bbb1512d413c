import type { Litmus } from '../lang/ast.js';

/**
 * The failure a passing test witnesses, when its header says so: a first expectation `exists C`
 * claimed `Result: Sometimes` shows that the bad outcome C can happen (DESIGN section 2, as
 * `show --litmus` writes one), so the program to fix is the same test expecting `~exists C`.
 * Undefined for any other test.
 */
export function witnessedFailure(test: Litmus): Litmus | undefined {
  const [first, ...rest] = test.expectations;
  if (first?.quantifier !== 'exists' || test.claims?.result?.frequency !== 'Sometimes') return undefined;
  return { ...test, expectations: [{ ...first, quantifier: 'not-exists' }, ...rest] };
}
