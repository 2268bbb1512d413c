import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFix } from '../../fix/search.js';
import { loadCounterexample } from '../../report/counterexample-load.js';
import { packageRoot } from '../../report/package-root.js';
import { expectVerified } from './verify.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');

describe('a fix for every lost cell of the default matrix', () => {
  it.each(readdirSync(corpus).sort())('%s', (file) => {
    const { test, cx } = loadCounterexample(join(corpus, file));
    const result = findFix(test);
    if (cx.cell?.mode !== 'private') return expectVerified(test, result);
    // A MAP_PRIVATE mapping never writes back to the file (mmap(2)): no edit of the program can make its store durable.
    expect(result).toMatchObject({ kind: 'none', maxSize: 2, cut: false });
  });
});
