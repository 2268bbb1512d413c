import { describe, expect, it } from 'vitest';
import { builtRef } from '../../bench/ref-build.js';

describe('builtRef', () => {
  it('skips, saying why, a ref the repository does not have', () => {
    expect(builtRef('no-such-ref-daxcheck')).toEqual({ skipped: "no commit 'no-such-ref-daxcheck' in this repository (a shallow clone?)" });
  });
});
