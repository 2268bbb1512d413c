import { describe, expect, it } from 'vitest';
import { enumerateLazily, evaluateWith, ExplorationLimit } from '../../../model/check/explore.js';
import type { Site } from '../../../model/core/site.js';

const a: Site = { kind: 'line', line: 0 };
const b: Site = { kind: 'nt', seq: 0 };

describe('enumerateLazily', () => {
  it('visits every combination of the choices that are read, once', () => {
    const leaves = enumerateLazily((o) => `${o.choose(a, 2)}${o.choose(b, 3)}`, 100);
    expect(leaves.map((l) => l.result)).toEqual(['00', '01', '02', '10', '11', '12']);
  });
  it('never enumerates a site that is not read', () => {
    const leaves = enumerateLazily((o) => (o.choose(a, 2) === 0 ? 'stop' : `1${o.choose(b, 4)}`), 100);
    expect(leaves.map((l) => l.result)).toEqual(['stop', '10', '11', '12', '13']);
  });
  it('gives the same answer when a site is asked twice in one run', () => {
    const leaves = enumerateLazily((o) => [o.choose(a, 3), o.choose(a, 3)], 100);
    expect(leaves.map((l) => l.result)).toEqual([[0, 0], [1, 1], [2, 2]]);
  });
  it('records only real choices', () => {
    const [leaf] = enumerateLazily((o) => o.choose(a, 1), 100);
    expect(leaf!.choices).toEqual([]);
  });
  it('branches a narrowed site once per distinct answer, recording the smallest option left open', () => {
    const leaves = enumerateLazily((o) => o.narrow(a, 6, 'big', (k) => k >= 2), 100);
    expect(leaves.map((l) => l.choices)).toEqual([[{ site: a, chosen: 0, of: 6 }], [{ site: a, chosen: 2, of: 6 }]]);
  });
  it('narrows further with each question, and a choice after them picks among the options left', () => {
    const leaves = enumerateLazily((o) => [o.narrow(a, 6, 'odd', (k) => k % 2), o.narrow(a, 6, 'big', (k) => k >= 3), o.choose(a, 6)], 100);
    expect(leaves.map((l) => l.result)).toEqual([[0, 0, 0], [0, 0, 2], [0, 4, 4], [1, 1, 1], [1, 3, 3], [1, 3, 5]]);
  });
  it('records a narrowed site where it was first read', () => {
    const [leaf] = enumerateLazily((o) => [o.choose(b, 2), o.narrow(a, 3, 'all', () => 0)], 100);
    expect(leaf!.choices.map((c) => c.site)).toEqual([b, a]);
  });
  it('evaluates the first crash state with a given option at a site', () => {
    const leaf = evaluateWith((o) => [o.choose(b, 3), o.narrow(a, 4, 'any', (k) => k)], a, 2);
    expect(leaf.result).toEqual([0, 2]);
    expect(leaf.choices).toEqual([{ site: b, chosen: 0, of: 3 }, { site: a, chosen: 2, of: 4 }]);
  });
  it('stops with a clear error at its limit', () => {
    expect(() => enumerateLazily((o) => o.choose(a, 10), 5)).toThrow(ExplorationLimit);
  });
});
