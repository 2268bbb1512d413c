import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { TRACE_SCHEMA_FILE } from '../../report/counterexample-schema.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';
import { buildCheckers, TRACE_FIXTURES as FIXTURES } from '../../bench/trace-checkers.js';

const bin = mkdtempSync(join(tmpdir(), 'daxcheck-trace-cx-'));
const work = mkdtempSync(join(tmpdir(), 'daxcheck-trace-cx-work-'));

beforeAll(() => {
  buildCheckers(bin);
  cpSync(join(FIXTURES, 'logs', 'flag_unflushed.log'), join(work, 'flag_unflushed.log'));
});

async function run(...args: string[]) {
  const io = memoryIo();
  const status = await main(args, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Writes flag_unflushed's counterexamples with `checker` into a fresh folder; returns the folder and the files. */
async function written(checker: string[]): Promise<{ out: string; files: string[] }> {
  const out = mkdtempSync(join(work, 'out-'));
  const traced = await run('trace', join(work, 'flag_unflushed.log'), '--image', join(FIXTURES, 'images/flag_unflushed.pre'), ...checker, '--out', out);
  expect(traced.status).toBe(1);
  const files = readdirSync(out).map((f) => join(out, f));
  expect(traced.out).toContain(`wrote ${files[0]}`);
  return { out, files };
}

describe('daxcheck trace --out: counterexample files that replay and show', () => {
  it('writes one file per inconsistent image; each replays with the checker program and names the flag persisted by eviction', async () => {
    const { files } = await written(['--checker', `${join(bin, 'flag_check')} 32`]);
    expect(files.length).toBe(4);
    const replayed = await run('replay', ...files);
    expect(replayed.status, replayed.out + replayed.err).toBe(0);
    expect(replayed.out.split('\n').filter((l) => l.startsWith('reproduces ')).length).toBe(4);
    const shown = await run('show', files[0]!);
    expect(shown.status).toBe(0);
    expect(shown.out).toMatch(/persisted \(1\):\n {2}record 88: .*flag_unflushed\.c:11\) by eviction/);
  });

  it('shrinks the "not persisted" side to the one data store whose loss the checker sees', async () => {
    const { files } = await written(['--check-module', join(FIXTURES, 'flag_check.mjs')]);
    const cx = JSON.parse(readFileSync(files[0]!, 'utf8')) as { stores: { record: number; persisted: string }[]; checker: { module: string } };
    expect(cx.stores.filter((s) => s.persisted === 'no').map((s) => s.record)).toEqual([87]);
    expect(cx.stores.filter((s) => s.persisted === 'either').map((s) => s.record)).toEqual([84, 85, 86]);
    expect(cx.checker.module).not.toMatch(/^\//);
    expect((await run('replay', files[0]!)).status).toBe(0);
  });

  it('does not reproduce on another log, and says why', async () => {
    const { files } = await written(['--checker', `${join(bin, 'flag_check')} 32`]);
    const log = join(work, 'flag_unflushed.log');
    const original = readFileSync(log, 'utf8');
    try {
      writeFileSync(log, original.replace('STORE;0x5200000;0x56414c4944;0x8', 'STORE;0x5200000;0x0;0x8'));
      const replayed = await run('replay', files[0]!);
      expect(replayed.status).toBe(1);
      expect(replayed.out).toMatch(/does not reproduce .*: the log .* is not the one recorded/);
    } finally {
      writeFileSync(log, original);
    }
  });

  it('a file that breaks its schema is bad input, naming the field', async () => {
    const { files } = await written(['--checker', `${join(bin, 'flag_check')} 32`]);
    const cx = JSON.parse(readFileSync(files[0]!, 'utf8')) as Record<string, unknown>;
    writeFileSync(files[0]!, JSON.stringify({ ...cx, crashPoint: { record: 'ninety', at: 'fence', markers: [] } }));
    const replayed = await run('replay', files[0]!);
    expect(replayed.status).toBe(2);
    expect(replayed.err).toMatch(/crashPoint\.record/);
  });

  it('ships its schema in the package, and a written file has exactly the fields the schema names', async () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('counterexamples/trace-schema.json');
    const schema = JSON.parse(readFileSync(TRACE_SCHEMA_FILE, 'utf8')) as { properties: Record<string, unknown>; allOf: { properties: Record<string, unknown> }[] };
    const { files } = await written(['--checker', `${join(bin, 'flag_check')} 32`]);
    const fields = Object.keys(JSON.parse(readFileSync(files[0]!, 'utf8')) as object).sort();
    expect(fields).toEqual([...Object.keys(schema.properties), ...Object.keys(schema.allOf[0]!.properties)].sort());
  });
});
