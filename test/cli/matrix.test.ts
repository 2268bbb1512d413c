import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { MATRIX_DEFAULTS } from '../../cli/matrix.js';
import { packageRoot } from '../../cli/package-root.js';
import { CORPUS, MATRIX_GOLDEN } from '../../cli/promote-matrix.js';
import { firstDifference, memoryIo } from '../helpers.js';

const out = mkdtempSync(join(tmpdir(), 'daxcheck-matrix-'));
const run = (...argv: string[]) => {
  const io = memoryIo();
  return { status: main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('daxcheck matrix', () => {
  it('prints one JSON object with the cells and their verdicts', () => {
    const r = run('matrix', '--json', '--cell=devdax/adr/msync', '--num-runs=5', '--out', out);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out) as { cells: Record<string, unknown>[] };
    expect(json.cells).toEqual([expect.objectContaining({ mode: 'devdax', platform: 'adr', recipe: 'msync', verdict: 'n/a', errno: 'EINVAL', counterexample: null })]);
  });
  it('writes a replayable counterexample for a lost cell', () => {
    const r = run('matrix', '--json', '--cell=buffered/adr/none', '--num-runs=10', `--out=${out}`);
    const [cell] = (JSON.parse(r.out) as { cells: { verdict: string; counterexample: string }[] }).cells;
    expect(cell!.verdict).toBe('lost');
    expect(existsSync(cell!.counterexample)).toBe(true);
    expect(run('replay', cell!.counterexample).status).toBe(0);
  });
  it('gives byte-identical tables for the same seed', () => {
    const args = ['matrix', '--cell=fsdax-shared/eadr/flush+fence', '--seed=3', '--num-runs=10', `--out=${out}`];
    const first = run(...args);
    expect(first.out).toContain('fsdax-shared  eadr      flush+fence  lost');
    expect(run(...args).out).toBe(first.out);
  });
  it.each([
    [['--seed=abc'], /--seed takes a whole number, not 'abc'/],
    [['--cell=nope/adr/none'], /no cell 'nope\/adr\/none'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('refuses %j with exit 2', (args, message) => {
    const r = run('matrix', ...args, `--out=${out}`);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('the whole matrix at its defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-all-'));
  const corpus = join(packageRoot(), CORPUS);
  const golden = readFileSync(join(packageRoot(), MATRIX_GOLDEN), 'utf8');
  let stdout = '';
  // One run of the default matrix (about 40 s) serves every assertion below.
  beforeAll(() => {
    const io = memoryIo();
    expect(main(['matrix', `--out=${dir}`], io)).toBe(0);
    stdout = io.stdout.map((line) => `${line.replaceAll(`${dir}/`, `${MATRIX_DEFAULTS.out}/`)}\n`).join('');
  }, 600_000);

  it(`prints ${MATRIX_GOLDEN} byte for byte`, () => {
    expect(firstDifference(golden, stdout)).toBeUndefined();
  });
  it(`writes exactly the counterexamples of ${CORPUS}, byte for byte`, () => {
    const written = readdirSync(dir).sort();
    expect(written).toEqual(readdirSync(corpus).filter((f) => f.endsWith('.json')).sort());
    for (const name of written) expect([name, firstDifference(readFileSync(join(corpus, name), 'utf8'), readFileSync(join(dir, name), 'utf8'))]).toEqual([name, undefined]);
  });
  it('fails against a golden with one line edited, naming the line', () => {
    const edited = golden.replace('pagecache-shared      adr       none         lost', 'pagecache-shared      adr       none         durable');
    expect(firstDifference(edited, stdout)).toMatch(/^line 3: expected "pagecache-shared +adr +none +durable .*", got "pagecache-shared +adr +none +lost /);
  });
});
