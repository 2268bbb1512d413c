import { describe, expect, it } from 'vitest';
import { enumerateLazily, ExplorationLimit } from '../../../model/check/explore.js';
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
  it('stops with a clear error at its limit', () => {
    expect(() => enumerateLazily((o) => o.choose(a, 10), 5)).toThrow(ExplorationLimit);
  });
});
