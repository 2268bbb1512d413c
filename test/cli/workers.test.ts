import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../cli/exit.js';
import { RunLimits } from '../../cli/limits.js';
import { main } from '../../cli/main.js';
import { asUserError } from '../../cli/per-file.js';
import { inOrder } from '../../cli/pool.js';
import work from '../../cli/unit-worker.js';
import { errorOf } from '../../cli/unit-failure.js';
import { textReporter } from '../../report/text-reporter.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-workers-'));

/** What a command printed and the files it left in `out` (emptied first), with `--workers N`. */
async function outputs(workers: number, out: string, ...argv: string[]): Promise<{ status: number; stdout: string; stderr: string; files: [string, string][] }> {
  rmSync(out, { recursive: true, force: true });
  const io = memoryIo();
  const status = await main([...argv, `--workers=${workers}`], io);
  const files = readdirSync(out, { withFileTypes: true }).flatMap((f) => (f.isFile() ? [[f.name, readFileSync(join(out, f.name), 'utf8')] as [string, string]] : []));
  return { status, stdout: io.stdout.join('\n'), stderr: io.stderr.filter((l) => !l.startsWith('matrix: ')).join('\n'), files: files.sort() };
}

describe('--workers 2 gives the output of --workers 1, byte for byte', () => {
  const out = join(dir, 'out');

  it.each(['text', 'json', 'junit'])('on a share of the matrix (--format %s), with its counterexample files and journal', async (format) => {
    const argv = ['matrix', '--num-runs=1', '--shard=3/16', `--format=${format}`, `--out=${out}`];
    const one = await outputs(1, out, ...argv);
    expect(one.files.some(([name]) => name.endsWith('.json'))).toBe(true);
    expect(await outputs(2, out, ...argv)).toEqual(one);
  });

  it.each(['text', 'junit', 'github'])('on the catalogue (--format %s)', async (format) => {
    const argv = ['catalogue', `--format=${format}`];
    const io = [memoryIo(), memoryIo()];
    const status = [await main([...argv, '--workers=1'], io[0]!), await main([...argv, '--workers=2'], io[1]!)];
    expect(status).toEqual([0, 0]);
    expect(io[1]!.stdout).toEqual(io[0]!.stdout);
  });

  it('on run of several files, passing, failing and broken, with --out', async () => {
    const litmus = join(packageRoot(), 'litmus');
    const failing = join(dir, 'fail.litmus');
    writeFileSync(failing, 'daxcheck fail\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\nobserve x = d[0:8]\nforall at end: x=0x2a\n');
    const broken = join(dir, 'broken.litmus');
    writeFileSync(broken, 'daxcheck broken\nprogram\n  stor m[0] 1\n');
    const files = [failing, ...readdirSync(join(litmus, 'cpu')).filter((f) => f.endsWith('.litmus')).slice(0, 6).map((f) => join(litmus, 'cpu', f)), broken, failing];
    for (const format of ['text', 'json']) {
      const one = await outputs(1, out, 'run', `--format=${format}`, `--out=${out}`, ...files);
      expect([one.status, one.files.length]).toEqual([2, 1]);
      expect(await outputs(2, out, 'run', `--format=${format}`, `--out=${out}`, ...files)).toEqual(one);
    }
  });
});

describe('an internal error in a worker thread', () => {
  const io = memoryIo();
  const units = ['a', 'b', 'c'].map((file) => ({ kind: 'run' as const, file }));
  const script = fileURLToPath(new URL('./throwing-worker.mjs', import.meta.url));

  it('comes back as the one-line internal error the command prints (exit 3), and the pool is torn down', async () => {
    const error = asUserError(await inOrder(units, { reporter: textReporter, io, limits: new RunLimits() }, { workers: 2, format: 'text', script }, () => undefined).catch((e: unknown) => e));
    expect([errorStatus(error), error.message]).toEqual([3, 'internal error, please report it with this file: TypeError: boom']);
  });

  it('thrown by a unit inside the worker, comes back as data with its message and stack', () => {
    const outcome = work({ unit: { kind: 'cell', cell: 'no/such/cell', alike: [], seed: 1, numRuns: 1, out: dir }, format: 'text', limits: { options: {} } });
    if (!('failed' in outcome)) throw new Error('expected a failure');
    const error = errorOf(outcome.failed);
    expect([errorStatus(error), error.message]).toEqual([3, 'internal error, please report it with this file: Error: no cell no/such/cell']);
    expect((error.cause as Error).stack).toContain('checkCellUnit');
  });
});
