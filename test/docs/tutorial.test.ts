import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, checkRecipe, parseLitmus, writeCounterexample } from '../../api/index.js';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';
import { asPublished, fencedBlocks, tsBlocksAsFiles } from './markdown.js';
import { onPmem, pmemFlushOnly } from './tutorial/my-recipes.js';

/** What checking a litmus block gives, in the words of its claim: `verdict: fail; expectations: No Ok`. */
function litmusClaim(text: string): string {
  const report = check(parseLitmus(text));
  return `verdict: ${report.verdict}; expectations: ${report.expectations.map((e) => (e.holds ? 'Ok' : 'No')).join(' ')}`;
}

/** The claims of the tutorial's litmus blocks that checking them does not bear out, as `LINE: claimed ≠ actual`. */
function wrongClaims(markdown: string): string[] {
  return fencedBlocks(markdown)
    .filter((b) => b.lang === 'litmus')
    .flatMap((b) => {
      const actual = litmusClaim(b.text);
      return b.comment === actual ? [] : [`${b.line}: ${b.comment ?? 'no claim'} ≠ ${actual}`];
    });
}

/** Runs each `$ npx daxcheck ...` of a console block in `dir` (relative paths resolved there) and returns the block as it should read. */
async function rerun(block: string, dir: string): Promise<string> {
  const out: string[] = [];
  for (const command of block.split('\n').filter((l) => l.startsWith('$ npx daxcheck '))) {
    const argv = command.slice('$ npx daxcheck '.length).split(' ');
    const io = memoryIo();
    await main(
      argv.map((a, i) => (i === 0 || a.startsWith('-') || a.startsWith('/') ? a : join(dir, a))),
      io,
    );
    out.push(command, ...io.stdout.join('\n').split('\n'));
  }
  return out.join('\n').replaceAll(`${dir}/`, '') + '\n';
}

const doc = readFileSync(join(packageRoot(), 'docs', 'tutorial.md'), 'utf8');
const blocks = fencedBlocks(doc);

describe('docs/tutorial.md', () => {
  it('claims for each litmus block the verdict and expectation results that checking it gives', () => {
    expect(blocks.filter((b) => b.lang === 'litmus').length).toBeGreaterThan(5);
    expect(wrongClaims(doc)).toEqual([]);
  });

  it('shows each TypeScript block verbatim from its file under test/docs/tutorial/, which the suite type-checks and runs', () => {
    expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThan(1);
    expect(tsBlocksAsFiles(doc, 'test/docs/tutorial/')).toEqual([]);
  });

  describe('shows the real output of every command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-tutorial-'));
    beforeAll(() => {
      for (const b of blocks.filter((b) => b.lang === 'litmus')) writeFileSync(join(dir, `${parseLitmus(b.text).name}.litmus`), b.text);
      // The counterexample the TypeScript example writes (test/docs/tutorial/my-recipes.test.ts), for the commands that read it.
      const verdict = checkRecipe({ ...onPmem, recipe: pmemFlushOnly });
      if (verdict.verdict === 'lost') writeCounterexample(verdict.counterexample, join(tmpdir(), 'my-recipes'));
    });

    it.each(blocks.filter((b) => b.lang === 'console').map((b) => [b.line, b] as const))('the console block at line %i', async (_line, b) => {
      expect(b.text).toBe(await rerun(b.text, dir));
    });
  });

  it('notices a wrong claim, a changed example and a changed output', async () => {
    const nodrain = blocks.find((b) => b.lang === 'litmus' && b.text.startsWith('daxcheck record-flag-nodrain\n'))!;
    expect(wrongClaims(doc.replace(`<!-- ${nodrain.comment} -->`, '<!-- verdict: pass; expectations: Ok Ok -->'))).toEqual([
      `${nodrain.line}: verdict: pass; expectations: Ok Ok ≠ verdict: fail; expectations: No Ok`,
    ]);
    expect(wrongClaims(doc.replace(nodrain.text, nodrain.text.replace('  clwb m[0]\n', '')))).not.toEqual([]);
    expect(fencedBlocks('<!-- c -->\n```ts\nx\n```\n')).toEqual([{ lang: 'ts', text: 'x\n', comment: 'c', line: 2 }]);
    expect(asPublished("from '../../../api/index.js';")).toBe("from 'daxcheck';");
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-tutorial-'));
    writeFileSync(join(dir, 'record-flag-nodrain.litmus'), nodrain.text);
    expect(await rerun('$ npx daxcheck run record-flag-nodrain.litmus\nVerdict pass\n', dir)).toMatch(/\nVerdict fail\n/);
  });
});
