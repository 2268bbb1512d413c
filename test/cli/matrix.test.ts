import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { CORPUS, MATRIX_DEFAULTS, MATRIX_GOLDEN } from '../../cli/defaults.js';
import { matrixProblems } from '../../cli/matrix.js';
import { checkCell } from '../../matrix/cell.js';
import { rowOf } from '../../matrix/row.js';
import { allCells, cellId } from '../../matrix/cells.js';
import type { Bug } from '../../profiles/bugs.js';
import { matrixTable } from '../../report/matrix-table.js';
import { packageRoot } from '../../report/package-root.js';
import { firstDifference } from '../../report/first-difference.js';
import { memoryIo } from '../helpers.js';

const out = mkdtempSync(join(tmpdir(), 'daxcheck-matrix-'));
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('daxcheck matrix', () => {
  it('prints one JSON object with the cells and their verdicts', async () => {
    const r = await run('matrix', '--json', '--cell=devdax/adr/msync', '--num-runs=5', '--out', out);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out) as { cells: Record<string, unknown>[] };
    expect(json.cells).toEqual([expect.objectContaining({ mode: 'devdax', platform: 'adr', recipe: 'msync', verdict: 'n/a', errno: 'EINVAL', counterexample: null })]);
  });
  it('writes a replayable counterexample for a lost cell', async () => {
    const r = await run('matrix', '--json', '--cell=buffered/adr/none', '--num-runs=10', `--out=${out}`);
    const [cell] = (JSON.parse(r.out) as { cells: { verdict: string; counterexample: string }[] }).cells;
    expect(cell!.verdict).toBe('lost');
    expect(existsSync(cell!.counterexample)).toBe(true);
    expect((await run('replay', cell!.counterexample)).status).toBe(0);
  });
  it('gives byte-identical tables for the same seed', async () => {
    const args = ['matrix', '--cell=fsdax-shared/eadr/flush+fence', '--seed=3', '--num-runs=10', `--out=${out}`];
    const first = await run(...args);
    expect(first.out).toMatch(/fsdax-shared +eadr +host +flush\+fence +lost/);
    expect((await run(...args)).out).toBe(first.out);
  });
  it.each([
    [['--seed=abc'], /--seed takes a whole number, not 'abc'/],
    [['--cell=nope/adr/none'], /no cell 'nope\/adr\/none'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await run('matrix', ...args, `--out=${out}`);
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
  beforeAll(async () => {
    const io = memoryIo();
    expect(await main(['matrix', `--out=${dir}`], io)).toBe(0);
    stdout = io.stdout.map((line) => `${line.replaceAll(`${dir}/`, `${MATRIX_DEFAULTS.out}/`)}\n`).join('');
  }, 600_000);

  it(`prints ${MATRIX_GOLDEN} byte for byte`, () => {
    expect(firstDifference(golden, stdout)).toBeUndefined();
  });
  it(`writes exactly the counterexamples of ${CORPUS}, byte for byte`, () => {
    const written = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(written).toEqual(readdirSync(corpus).filter((f) => f.endsWith('.json')).sort());
    for (const name of written) expect([name, firstDifference(readFileSync(join(corpus, name), 'utf8'), readFileSync(join(dir, name), 'utf8'))]).toEqual([name, undefined]);
  });
  it('fails against a golden with one line edited, naming the line', () => {
    const edited = golden.replace(/^(pagecache-shared +adr +host +none +)lost/m, '$1durable');
    expect(firstDifference(edited, stdout)).toMatch(/^line 3: expected "pagecache-shared +adr +host +none +durable .*", got "pagecache-shared +adr +host +none +lost /);
  });
});

describe('the matrix can fail a build', () => {
  const cell = allCells().find((c) => cellId(c) === 'devdax/adr/flush+fence')!;
  const runOf = (bugs: ReadonlySet<Bug>) => ({ ...MATRIX_DEFAULTS, numRuns: 5, rows: [rowOf(checkCell(cell, { seed: 1, numRuns: 5, bugs }))] });

  it('when a cell the documentation promises is lost (a seeded sfence that does nothing)', () => {
    expect(matrixProblems(runOf(new Set()))).toEqual([]);
    expect(matrixProblems(runOf(new Set<Bug>(['sfence-noop'])))).toEqual(['promised but lost: devdax/adr/flush+fence']);
  });
  it('when the table differs from the golden given with --expect, naming the line', () => {
    const run = runOf(new Set());
    const table = matrixTable(run).map((line) => `${line}\n`).join('');
    expect(matrixProblems(run, table)).toEqual([]);
    expect(matrixProblems(run, table.replace('durable', 'lost'))).toEqual([expect.stringMatching(/^the table differs from --expect at line 3: /)]);
  });
  it('exits 1 on a differing golden and 2 on a missing one, before running', async () => {
    const golden = join(out, 'golden.expected');
    writeFileSync(golden, 'not the table\n');
    const args = ['matrix', '--cell=devdax/adr/msync', '--num-runs=2', `--out=${out}`];
    expect((await run(...args, `--expect=${golden}`)).status).toBe(1);
    const missing = await run(...args, `--expect=${join(out, 'nosuch')}`);
    expect([missing.status, missing.err]).toEqual([2, `daxcheck: ${join(out, 'nosuch')}: no such file`]);
  });
});
