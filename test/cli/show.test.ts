import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('daxcheck show', () => {
  it('explains an fsdax loss on one screen: program, crash, persisted state, bytes, why', async () => {
    const r = await run('show', join(corpus, 'fsdax-shared.adr.flush+fence.durability.json'));
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/program\n(.*\n)*     8  sfence\n     9  ack0:\n  >>> crash after line 9 \(ack0:\)\n/);
    expect(r.out).toContain('journal handle of line 6 (store m0[0] 0x41*1): not committed');
    expect(r.out).toMatch(/recovered 0 +expected 0x41 +<- differs/);
    expect(r.out).toContain('the block allocated by the write fault at line 6');
    expect(r.out).toMatch(/\nfix\n  add `msync m0 0 4K MS_SYNC` after line 8: verified at \d+ crash points, \d+ crash states$/);
    expect(r.out.split('\n').length).toBeLessThanOrEqual(30);
  });
  it.each([
    ['pagecache-shared.adr.flush+fence.durability.json', /was only in the page cache/],
    ['devdax.adr.fence.durability.json', /was still in the CPU cache/],
    ['devdax.eadr.none.durability.json', /was still in the store buffer/],
    ['private.adr.msync.durability.json', /MAP_PRIVATE copy/],
  ])('says why %s lost its data', async (file, why) => {
    expect((await run('show', join(corpus, file))).out).toMatch(why);
  });
  it('prints a litmus test that a catalogue can take, and that passes', async () => {
    const r = await run('show', '--litmus', join(corpus, 'fsdax-shared.adr.flush+fence.durability.json'));
    expect(r.out).toMatch(/^daxcheck cx-fsdax-shared\.adr\.flush\+fence\.durability\n\(\* Result: Sometimes\./);
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-show-'));
    const file = join(dir, 'cx.litmus');
    writeFileSync(file, `${r.out}\n`);
    const checked = await run('run', file);
    expect(checked.status).toBe(0);
    expect(checked.out).toContain('Result: Sometimes Ok');
  });
  it('refuses a bad file with exit 2 and the field at fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-show-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"schema": "daxcheck-counterexample", "version": 1}');
    const r = await run('show', file);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/bad\.json: field 'name': expected a string/);
  });
});
