import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFix } from '../../fix/search.js';
import { loadCounterexample } from '../../report/counterexample-load.js';
import { packageRoot } from '../../report/package-root.js';
import { fixSentence, fixSummary } from '../../report/fix-summary.js';
import { expectVerified } from './verify.js';
import { contract } from '../../matrix/contracts.js';
import { modeById } from '../../matrix/modes.js';
import { RECIPES } from '../../matrix/recipes.js';
import type { Counterexample } from '../../report/counterexample.js';
import type { PlatformName } from '../../profiles/platforms.js';

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

/** Whether the documentation promises no recipe at all for the cell's mode in its column. */
function promisesNothing(cell: NonNullable<Counterexample['cell']>): boolean {
  const column = { platform: cell.platform as PlatformName, failure: cell.failure ?? 'host' };
  return RECIPES.every((recipe) => !contract(column, modeById(cell.mode)!, recipe).promised);
}

describe('a fix for every lost cell of the default matrix', () => {
  it('names the fix in the matrix table of every lost cell', () => {
    expect([...golden.keys()].sort()).toEqual(readdirSync(corpus).sort());
  });

  it.each(readdirSync(corpus).sort())('%s', (file) => {
    const { test, cx } = loadCounterexample(join(corpus, file));
    const result = findFix(test);
    expect(golden.get(file)).toContain(`; fix: ${fixSentence(fixSummary(result))})`);
    if (!promisesNothing(cx.cell!)) return expectVerified(test, result);
    // Where no recipe is promised, no edit of the program makes its store durable: a MAP_PRIVATE
    // mapping never writes back to the file (mmap(2)), and nothing a guest does reaches the host's
    // disk on an NVDIMM over a plain host file (qemu docs/nvdimm.txt).
    expect(result).toMatchObject({ kind: 'none', maxSize: 2, cut: false });
  });
});
