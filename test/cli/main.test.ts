import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { perFile } from '../../cli/per-file.js';
import { textReporter } from '../../report/text-reporter.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const passing = write('pass.litmus', 'daxcheck pass\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\n  clflush m[0]\nobserve x = d[0:8]\nforall at end: x=0x2a\n');
const failing = write('fail.litmus', 'daxcheck fail\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\nobserve x = d[0:8]\nforall at end: x=0x2a\n');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('daxcheck run', () => {
  it('exits 0 when every expectation holds, 1 when one fails', async () => {
    expect((await run('run', passing)).status).toBe(0);
    const r = await run('run', passing, failing);
    expect(r.status).toBe(1);
    expect(r.out).toContain('counterexample: crash after line 5 (store m[0] 0x2a)');
  });
  it('gives byte-identical reports for the same input', async () => {
    expect((await run('run', passing, failing)).out).toBe((await run('run', passing, failing)).out);
  });
  it('prints one JSON object per test with the fields of DESIGN section 2', async () => {
    const lines = (await run('run', '--json', passing, failing)).out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.verdict)).toEqual(['pass', 'fail']);
    for (const key of ['name', 'verdict', 'expectations', 'outcomes', 'stats', 'error']) expect(lines[0]).toHaveProperty(key);
    expect((lines[1]!.expectations as { counterexample: unknown }[])[0]!.counterexample).toMatchObject({ observed: { x: '0' } });
  });
  it.each([
    ['a malformed file', 'daxcheck bad\nprogram\n  stor m[0] 1\n', /bad\.litmus:3:3: .*stor/],
    ['an unknown configuration value', 'daxcheck bad\nconfig platform=nvdimm\nprogram\n', /bad\.litmus:2:8: unknown value 'nvdimm' for platform/],
    ['an unknown mapping name', 'daxcheck bad\ndevice d size=4K align=4K\nprogram\n  store m[0] 0x1\n', /bad\.litmus:4:3: unknown mapping 'm'/],
    ['an unknown mapping flag', 'daxcheck bad\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHRED\n', /bad\.litmus:4:\d+: .*MAP_SHRED/],
  ])('reports %s on one line with file, line and column, and exits 2', async (_what, text, pattern) => {
    const r = await run('run', write('bad.litmus', text));
    expect(r.status).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err.split('\n')).toHaveLength(1);
  });
  it('reports an error in JSON with its position', async () => {
    const r = await run('run', '--json', write('bad.litmus', 'daxcheck bad\nconfig platform=nvdimm\nprogram\n'));
    expect(JSON.parse(r.out)).toMatchObject({ verdict: 'error', error: { line: 2, column: 8 } });
  });
  it('refuses an unknown option with exit 2', async () => {
    const r = await run('run', '--bogus', passing);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/daxcheck: error: unknown option '--bogus'/);
  });
});

describe('daxcheck promote and catalogue', () => {
  it('writes the golden beside the test, which the catalogue then accepts', async () => {
    const cat = mkdtempSync(join(tmpdir(), 'daxcheck-cat-'));
    const file = join(cat, 'pass.litmus');
    writeFileSync(file, readFileSync(passing));
    expect((await run('catalogue', cat)).out).toContain('NO-GOLDEN');
    expect((await run('promote', file)).status).toBe(0);
    expect(readFileSync(join(cat, 'pass.expected'), 'utf8')).toBe((await run('run', file)).out + '\n');
    const r = await run('catalogue', cat);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/1 tests: 1 ok$/);
  });
  it('refuses to promote nothing: it needs litmus files or --matrix', async () => {
    const r = await run('promote');
    expect([r.status, r.err]).toEqual([2, 'daxcheck: promote needs litmus files or --matrix']);
  });
});

describe('the installed bin', () => {
  it('runs from dist/ as npm installs it', () => {
    const r = spawnSync('node', ['dist/cli/main.js', 'run', failing], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Verdict fail');
  });
});

describe('exit statuses, help and errors, the same for every command', () => {
  it('--version prints the package version; --help exits 0 and lists the exit statuses; no command is exit 2', async () => {
    const version = await run('--version');
    expect([version.status, version.out]).toEqual([0, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version]);
    const help = await run('--help');
    expect(help.status).toBe(0);
    expect(help.out).toMatch(/Exit status[\s\S]*3 {4}an internal error/);
    const bare = await run();
    expect(bare.status).toBe(2);
    expect(bare.err).toContain('Usage: daxcheck');
  });
  it.each([
    ['a missing folder', () => join(dir, 'nosuch'), /nosuch: no such folder$/],
    ['a file', () => passing, /pass\.litmus: not a folder/],
    ['a folder without tests', () => mkdtempSync(join(tmpdir(), 'daxcheck-empty-')), /no \.litmus tests in this folder$/],
  ])('catalogue of %s is a one-line error with exit 2', async (_what, path, pattern) => {
    const r = await run('catalogue', path());
    expect(r.status).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err.split('\n')).toHaveLength(1);
  });
  it('an internal error is one line with exit 3, never a verdict', async () => {
    const io = memoryIo();
    const status = await perFile(['x.litmus', 'y.litmus'], textReporter, io, (file) => {
      if (file === 'x.litmus') throw new TypeError('boom');
      return 1;
    });
    expect(status).toBe(3);
    expect(io.stderr).toEqual(['x.litmus: internal error, please report it with this file: TypeError: boom']);
  });
});

describe('a litmus file with a byte-order mark', () => {
  it('runs as the same file without one', async () => {
    const bom = write('bom.litmus', `\uFEFF${readFileSync(passing, 'utf8')}`);
    expect((await run('run', bom)).status).toBe(0);
  });
});
