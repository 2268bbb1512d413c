import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { emptyIntMap, type IntMap } from '../../../model/core/int-map.js';

/** Range updates over keys from small to far past one trie node, so the root grows. */
const updates = fc.array(fc.tuple(fc.nat({ max: 70_000 }), fc.nat({ max: 40 }), fc.nat({ max: 255 })), { maxLength: 30 });

describe('IntMap', () => {
  test.prop([updates])('agrees with a Map after range updates, and every earlier version is unchanged', (steps) => {
    const model = new Map<number, number>();
    const versions: [IntMap<number>, Map<number, number>][] = [];
    let map = emptyIntMap<number>();
    for (const [lo, len, value] of steps) {
      versions.push([map, new Map(model)]);
      map = map.update(lo, lo + len, (key, old) => (old ?? 0) + value + key);
      for (let k = lo; k < lo + len; k++) model.set(k, (model.get(k) ?? 0) + value + k);
    }
    versions.push([map, model]);
    for (const [version, expected] of versions) {
      for (const [lo, len] of steps) for (let k = lo - 1; k <= lo + len; k++) expect(version.get(k)).toBe(expected.get(k));
    }
  });

  test.prop([updates, fc.integer({ min: -20, max: 80_000 }), fc.nat({ max: 300 })])('visits a range in order with what get gives, inside the trie or past it', (steps, lo, len) => {
    const map = steps.reduce((m, [at, n, value]) => m.update(at, at + n, () => value), emptyIntMap<number>());
    const seen: [number, number | undefined][] = [];
    map.each(lo, lo + len, (key, value) => seen.push([key, value]));
    expect(seen).toEqual(Array.from({ length: len }, (_, i) => [lo + i, map.get(lo + i)]));
  });

  test.prop([fc.integer({ min: -(2 ** 20), max: -1 })])('holds nothing at a negative key (the shifts would wrap it onto a stored one)', (key) => {
    expect(emptyIntMap<number>().update(0, 64, () => 1).get(key)).toBeUndefined();
  });

  test.prop([fc.integer({ min: 2 ** 30, max: 2 ** 40 })])('refuses keys past its limit', (key) => {
    expect(() => emptyIntMap<number>().set(key, 1)).toThrow(RangeError);
  });
});
