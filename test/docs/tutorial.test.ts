import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, checkRecipe, parseLitmus, writeCounterexample } from '../../api/index.js';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';
import { onPmem, pmemFlushOnly } from './tutorial/my-recipes.js';

/** A fenced block of a Markdown text: its language, its text, the `<!-- ... -->` comment on the line before it, and its first line. */
interface Block {
  readonly lang: string;
  readonly text: string;
  readonly comment: string | undefined;
  readonly line: number;
}

/** Every fenced block of `markdown`, in order. */
function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const comment = /^<!-- (.*) -->$/.exec(lines[i - 1] ?? '')?.[1];
    blocks.push({ lang: open[1]!, text: lines.slice(i + 1, end).join('\n') + '\n', comment, line: i + 1 });
    i = end;
  }
  return blocks;
}

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

/** A TypeScript block as its file under test/docs/ reads, importing the package by name. */
function asPublished(source: string): string {
  return source.replace(/'(\.\.\/)+api\/index\.js'/g, "'daxcheck'");
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
    const ts = blocks.filter((b) => b.lang === 'ts');
    expect(ts.length).toBeGreaterThan(1);
    for (const b of ts) {
      const file = /^file: (test\/docs\/tutorial\/[\w.-]+\.ts)$/.exec(b.comment ?? '')?.[1];
      expect(file, `the ts block at line ${b.line} names no file`).toBeDefined();
      expect(b.text).toBe(asPublished(readFileSync(join(packageRoot(), file!), 'utf8')));
    }
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
