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

describe('daxcheck fix', () => {
  it('prints the fix of a counterexample as a diff, where it was verified, and the cheaper candidates rejected', async () => {
    const r = await run('fix', join(corpus, 'fsdax-shared.adr.flush+fence.durability.json'));
    expect(r.status).toBe(0);
    expect(r.out).toContain('fix: add `msync m0 0 4K MS_SYNC` after line 8 (cost 4)');
    expect(r.out).toMatch(/@@ -7,4 \+7,5 @@\n   clwb m0\[0\]\n   sfence\n\+  msync m0 0 4K MS_SYNC\n   ack0:/);
    expect(r.out).toMatch(/verified at \d+ crash points, \d+ crash states/);
    expect(r.out).toContain('add `sfence` after line 8 (cost 1): still fails forall after ack0: w0=0x41: crash after the added `sfence`, journal: 0 of 1 uncommitted handles committed');
    expect((await run('fix', join(corpus, 'fsdax-shared.adr.flush+fence.durability.json'))).out).toBe(r.out);
  });

  it('fixes the failure a catalogue test witnesses', async () => {
    const r = await run('fix', join(packageRoot(), 'litmus', 'cpu', 'adr-store+clwb.litmus'));
    expect(r.status).toBe(0);
    expect(r.out).toContain('(the outcome the header says can happen, made impossible)');
    expect(r.out).toContain('\n+  sfence\n');
  });

  it('exits 1 when no fix within the bound exists, saying the bound, and caps the rejected candidates', async () => {
    const r = await run('fix', '--max-size', '1', join(corpus, 'private.adr.msync.durability.json'));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/no fix of at most 1 edit within the bound \(\d+ candidates tried\)/);
    expect(r.out).toMatch(/\n  and \d+ more$/);
  });

  it('exits 2 on bad input: a missing file, a malformed test, a bad --max-size', async () => {
    expect(await run('fix', 'no-such.litmus')).toMatchObject({ status: 2, err: expect.stringContaining('no-such.litmus') });
    expect((await run('fix', join(packageRoot(), 'package.json'))).status).toBe(2);
    expect((await run('fix', '--max-size', '0', join(corpus, 'private.adr.none.durability.json'))).status).toBe(2);
  });
});
