import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { memoryIo } from '../helpers.js';

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

describe('the whole matrix', () => {
  it('replays the counterexample of every lost cell', () => {
    const all = mkdtempSync(join(tmpdir(), 'daxcheck-all-'));
    const r = run('matrix', '--json', '--num-runs=3', `--out=${all}`);
    const cells = (JSON.parse(r.out) as { cells: { verdict: string; counterexample: string | null }[] }).cells;
    const files = cells.filter((c) => c.verdict === 'lost').map((c) => c.counterexample!);
    expect(files.length).toBeGreaterThan(20);
    expect(run('replay', ...files).status).toBe(0);
  });
});
