import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunLimits } from '../../cli/limits.js';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { checkProgress, traceProgress } from '../../cli/progress.js';
import { runRun } from '../../cli/run.js';
import { textReporter } from '../../report/text-reporter.js';
import { memoryIo } from '../helpers.js';

const lazy = join(packageRoot(), 'litmus', 'cpu', 'adr-lazy-16stores-8lines.litmus');
const dir = mkdtempSync(join(tmpdir(), 'daxcheck-limits-'));
const failing = join(dir, 'fail.litmus');
writeFileSync(failing, 'daxcheck fail\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\nobserve x = d[0:8]\nforall x=0x2a\n');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('--max-evaluations, --max-states and --timeout', () => {
  it('stop a run cleanly with a partial report naming the limit, exit 2', async () => {
    const evaluations = await run('run', '--max-evaluations=5', lazy);
    expect(evaluations.status).toBe(2);
    expect(evaluations.out).toContain('Crash points 18, crash states 8, evaluations 5\nStopped at --max-evaluations=5 after 3 of 18 crash points: the result covers only those\nVerdict incomplete');
    const states = await run('run', '--max-states=100', '--format=json', lazy);
    expect(states.status).toBe(2);
    expect(JSON.parse(states.out)).toMatchObject({ verdict: 'incomplete', stopped: { limit: 'max-states', value: '100', explored: 7, points: 18 } });
  });

  it('keep a failure found before the stop: a counterexample is conclusive', async () => {
    const r = await run('run', '--max-evaluations=1', failing);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/Stopped at --max-evaluations=1[\s\S]*Verdict fail/);
  });

  it('change nothing when the test fits in them', async () => {
    expect((await run('run', '--max-evaluations=100000', '--max-states=100000000', '--timeout=600', lazy)).out).toBe((await run('run', lazy)).out);
  });

  it('--timeout stops the check in progress and the files after it', async () => {
    let now = 0;
    const limits = new RunLimits({ timeout: 1 }, () => (now += 100));
    const io = memoryIo();
    expect(await runRun([lazy, lazy], textReporter, io, limits)).toBe(2);
    expect(io.stdout.join('\n')).toMatch(/Stopped at --timeout=1 after \d+ of 18 crash points[\s\S]*\nstopped by --timeout=1: 1 of 2 files done, 1 not$/);
  });

  it('stop the matrix with the cells done and a way to go on', async () => {
    const r = await run('matrix', '--max-evaluations=3', '--num-runs=2', `--out=${join(dir, 'out')}`);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/\nstopped by --max-evaluations=3 \(cell pagecache-shared\/adr\/none: a workload stopped after 2 of 3 crash points\): 0 of 800 cells done, 800 not; continue with: daxcheck matrix --resume/);
  });

  it('refuse values below 1', async () => {
    const r = await run('run', '--max-evaluations=0', lazy);
    expect([r.status, r.err]).toEqual([2, "daxcheck: error: option '--max-evaluations <n>' argument '0' is invalid. --max-evaluations takes a whole number of at least 1, not '0'"]);
  });
});

describe('progress of a long check', () => {
  const progressOf = (interactive: boolean, times: number[]) => {
    const lines: string[] = [];
    const io = { ...memoryIo(), interactive, status: (l: string) => void lines.push(l) };
    let t = 0;
    const clock = () => times[Math.min(t++, times.length - 1)]!;
    const p = checkProgress(io, 'f.litmus', clock);
    for (let i = 1; i < times.length; i++) p.update({ explored: i, points: times.length - 1, evaluations: i * 10 });
    return lines;
  };
  it('on a terminal: nothing in the first second, then a line at most every 200 ms with points, evaluations and rate', () => {
    expect(progressOf(true, [0, 500, 1000, 1100, 1300])).toEqual(['f.litmus: crash point 2 of 4, 20 evaluations, 20/s', 'f.litmus: crash point 4 of 4, 40 evaluations, 31/s']);
  });
  it('elsewhere: a plain line every 10 s', () => {
    expect(progressOf(false, [0, 5000, 10_000, 15_000, 20_000])).toEqual(['f.litmus: crash point 2 of 4, 20 evaluations, 2/s', 'f.litmus: crash point 4 of 4, 40 evaluations, 2/s']);
  });
  it('of a trace: records and their rate, crash points explored, checker calls, distinct images, on the same clock', () => {
    const lines: string[] = [];
    const io = { ...memoryIo(), interactive: true, status: (l: string) => void lines.push(l) };
    const times = [0, 500, 2000, 2100];
    let t = 0;
    const p = traceProgress(io, 'run.log', () => times[Math.min(t++, times.length - 1)]!);
    for (let i = 1; i < times.length; i++) p.update({ records: i * 4096, explored: i, checkerCalls: 2 * i, distinct: i });
    expect(lines).toEqual(['run.log: record 8192 (4096/s), crash points explored 2, checker calls 4, distinct 2']);
  });
});
