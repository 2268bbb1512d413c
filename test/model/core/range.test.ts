import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { range } from '../../../model/core/range.js';

describe('range', () => {
  test.prop([fc.nat({ max: 200 }), fc.integer({ min: -1000, max: 1000 })])('holds the count integers from first, in order, with no holes', (count, first) => {
    const out = range(count, first);
    expect(out).toHaveLength(count);
    out.forEach((n, i) => expect(n).toBe(first + i));
    expect(Object.keys(out)).toHaveLength(count);
  });
});
