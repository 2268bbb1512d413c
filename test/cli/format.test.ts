import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { runRun } from '../../cli/run.js';
import type { Reporter, ReportEvent } from '../../report/events.js';
import { lineReporter } from '../../report/line-reporter.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-format-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const passing = write('pass.litmus', 'daxcheck pass\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  store m[0] 0x2a\n  clflush m[0]\nobserve x = d[0:8]\nforall at end: x=0x2a\n');
const broken = write('broken.litmus', 'daxcheck broken\nprogram\n  stor m[0] 1\n');
const cx = join(packageRoot(), 'counterexamples', 'corpus', 'devdax.adr.none.durability.json');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout, err: io.stderr };
};
const json = (lines: readonly string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('--format, shared by every command', () => {
  it('--json is --format json', async () => {
    expect(await run('run', '--format', 'json', passing, broken)).toEqual((await run('run', '--json', passing, broken)));
  });

  it('replay and show write one JSON object per file, errors included, with the same exit status', async () => {
    const replayed = await run('replay', '--format', 'json', cx, broken);
    expect(replayed.status).toBe(2);
    expect(json(replayed.out)).toMatchObject([{ reproduces: true, reason: null }, { verdict: 'error', error: { line: null } }]);
    const shown = await run('show', '--format', 'json', cx);
    expect(json(shown.out)[0]).toMatchObject({ story: { property: 'durability' } });
  });

  it('the catalogue ends with its totals as JSON', async () => {
    const cat = mkdtempSync(join(tmpdir(), 'daxcheck-format-cat-'));
    writeFileSync(join(cat, 'pass.litmus'), 'daxcheck pass\nprogram\n  sfence\n');
    const r = await run('catalogue', '--format', 'json', cat);
    expect(json(r.out)).toMatchObject([{ test: 'pass.litmus', status: 'NO-GOLDEN' }, { total: 1, counts: { 'NO-GOLDEN': 1 } }]);
  });

  it('refuses an unknown format, listing the known ones', async () => {
    const r = await run('run', '--format', 'xml', passing);
    expect(r.status).toBe(2);
    expect(r.err.join('\n')).toMatch(/--format.*'xml'.*text, json/);
  });

  it('hands every event to the reporter, so a new format is one reporter', async () => {
    const seen: ReportEvent['kind'][] = [];
    const counting: Reporter = lineReporter({ write: (event) => void seen.push(event.kind) });
    expect(await runRun([passing, broken], counting, memoryIo())).toBe(2);
    expect(seen).toEqual(['test', 'test']);
  });
});
