import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { keyOf } from '../../trace/crash-image.js';

/** Lines read, as the crash view hands them out: a line number and its 64 bytes, mostly alike (a byte or two set in zeros) so that near misses are tried. */
const bytes = fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.dictionary(fc.nat({ max: 63 }).map(String), fc.integer({ min: 1, max: 255 }), { maxKeys: 2 }).map((set) => {
  const b = new Uint8Array(64);
  for (const [at, value] of Object.entries(set)) b[Number(at)] = value;
  return b;
}));
const lines = fc.uniqueArray(fc.tuple(fc.nat({ max: 5 }), bytes), { selector: ([line]) => line, maxLength: 4 });
const asMap = (ls: readonly [number, Uint8Array][]) => new Map<number, ArrayLike<number>>(ls);
const same = (a: readonly [number, Uint8Array][], b: readonly [number, Uint8Array][]) => a.length === b.length && a.every(([l, bytes], i) => l === b[i]![0] && bytes.length === b[i]![1].length && bytes.every((x, j) => x === b[i]![1][j]));

describe('keyOf', () => {
  test.prop([lines, lines])('is equal for two sets of lines exactly when they hold the same lines, in the same order, with the same bytes', (a, b) => {
    expect(keyOf(asMap(a)) === keyOf(asMap(b))).toBe(same(a, b));
  });

  test.prop([lines, fc.nat({ max: 3 }), fc.nat({ max: 63 }), fc.integer({ min: 1, max: 255 })])('changes when any one byte changes', (ls, which, at, delta) => {
    fc.pre(ls.length > 0);
    const [line, bytes] = ls[which % ls.length]!;
    const changed = Uint8Array.from(bytes);
    changed[at] = (changed[at]! + delta) % 256;
    expect(keyOf(asMap(ls.map(([l, b]) => [l, l === line ? changed : b])))).not.toBe(keyOf(asMap(ls)));
  });

  test('hashes a long key: 40 whole lines make no text key, and keys still differ by one byte', () => {
    const many = Array.from({ length: 40 }, (_, l): [number, Uint8Array] => [l, new Uint8Array(64).fill(l)]);
    const key = keyOf(asMap(many));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const last = Uint8Array.from(many[39]![1]);
    last[63] = 0xff;
    expect(keyOf(asMap([...many.slice(0, 39), [39, last]]))).not.toBe(key);
  });
});
