import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { memoryIo } from '../helpers.js';
import { TRACE_FIXTURES as F } from '../../bench/trace-checkers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-trace-expect-'));

async function run(args: readonly string[]) {
  const io = memoryIo();
  const status = await main([...args], io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** `daxcheck trace` of provided log `name` against the expectation file holding `text`. */
async function traceExpecting(name: string, text: string, ...more: string[]) {
  const file = join(dir, `${name}.expect`);
  writeFileSync(file, text);
  return run(['trace', join(F, 'logs', `${name}.log`), '--image', join(F, 'images', `${name}.pre`), '--expect', file, ...more]);
}

/** checkers/flag_check.c's condition (32 data bytes) over the pool of log `name`. */
const flagCheck = (name: string) =>
  `observe flag = ${name}.pool[0:8]\n\nobserve data = ${name}.pool[64:32] as str\nforall flag=0 \\/ flag=0x56414c4944 /\\ data="persistent memory says hello!!!!"\n`;

describe('daxcheck trace --expect', () => {
  it('passes when every crash image meets the expectation (flag_good)', async () => {
    const good = await traceExpecting('flag_good', flagCheck('flag_good'));
    expect(good.status, good.out + good.err).toBe(0);
    expect(good.out).toContain('Consistent: every crash image checked is consistent');
  });

  it('fails with the expectation and the values it read, and the counterexample replays (flag_unflushed)', async () => {
    const out = join(dir, 'cx');
    const bad = await traceExpecting('flag_unflushed', flagCheck('flag_unflushed'), '--out', out);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('the checker said: forall flag=0 \\/ flag=0x56414c4944 /\\ data="persistent memory says hello!!!!" fails: flag=0x56414c4944, data="\\u0000');
    expect(bad.out).toContain('record 88: STORE 8 bytes at 0x5200000 at main (flag_unflushed.c:11) by eviction');
    const replayed = await run(['replay', join(out, readdirSync(out).sort()[0]!)]);
    expect(replayed.status, replayed.out + replayed.err).toBe(0);
  });

  it('reads an observation only when a condition needs it: with the flag clear, the data is never read', async () => {
    const lazy = await traceExpecting('flag_good', 'observe flag = flag_good.pool[0:8]\nobserve data = flag_good.pool[64:8]\n~exists ~flag=0 /\\ data=0\n');
    const eager = await traceExpecting('flag_good', 'observe flag = flag_good.pool[0:8]\nobserve data = flag_good.pool[64:8]\n~exists data=0 /\\ ~flag=0\n');
    const views = (out: string) => Number(/distinct views of the lines read (\d+)/.exec(out)?.[1]);
    expect([lazy.status, eager.status]).toEqual([0, 0]);
    expect(views(lazy.out)).toBeLessThan(views(eager.out));
  });

  it.each([
    ['exists', 'observe x = flag_good.pool[0:8]\nexists x=0\n', /flag_good\.expect:2:1: trace --expect checks every crash image/],
    ['a scope', 'observe x = flag_good.pool[0:8]\nforall at end: x=0\n', /flag_good\.expect:2:1: trace --expect checks every crash image/],
    ['an unknown observation', 'observe x = flag_good.pool[0:8]\nforall y=0\n', /flag_good\.expect:2:8: unknown observation 'y'/],
    ['a string compared with an integer', 'observe x = flag_good.pool[0:8] as str\nforall x=0\n', /flag_good\.expect:2:8: /],
    ['an unknown file', 'observe x = pool[0:8]\nforall x=0\n', /flag_good\.expect:1:1: unknown file 'pool' \(the registered files are flag_good\.pool\)/],
  ])('refuses %s in one line, exit 2', async (_, text, message) => {
    const refused = await traceExpecting('flag_good', text);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(message);
  });
});
