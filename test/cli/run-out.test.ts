import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-run-out-'));
const catalogue = (path: string) => readFileSync(join(packageRoot(), 'litmus', path), 'utf8');
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = async (...argv: string[]) => {
  const io = memoryIo();
  return { status: await main(argv, io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

/** The catalogue's store without its clwb: its forall (e0) and a ~exists (e2) fail with a crash state, an exists (e3) fails without one. */
const lost = write(
  'lost.litmus',
  catalogue('cpu/adr-store+clwb+sfence.litmus')
    .replace(/^daxcheck \S+/, 'daxcheck adr-store+sfence')
    .replace(/^ {2}clwb m\[0\]\n/m, '')
    .replace(/\n*$/, '\n~exists after done: x=0\nexists x=0x99\n'),
);
/** The catalogue's unsafe pin without its header's `Safety: no-stale-data fails`, under a name a file cannot have. */
const stale = write('stale.litmus', catalogue('fsdax/ext4dax-pin-unsafe-truncate+dma.litmus').replace(/^daxcheck \S+/, 'daxcheck pin/unsafe').replace(' Safety: no-stale-data fails.', ''));
const passing = join(packageRoot(), 'litmus', 'cpu', 'adr-store+clwb+sfence.litmus');
const WRITTEN = ['adr-store+sfence.e0.json', 'adr-store+sfence.e2.json', 'pin_unsafe.no-stale-data.json'];

describe('daxcheck run --out', () => {
  const out = join(dir, 'text', 'missing-parent');
  const ran = run('run', lost, stale, '--out', out);

  it('writes a counterexample for each failing forall and ~exists and each unclaimed safety violation, into a folder it makes', async () => {
    const r = await ran;
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(WRITTEN);
    for (const name of WRITTEN) expect(r.out).toContain(`wrote ${join(out, name)} (counterexample of `);
    expect(r.err).toBe(`${lost}: no counterexample file for 'exists x=0x99': an exists that fails has no crash state to show`);
  });

  it.each(WRITTEN)('%s is a counterexample that show, replay and report accept', async (name) => {
    await ran;
    const file = join(out, name);
    const cx = JSON.parse(readFileSync(file, 'utf8')) as { name: string; cell: unknown; fastCheck: unknown };
    expect([`${cx.name}.json`, cx.cell, cx.fastCheck]).toEqual([name, null, null]);
    expect((await run('show', file)).status).toBe(0);
    const replayed = await run('replay', file);
    expect([replayed.status, replayed.out]).toEqual([0, expect.stringMatching(/^reproduces /)]);
    const html = join(dir, `${name}.html`);
    expect((await run('report', file, '--html', html)).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain(cx.name);
  });

  it('shows as a litmus test the expectation the file names, not the first forall or ~exists of the program', async () => {
    await ran;
    const r = await run('show', '--litmus', join(out, 'adr-store+sfence.e2.json'));
    expect(r.out).toMatch(/\nexists after done: x=0\n?$/);
  });

  it.each(['json', 'junit', 'github'])('writes the same files with --format %s', async (format) => {
    await ran;
    const other = join(dir, format);
    expect((await run('run', lost, stale, '--out', other, `--format=${format}`)).status).toBe(1);
    expect(readdirSync(other).sort()).toEqual(WRITTEN);
    for (const name of WRITTEN) expect(readFileSync(join(other, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
  });

  it('writes nothing for a test that passes', async () => {
    const empty = join(dir, 'passing');
    const r = await run('run', passing, '--out', empty);
    expect([r.status, r.err]).toEqual([0, '']);
    expect(r.out).not.toContain('wrote');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses an --out that is a file, before checking anything', async () => {
    const r = await run('run', lost, '--out', lost);
    expect([r.status, r.out, r.err]).toEqual([2, '', `daxcheck: --out ${lost}: not a folder`]);
  });
});
