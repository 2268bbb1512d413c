import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL } from '../../cli/matrix-journal.js';
import { packageRoot } from '../../report/package-root.js';

const bin = join(packageRoot(), 'dist', 'cli', 'main.js');
const matrix = ['matrix', '--num-runs=1', '--out', 'out'];

/** Runs the installed bin to its end in `cwd`. */
function finish(cwd: string, ...args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync('node', [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

/** Starts the installed bin in `cwd` and sends it `signal` once the journal holds more than `rows` finished cells. */
function interrupt(cwd: string, signal: NodeJS.Signals, rows: number, ...args: string[]): Promise<{ status: number | null; stdout: string }> {
  const child = spawn('node', [bin, ...args], { cwd });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  const journal = join(cwd, 'out', JOURNAL);
  const poll = setInterval(() => {
    if (existsSync(journal) && (JSON.parse(readFileSync(journal, 'utf8')) as { rows: unknown[] }).rows.length > rows) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 10);
  return new Promise((resolve) => child.on('close', (status) => (clearInterval(poll), resolve({ status, stdout }))));
}

const folder = (name: string) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'daxcheck-interrupt-')), name);
  mkdirSync(dir);
  return dir;
};

describe('a matrix run stopped by signals and resumed', () => {
  it('gives the table and counterexamples of an uninterrupted run, byte for byte', async () => {
    const whole = folder('whole');
    const reference = finish(whole, ...matrix);
    expect(reference.status).toBe(0);

    const parts = folder('parts');
    const first = await interrupt(parts, 'SIGINT', 10, ...matrix, '--workers=2');
    expect(first.status).toBe(130);
    expect(first.stdout).toMatch(/\nstopped by SIGINT: (\d+) of 800 cells done, \d+ not; continue with: daxcheck matrix --resume --seed=1 --num-runs=1 --out out\n$/);
    // Stopped on worker threads first (the default), then in-process: the journal is the same either way.
    const second = await interrupt(parts, 'SIGTERM', 40, ...matrix, '--resume', '--workers=1');
    expect(second.status).toBe(143);
    expect(second.stdout).toMatch(/stopped by SIGTERM: \d+ of 800 cells done/);
    const done = Number(/stopped by SIGTERM: (\d+)/.exec(second.stdout)![1]);
    expect(done).toBeGreaterThan(Number(/stopped by SIGINT: (\d+)/.exec(first.stdout)![1]));

    const resumed = finish(parts, ...matrix, '--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toBe(reference.stdout);
    const files = (dir: string) => readdirSync(join(dir, 'out')).sort();
    expect(files(parts)).toEqual(files(whole));
    for (const name of files(whole)) expect([name, readFileSync(join(parts, 'out', name), 'utf8')]).toEqual([name, readFileSync(join(whole, 'out', name), 'utf8')]);
  });

  it('refuses to resume a run made with other options, or with no journal', () => {
    const dir = folder('other');
    expect(finish(dir, 'matrix', '--cell=devdax/adr/none', '--num-runs=1', '--out', 'out').status).toBe(0);
    const r = spawnSync('node', [bin, 'matrix', '--resume', '--num-runs=2', '--out', 'out'], { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr.trim()]).toEqual([2, `daxcheck: --resume: out/${JOURNAL} was made with --seed=1 --num-runs=1; give the same`]);
    const none = spawnSync('node', [bin, 'matrix', '--resume', '--out', 'fresh'], { cwd: dir, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no journal fresh\/matrix\.journal/);
  });

  it('refuses an --out that is a file, and --num-runs=0, before any cell runs', () => {
    const dir = folder('bad');
    writeFileSync(join(dir, 'taken'), '');
    const file = spawnSync('node', [bin, 'matrix', '--out', 'taken'], { cwd: dir, encoding: 'utf8' });
    expect([file.status, file.stderr.trim()]).toEqual([2, 'daxcheck: --out taken: not a folder']);
    const zero = spawnSync('node', [bin, 'matrix', '--num-runs=0'], { cwd: dir, encoding: 'utf8' });
    expect([zero.status, zero.stderr.trim()]).toEqual([2, "daxcheck: error: option '--num-runs <n>' argument '0' is invalid. --num-runs takes a whole number of at least 1, not '0'"]);
  });
});

describe('a catalogue or a multi-file run stopped by a signal', () => {
  it.each(['--workers=1', '--workers=2'])('prints what it did and how much is missing, and exits 130 (%s)', async (workers) => {
    const dir = folder('catalogue');
    // Tests that take a few milliseconds each, so that the run is still going when the signal comes.
    const slow = readFileSync(join(packageRoot(), 'litmus', 'cpu', 'adr-lazy-16stores-8lines.litmus'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `t${String(i).padStart(3, '0')}.litmus`), slow);
    const child = spawn('node', [bin, 'catalogue', workers, dir]);
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // One signal: a second one would stop the run at once, without its report.
      if (!sent && stdout.split('\n').length > 20) sent = child.kill('SIGINT');
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(130);
    expect(stdout).toMatch(/\nstopped by SIGINT: \d+ of 400 tests done, \d+ not\n$/);
  });
});
