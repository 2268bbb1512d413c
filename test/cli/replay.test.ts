import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterexampleOf, serialize } from '../../report/counterexample.js';
import { main } from '../../cli/main.js';
import { checkCell } from '../../matrix/cell.js';
import { modeById } from '../../matrix/modes.js';
import { memoryIo } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-replay-'));
const result = checkCell({ mode: modeById('fsdax-shared')!, platform: 'adr', failure: 'host', recipe: 'flush+fence' }, { seed: 7, numRuns: 20 });
if (result.verdict !== 'lost') throw new Error('fsdax-shared/adr/flush+fence should lose data');
const original = JSON.parse(serialize(counterexampleOf(result))) as Record<string, unknown>;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const replay = async (path: string) => {
  const io = memoryIo();
  return { status: await main(['replay', path], io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('daxcheck replay', () => {
  it('reads a file that starts with a byte-order mark', async () => {
    const path = file('bom.json', `\uFEFF${JSON.stringify(original)}`);
    expect((await replay(path)).status).toBe(0);
  });
  it('exits 0 when the recorded violation reproduces', async () => {
    const r = await replay(file('ok.json', original));
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^reproduces /);
  });
  it('exits 1 when the recorded crash state no longer shows the violation', async () => {
    const r = await replay(file('other.json', { ...original, observed: { w0: '0x41' } }));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/does not reproduce .*w0 is now 0, not 0x41/);
  });
  it('exits 1 when the crash state does not cover a choice recovery makes', async () => {
    expect((await replay(file('state.json', { ...original, crashState: [] }))).status).toBe(1);
  });
  it.each([
    ['a truncated file', () => readFileSync(file('full.json', original), 'utf8').slice(0, 80), /not JSON \(truncated or corrupt\)/],
    ['an unknown version', () => ({ ...original, version: 9 }), /field 'version': unknown version 9/],
    ['a malformed field', () => ({ ...original, crashPoint: { index: -1, description: 'x' } }), /field 'crashPoint.index': expected a whole number/],
    ['a missing field', () => ({ ...original, program: undefined }), /field 'program': expected a string/],
    ['a field of a cell that is not a string', () => ({ ...original, cell: { mode: 1, platform: 'adr', recipe: 'none' } }), /field 'cell\.mode': expected a string$/],
    ['a configuration value that is not a string', () => ({ ...original, config: { fs: 4 } }), /field 'config\.fs': expected a string$/],
    ['a choice past the safe integers', () => ({ ...original, crashState: [{ site: 'line 1', chosen: 2 ** 53, of: 2 }] }), /field 'crashState\[0\]\.chosen': expected a whole number of at least 0$/],
    ['a seed that is not whole', () => ({ ...original, fastCheck: { seed: 1.5, path: '', numRuns: 1 } }), /field 'fastCheck\.seed': expected a whole number$/],
    ['a version of daxcheck that is not a string', () => ({ ...original, daxcheck: 1 }), /field 'daxcheck': expected a string$/],
    ['another version with fields of its own', () => ({ ...original, version: 2, fastCheck: undefined }), /field 'version': unknown version 2 \(this daxcheck reads version 1\)$/],
    ['a crash-state site that is not one', () => ({ ...original, crashState: [{ site: 'line x', chosen: 0, of: 2 }] }), /field 'crashState\[0\]\.site': 'line x' is not a site/],
    ['a program that no longer parses', () => ({ ...original, program: 'daxcheck x\nprogram\n  stor m[0] 1\n' }), /field 'program': no longer parses at line 3, column 3/],
    ['an unknown property', () => ({ ...original, property: 'durabilty' }), /field 'property': unknown property "durabilty" \(expected one of durability, atomicity, ordering, block-ownership/],
    [
      'a program whose value is past the limits (once a RangeError)',
      () => ({ ...original, program: (original.program as string).replace(/store m0\[(\d+)\] \S+/, 'store m0[$1] 0x41*4294967296') }),
      /field 'program': no longer parses at line \d+, column \d+: '4294967296' \(4294967296 bytes\) is past daxcheck's limit/,
    ],
    ['a condition nested 5,000 deep (once a stack overflow)', () => ({ ...original, program: `${original.program as string}exists ${'('.repeat(5000)}w0=1${')'.repeat(5000)}\n` }), /field 'program': no longer parses at line \d+, column \d+: the nesting of '~' and '\(' in a condition is past/],
  ])('exits 2 on %s, naming the file and field', async (_what, content, message) => {
    const r = await replay(file('bad.json', content()));
    expect(r.status).toBe(2);
    expect(r.err).toMatch(new RegExp(`bad\\.json: ${message.source}`));
  });
});
