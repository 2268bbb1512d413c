import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseSite, printSite, type Site } from '../../../model/core/site.js';

const n = fc.nat({ max: 10_000 });
const site: fc.Arbitrary<Site> = fc.oneof(
  n.map((line): Site => ({ kind: 'line', line })),
  n.map((seq): Site => ({ kind: 'nt', seq })),
  fc.constant<Site>({ kind: 'journal' }),
  fc.tuple(fc.constantFrom('page', 'meta', 'landed' as const), n, n).map(([kind, ino, page]): Site => ({ kind, ino, page })),
);

describe('sites', () => {
  test.prop([site])('parse(print(site)) = site', (s) => {
    expect(parseSite(printSite(s))).toEqual(s);
  });
  it('prints the text counterexample files store', () => {
    expect([{ kind: 'line', line: 5 }, { kind: 'nt', seq: 12 }, { kind: 'journal' }, { kind: 'landed', ino: 1, page: 0 }].map((s) => printSite(s as Site))).toEqual(['line 5', 'nt 12', 'journal', 'landed 1:0']);
  });
  it.each(['line', 'line -1', 'line 05', 'nt 1:2', 'page 1', 'journal 0', 'block 3', ' line 1'])('rejects %j', (text) => {
    expect(parseSite(text)).toBeUndefined();
  });
});
