import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { memoryIo } from '../helpers.js';
import { buildCheckers, buildHashmapChecker, TRACE_FIXTURES as FIXTURES } from '../../bench/trace-checkers.js';

const F = FIXTURES;
const bin = mkdtempSync(join(tmpdir(), 'daxcheck-trace-test-'));

beforeAll(() => buildCheckers(bin));

async function trace(name: string, ...args: string[]) {
  const io = memoryIo();
  const image = join(F, 'images', `${name.replace('.dedup', '')}.pre${name.startsWith('hashmap') ? '.gz' : ''}`);
  const status = await main(['trace', join(F, 'logs', `${name}.log`), '--image', image, ...args], io);
  const count = (word: string) => Number(new RegExp(`${word} (\\d+)`).exec(io.stdout.join('\n'))?.[1]);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n'), distinct: count('distinct (?:images|views of the lines read)'), calls: count('checker calls') };
}

const FLAG = { flag_good: 0, flag_bad_order: 1, flag_unflushed: 1, flag_one_persist: 1, nt_good: 0, nt_nodrain: 0 } as const;
const dataLength = (name: string) => (name.startsWith('nt') ? 128 : 32);

describe('daxcheck trace on the provided logs', () => {
  it.each(Object.entries(FLAG))('%s with the checker program: exit %i, one call per distinct image', async (name, expected) => {
    const run = await trace(name, '--checker', `${join(bin, 'flag_check')} ${dataLength(name)}`);
    expect(run.status, run.out + run.err).toBe(expected);
    expect(run.calls).toBe(run.distinct);
  });

  it.each(Object.entries(FLAG))('%s with the in-process check module: exit %i', async (name, expected) => {
    const module = join(F, dataLength(name) === 128 ? 'flag_check_128.mjs' : 'flag_check.mjs');
    expect((await trace(name, '--check-module', module)).status).toBe(expected);
  });

  it('finds the flag that only eviction persists, naming its line of source and how it got there', async () => {
    const { out } = await trace('flag_unflushed', '--checker', `${join(bin, 'flag_check')} 32`);
    expect(out).toContain('main (flag_unflushed.c:11) by eviction');
    expect(out).toMatch(/not persisted \(4\):\n(.*main \(flag_unflushed\.c:10\)\n?){4}/);
  });

  it('finds the flag persisted by the one flush that covers both lines before the data (hand-made log; pmreorder NoReorderDoCheck and ReorderAccumulative miss it)', async () => {
    const { out } = await trace('flag_one_persist', '--checker', `${join(bin, 'flag_check')} 32`);
    expect(out).toContain('record 7: STORE 8 bytes at 0x5200000 at main (flag_one_persist.c:11) by its flush, not yet fenced');
    expect(out).toMatch(/not persisted \(4\):\n(.*main \(flag_one_persist\.c:10\)\n?){4}/);
  });

  it('on eADR the unflushed flag cannot persist before the data: the store buffer drains in order', async () => {
    expect((await trace('flag_unflushed', '--platform', 'eadr', '--check-module', join(F, 'flag_check.mjs'))).status).toBe(0);
  });

  it('an in-process checker is asked only about the lines it reads', async () => {
    const program = await trace('nt_good', '--checker', `${join(bin, 'flag_check')} 128`);
    const module = await trace('nt_good', '--check-module', join(F, 'flag_check_128.mjs'));
    expect(module.calls).toBeLessThan(program.calls / 10);
  });

  it("runs hashmap_tx_insert's own libpmemobj checker once per distinct image, whatever the crash states (counted by a wrapper): no false alarm", async () => {
    buildHashmapChecker(bin);
    const counter = join(bin, 'counted.sh');
    const tally = join(bin, 'tally');
    writeFileSync(tally, '');
    // The pool held keys 1, 2, 3 before the run, which inserted 10 then 20 (test/trace/fixtures/README.md).
    writeFileSync(counter, `#!/bin/sh\necho x >> ${tally}\nexec ${join(bin, 'hashmap_check')} 1,2,3 10,20 "$@"\n`, { mode: 0o755 });
    const run = await trace('hashmap_tx_insert', '--checker', counter);
    const ran = readFileSync(tally, 'utf8').split('\n').filter(Boolean).length;
    expect(run.status, run.out).toBe(0);
    expect(ran).toBe(run.distinct);
    expect(run.calls).toBe(run.distinct);
    expect(run.distinct).toBeLessThan(Number(/crash states (\d+)/.exec(run.out)![1]));
  }, 180_000);

  it('covers simple_copy within the budget and says which crash points were bounded', async () => {
    const run = await trace('simple_copy', '--checker', join(bin, 'true_check'));
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/\d+ exhaustive, [1-9]\d* bounded, 0 truncated/);
    expect(run.out).toMatch(/bounded at records \d+/);
  }, 60_000);

  it('hands PMREORDER_MARKERS to the checker', async () => {
    const checker = join(bin, 'markers.sh');
    writeFileSync(checker, '#!/bin/sh\ncase "$PMREORDER_MARKERS" in *pmem_memcpy_persist*) echo "markers $PMREORDER_MARKERS" >&2; exit 1;; esac\nexit 0\n', { mode: 0o755 });
    const run = await trace('flag_good', '--checker', checker);
    expect(run.status).toBe(1);
    expect(run.out).toContain('the checker said: markers pmem_memcpy_persist');
  });

  it.each([
    ['a malformed record', ['START|STORE;0x1|STOP'], /bad\.log:2: STORE takes the form/],
    ['no checker', [], /trace needs one checker/],
    ['a missing image', ['START|REGISTER_FILE;/nonexistent/pool;0x1000;0x1000;0x0|STOP'], /the pre-run image \/nonexistent\/pool cannot be read \(ENOENT\)/],
  ])('exits 2 on %s, in one line', async (_, [text], message) => {
    const log = join(bin, 'bad.log');
    writeFileSync(log, text ?? 'START|STOP');
    const io = memoryIo();
    const args = text === undefined ? [] : ['--checker', join(bin, 'true_check')];
    expect(await main(['trace', log, ...args], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it("takes pmreorder's marker configuration, as a string or a JSON file: a NoReorderNoCheck region has no crash points", async () => {
    const all = await trace('flag_good', '--checker', join(bin, 'true_check'));
    const config = join(bin, 'markers.json');
    writeFileSync(config, JSON.stringify({ pmem_memcpy_persist: 'NoReorderNoCheck' }));
    for (const markers of ['pmem_memcpy_persist=NoReorderNoCheck', config]) {
      const run = await trace('flag_good', '--checker', join(bin, 'true_check'), '--markers', markers);
      expect(run.out).toMatch(/^crash points 84, explored 2/m);
    }
    expect(all.out).toMatch(/^crash points 88, explored 3/m);
    const other = await trace('flag_good', '--checker', join(bin, 'true_check'), '--markers', 'pmem_memcpy_persist=ReorderFull');
    expect(other.out).toMatch(/^crash points 88, explored 3/m);
    const bad = await trace('flag_good', '--checker', join(bin, 'true_check'), '--markers', 'pmem_memcpy_persist=Bogus');
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("unknown engine 'Bogus'");
  });

  it('a check module may take the image apart: ({ read, files, markers })', async () => {
    const module = join(mkdtempSync(join(tmpdir(), 'daxcheck-trace-module-')), 'parts.mjs');
    writeFileSync(module, "export default ({ read, files, markers }) => Array.isArray(markers) && files[0].size === 4096 && (read(0, 8)[0] === 0 || read(64, 1)[0] === 0x70 && read(95, 1)[0] === 0x21) || 'flag before data';\n");
    expect((await trace('flag_good', '--check-module', module)).status).toBe(0);
    expect((await trace('flag_bad_order', '--check-module', module)).status).toBe(1);
  });

  it('a signal stops the reading of a long log: what was checked is reported, the rest is said not read, and the status is the signal\'s', async () => {
    // 3000 iterations of store, flush, fence: 9000 records after START and REGISTER_FILE.
    const log = join(bin, 'long.log');
    const image = join(bin, 'long.pre');
    writeFileSync(image, Buffer.alloc(4096));
    writeFileSync(log, `START|REGISTER_FILE;${image};0x10000;0x1000;0x0|${'STORE;0x10000;0x1;0x8|FLUSH;0x10000;0x40|FENCE|'.repeat(3000)}STOP`);
    const stopped = { ...memoryIo(), stopRequested: () => 'SIGINT' as const };
    expect(await main(['trace', log, '--checker', join(bin, 'true_check')], stopped)).toBe(130);
    expect(stopped.stdout).toContain('records 4096, stores 1365');
    expect(stopped.stdout).toContain('stopped by SIGINT after record 4096: the rest of the log was not read, and its crash points are not checked');
    const whole = memoryIo();
    expect(await main(['trace', log, '--checker', join(bin, 'true_check')], whole)).toBe(0);
    expect(whole.stdout).toContain('records 9003, stores 3000');
    expect(whole.stdout.join('\n')).not.toContain('stopped');
  });

  it('a checker that cannot run is bad input, not a verdict', async () => {
    const run = await trace('flag_good', '--checker', join(bin, 'no-such-checker'));
    expect(run.status).toBe(2);
    expect(run.err).toContain('cannot run');
  });
});
