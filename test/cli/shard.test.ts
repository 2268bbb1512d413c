import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL } from '../../cli/matrix-journal.js';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';

const bin = join(packageRoot(), 'dist', 'cli', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'daxcheck-shard-'));
// Seed 3 makes every cell quick at one workload (seed 1 spends seconds on odirect-overwrite/adr/none).
const matrix = ['matrix', '--seed=3', '--num-runs=1', '--out', 'out'];

/** Runs the installed bin to its end in the folder `name` (made if missing). */
function daxcheck(name: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  mkdirSync(join(root, name), { recursive: true });
  const r = spawnSync('node', [bin, ...args], { cwd: join(root, name), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** Every file of a run's output folder, by name. */
function files(name: string): [string, string][] {
  const out = join(root, name, 'out');
  return readdirSync(out)
    .sort()
    .map((file) => [file, readFileSync(join(out, file), 'utf8')]);
}

describe('shards of the matrix, merged', () => {
  let whole: ReturnType<typeof daxcheck>;
  beforeAll(() => {
    whole = daxcheck('whole', ...matrix);
    expect(daxcheck('s1', ...matrix, '--shard', '1/2').status).toBe(0);
    expect(daxcheck('s2', ...matrix, '--shard=2/2').status).toBe(0);
  });

  it('give the table, journal and counterexample files of the whole run, byte for byte, in any order', () => {
    expect(whole.status).toBe(0);
    const merged = daxcheck('merged', 'merge', '../s2/out', '../s1/out');
    expect(merged.status).toBe(0);
    expect(merged.stdout.replaceAll('matrix-out/', 'out/')).toBe(whole.stdout);
    expect(daxcheck('merged', 'merge', '../s1/out', '../s2/out', '--out', 'out').stdout).toBe(whole.stdout);
    expect(files('merged')).toEqual(files('whole'));
    expect(files('whole').some(([file]) => file.endsWith('.json'))).toBe(true);
  });

  it('refuse shards that do not fit together, on one line with exit 2', () => {
    cpSync(join(root, 's2'), join(root, 'other'), { recursive: true });
    const journal = join(root, 'other', 'out', JOURNAL);
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('"numRuns":1', '"numRuns":2'));
    cpSync(join(root, 's2'), join(root, 'stopped'), { recursive: true });
    const stopped = join(root, 'stopped', 'out', JOURNAL);
    const rows = JSON.parse(readFileSync(stopped, 'utf8')) as { rows: unknown[] };
    writeFileSync(stopped, JSON.stringify({ ...rows, rows: rows.rows.slice(0, 5) }));
    cpSync(join(root, 's2'), join(root, 'nocx'), { recursive: true });
    const cx = readdirSync(join(root, 'nocx', 'out')).find((f) => f.endsWith('.json'))!;
    rmSync(join(root, 'nocx', 'out', cx));
    const refused = (...dirs: string[]) => {
      const r = daxcheck('refused', 'merge', ...dirs.map((d) => `../${d}/out`));
      return [r.status, r.stdout, r.stderr];
    };
    expect(refused('s1', 's1')).toEqual([2, '', 'daxcheck: merge: shard 1/2 given twice (../s1/out and ../s1/out)']);
    expect(refused('s1')).toEqual([2, '', 'daxcheck: merge: missing shard 2/2']);
    expect(refused('s1', 'other')).toEqual([2, '', 'daxcheck: merge: ../other/out was made with --seed=3 --num-runs=2, ../s1/out with --seed=3 --num-runs=1']);
    expect(refused('s1', 'whole')).toEqual([2, '', 'daxcheck: merge: ../whole/out is shard 1/1, ../s1/out is shard 1/2: shards of different splits']);
    expect(refused('s1', 'stopped')).toEqual([2, '', 'daxcheck: merge: ../stopped/out: shard 2/2 is not finished (5 of 400 cells; finish it with --resume)']);
    expect(refused('s1', 'nocx')).toEqual([2, '', `daxcheck: merge: no counterexample file ../nocx/out/${cx} (cell ${cx.split('.').slice(0, 3).join('/')} is lost)`]);
    expect(refused('nowhere')).toEqual([2, '', `daxcheck: merge: no journal ../nowhere/out/${JOURNAL} (give the --out folder of each shard)`]);
  });

  it('resume only a run of the same shard', () => {
    const r = daxcheck('s1', ...matrix, '--shard=2/2', '--resume');
    expect([r.status, r.stderr]).toEqual([2, `daxcheck: --resume: out/${JOURNAL} was made with --shard 1/2; give the same`]);
  });
});

describe('--shard', () => {
  it('splits the catalogue: the shards together run every test once', async () => {
    const lines = async (...argv: string[]) => {
      const io = memoryIo();
      expect(await main(['catalogue', '--workers=1', ...argv], io)).toBe(0);
      return io.stdout.slice(0, -1);
    };
    const shards = [...(await lines('--shard=1/3')), ...(await lines('--shard=2/3')), ...(await lines('--shard=3/3'))];
    expect(shards.sort()).toEqual((await lines()).sort());
  });

  it.each([['0/2'], ['3/2'], ['1/0'], ['x']])('refuses %s on one line with exit 2', async (value) => {
    const io = memoryIo();
    expect(await main(['catalogue', `--shard=${value}`], io)).toBe(2);
    expect(io.stderr).toEqual([`daxcheck: error: option '--shard <i/n>' argument '${value}' is invalid. --shard takes INDEX/COUNT with 1 <= INDEX <= COUNT, e.g. 1/4, not '${value}'`]);
  });

  it('refuses --cell with it', async () => {
    const io = memoryIo();
    expect(await main(['matrix', '--shard=1/2', '--cell=devdax/adr/none'], io)).toBe(2);
    expect(io.stderr).toEqual(['daxcheck: --shard splits the whole matrix: give it without --cell']);
  });
});
