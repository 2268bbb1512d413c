import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { parseLitmus } from '../../lang/parse.js';
import { printLitmus } from '../../lang/print.js';
import { LIMITS } from '../../lang/limits.js';
import type { TraceRecord } from '../../lang/trace/records.js';
import { traceLitmus } from '../../trace/trace-litmus.js';
import { Layout } from '../../trace/layout.js';
import { memoryIo } from '../helpers.js';
import { TRACE_FIXTURES as F } from '../../bench/trace-checkers.js';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-trace-litmus-'));
const EXPECTED = 'persistent memory says hello!!!!0123456789abcdef0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZ012345the quick brown fox jumps over!!';

async function litmusOf(log: string, image: string) {
  const io = memoryIo();
  const status = await main(['trace', log, '--image', image, '--litmus'], io);
  return { status, text: `${io.stdout.join('\n')}\n`, err: io.stderr.join('\n') };
}

/** checkers/flag_check.c's condition as a litmus expectation over the pool's flag and its first `n` data bytes. */
function flagExpectation(pool: string, n: number): string {
  return `observe flag = ${pool}[0:8]\nobserve data = ${pool}[64:${n}] as str\nforall flag=0 \\/ flag=0x56414c4944 /\\ data="${EXPECTED.slice(0, n)}"\n`;
}

/** What `daxcheck trace` with flag_check concludes on each provided log (test/trace/fixtures/README.md). */
const FLAG = { flag_good: 0, flag_bad_order: 1, flag_unflushed: 1, flag_one_persist: 1, nt_good: 0, nt_nodrain: 0 } as const;

describe('daxcheck trace --litmus', () => {
  it.each(Object.entries(FLAG))('%s prints a canonical litmus test that daxcheck run, given the checker as an expectation, judges as trace does (exit %i)', async (name, status) => {
    const printed = await litmusOf(join(F, 'logs', `${name}.log`), join(F, 'images', `${name}.pre`));
    expect(printed.status, printed.err).toBe(0);
    expect(printLitmus(parseLitmus(printed.text))).toBe(printed.text);
    expect(printed.text).toContain(`file ${name}.pool size=4K\n`);
    const file = join(dir, `${name}.litmus`);
    writeFileSync(file, printed.text + flagExpectation(`${name}.pool`, name.startsWith('nt') ? 128 : 32));
    const io = memoryIo();
    expect(await main(['run', file], io), io.stdout.join('\n')).toBe(status);
  });

  it('declares the pre-run bytes of the lines stored to: fill= when they are one byte, content= otherwise (the lines not stored to are zeros), and a store of the record\'s bytes', async () => {
    const log = join(dir, 'small.log');
    writeFileSync(log, 'START|REGISTER_FILE;/p o\'ol;0x1000;0x1000;0x0|STORE;0x1048;0x2a;0x1|FLUSH;0x1040;0x80|FENCE|m.BEGIN|m.END|STOP');
    const image = join(dir, 'small.pre');
    writeFileSync(image, Buffer.alloc(4096, 7));
    const filled = await litmusOf(log, image);
    expect(filled.text).toContain('file p_o_ol size=4K fill=0x07\n');
    expect(filled.text).toContain('  store m0[72] 0x2a:1\n  clflushopt m0[64]\n  sfence\n  m_begin_6:\n  m_end_7:\n');
    writeFileSync(image, Buffer.concat([Buffer.alloc(64), Buffer.from('hello'), Buffer.alloc(59), Buffer.alloc(64, 1)]));
    expect((await litmusOf(log, image)).text).toContain(`file p_o_ol size=4K content="${'\\x00'.repeat(64)}hello"\n`);
  });

  it.each([
    ['bytes that are not UTF-8', 'hi\xff', /small\.log: cannot print as a litmus test: the pre-run bytes of \/p o'ol .* not UTF-8/],
    ['a file past the limit', undefined, /hashmap_tx_insert\.dedup\.log: cannot print as a litmus test: .* 8388608 bytes, past the language's limit of 4194304/],
  ])('refuses %s in one line, exit 2', async (_, bytes, message) => {
    const log = bytes === undefined ? join(F, 'logs', 'hashmap_tx_insert.dedup.log') : join(dir, 'small.log');
    const image = bytes === undefined ? join(F, 'images', 'hashmap_tx_insert.pre.gz') : join(dir, 'bad.pre');
    if (bytes !== undefined) writeFileSync(image, Buffer.concat([Buffer.alloc(64), Buffer.from(bytes, 'latin1')]));
    const printed = await litmusOf(log, image);
    expect(printed.status).toBe(2);
    expect(printed.err).toMatch(message);
  });

  it('refuses a log of more operations than the language allows, naming the limit', () => {
    function* records(): Generator<TraceRecord> {
      yield { kind: 'register-file', index: 1, path: 'pool', addr: 0, size: 4096, offset: 0 };
      for (let i = 0; i < LIMITS.operations; i++) yield { kind: 'store', index: i + 2, addr: 0, bytes: [1], frames: [] };
    }
    expect(() => traceLitmus(records(), 'big.log', new Layout(() => new Uint8Array(0)), 'adr')).toThrow(`big.log: too large to print as a litmus test: more than ${LIMITS.operations} operations`);
  });
});
