/** Where `actual` first departs from the golden `expected`, as `line N: expected ..., got ...`; undefined when they are byte-identical. */
export function firstDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const want = expected.split('\n');
  const got = actual.split('\n');
  const found = want.findIndex((line, i) => line !== got[i]);
  const at = found === -1 ? want.length : found;
  const show = (line: string | undefined) => (line === undefined ? 'the end of the file' : JSON.stringify(line));
  return `line ${at + 1}: expected ${show(want[at])}, got ${show(got[at])}`;
}
