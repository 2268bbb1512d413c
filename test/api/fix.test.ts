import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { after, check, eq, fix, forall, litmus, readCounterexample } from '../../api/index.js';
import { packageRoot } from '../../report/package-root.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');

describe('fix', () => {
  it("returns a counterexample's smallest verified fix, and the fixed program passes", () => {
    const found = fix(readCounterexample(join(corpus, 'fsdax-shared.adr.none.durability.json')));
    expect(found.summary).toMatchObject({ found: true, edits: 'add `msync m0 0 4K MS_SYNC` after line 6' });
    expect(found.text).toContain('+  msync m0 0 4K MS_SYNC');
    expect(check(found.fixed!).verdict).toBe('pass');
  });

  it('fixes a test built in code, and says when no fix exists within the bound', () => {
    const test = litmus('lost').config({ platform: 'adr' }).device('d', 4096, 4096).mmap('m', 'd', 4096, ['MAP_SHARED']).store('m', 0, 42).label('done').observe('x', 'd', 0, 8).expect(forall(eq('x', 42), after('done'))).build();
    expect(fix(test).summary).toMatchObject({ found: true, edits: 'add `clflush m[0]` after line 6' });
    expect(fix(readCounterexample(join(corpus, 'private.adr.none.durability.json'))).summary).toEqual({ found: false, reason: 'no fix of at most 2 edits within the bound' });
  });
});
