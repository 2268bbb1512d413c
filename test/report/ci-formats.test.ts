import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { annotation } from '../../report/github-reporter.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-ci-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const passing = join(packageRoot(), 'litmus', 'cpu', 'adr-store+clwb+sfence.litmus');
const failing = write('fail.litmus', 'daxcheck fail<&>\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\nobserve x = d[0:8]\nforall at end: x=0x2a\n');
const broken = write('broken.litmus', 'daxcheck broken\nprogram\n  stor m[0] 1\n');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n') };
};

describe('--format junit', () => {
  it('writes one JUnit document with a test case per litmus test, and the same exit status', async () => {
    const r = await run('run', '--format=junit', passing, failing, broken);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="3" failures="1" errors="1" skipped="0">/);
    expect(r.out.match(/<testcase /g)).toHaveLength(3);
    expect(r.out).toContain('<failure message="No: forall at end: x=0x2a">');
    expect(r.out).toContain('Test fail&lt;&amp;&gt;');
    expect(r.out).toMatch(/<error message="[^"]*broken\.litmus:3:3: expected an operation/);
    expect(r.out).toMatch(/<\/testsuite>\n<\/testsuites>$/);
  });

  it('makes a matrix cell a test case: n/a skipped, a promised cell lost a failure', async () => {
    const r = await run('matrix', '--format=junit', '--cell=devdax/adr/msync', '--num-runs=2', `--out=${join(dir, 'out')}`);
    expect(r.out).toContain('<testcase name="devdax/adr/msync" classname="daxcheck"><skipped message="n/a: EINVAL"/></testcase>');
  });
});

describe('--format github', () => {
  it('adds an annotation on the line of each failure to the text report', async () => {
    const r = await run('run', '--format=github', passing, failing, broken);
    const annotations = r.out.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([
      `::error file=${failing},line=7,col=1,title=${failing}::No: forall at end: x=0x2a`,
      expect.stringMatching(new RegExp(`^::error file=${broken},line=3,col=3,title=.*::.*expected an operation`)),
    ]);
    expect(r.out).toContain('Verdict pass');
  });

  it('escapes what a workflow command cannot hold', () => {
    expect(annotation({ name: 'a,b:c', file: 'x', status: 'fail', message: '100%\nnext' })).toBe('::error file=x,title=a%2Cb%3Ac::100%25%0Anext');
    expect(annotation({ name: 'p', status: 'pass' })).toBeUndefined();
  });
});
