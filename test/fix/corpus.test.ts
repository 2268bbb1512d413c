import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFix } from '../../fix/search.js';
import { loadCounterexample } from '../../report/counterexample-load.js';
import { packageRoot } from '../../report/package-root.js';
import { fixSentence, fixSummary } from '../../report/fix-summary.js';
import { expectVerified } from './verify.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');

/** The matrix golden's line of each lost cell, by its counterexample file's name. */
const golden = new Map(
  readFileSync(join(packageRoot(), 'matrix.expected'), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const file = /matrix-out\/(\S+\.json) /.exec(line)?.[1];
      return file ? [[file, line] as const] : [];
    }),
);

describe('a fix for every lost cell of the default matrix', () => {
  it('names the fix in the matrix table of every lost cell', () => {
    expect([...golden.keys()].sort()).toEqual(readdirSync(corpus).sort());
  });

  it.each(readdirSync(corpus).sort())('%s', (file) => {
    const { test, cx } = loadCounterexample(join(corpus, file));
    const result = findFix(test);
    expect(golden.get(file)).toContain(`; fix: ${fixSentence(fixSummary(result))})`);
    if (cx.cell?.mode !== 'private') return expectVerified(test, result);
    // A MAP_PRIVATE mapping never writes back to the file (mmap(2)): no edit of the program can make its store durable.
    expect(result).toMatchObject({ kind: 'none', maxSize: 2, cut: false });
  });
});
