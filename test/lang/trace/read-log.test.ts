import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readLog, recordsOf } from '../../../lang/trace/read-log.js';
import type { TraceRecord } from '../../../lang/trace/records.js';
import { UserError } from '../../../lang/errors.js';

const LOGS = join(import.meta.dirname, '../../trace/fixtures/logs');
const records = (text: string, chunk = 7) => [...recordsOf(chunked(text, chunk), 'x.log')];
const chunked = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

function errorOf(text: string): string {
  try {
    records(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('readLog', () => {
  it('reads every record kind, in chunks that cut records anywhere', () => {
    const log = '==77== START|REGISTER_FILE;/p;0x1000;0x40;0x0|a.BEGIN|STORE;0x1008;0x2a;0x2;0x1: main (x.c:3);0x2: ??? (in /lib)|FLUSH;0x1000;0x40|FENCE|DEEP_SYNC|a.END|STOP\n';
    const kinds = records(log, 5).map((r) => r.kind);
    expect(kinds).toEqual(['start', 'register-file', 'marker', 'store', 'flush', 'fence', 'deep-sync', 'marker', 'stop']);
    const store = records(log).find((r) => r.kind === 'store')!;
    expect(store).toEqual({ kind: 'store', index: 4, addr: 0x1008, bytes: [0x2a, 0], frames: ['0x1: main (x.c:3)', '0x2: ??? (in /lib)'] });
    expect(records(log)[1]).toEqual({ kind: 'register-file', index: 2, path: '/p', addr: 0x1000, size: 0x40, offset: 0 });
  });

  test.prop([fc.integer({ min: 1, max: 8 }), fc.bigInt({ min: 0n, max: 2n ** 72n - 1n }), fc.nat(3), fc.boolean()])(
    "reads a STORE's value as its little-endian bytes, whatever its leading zeros and case, and refuses one wider than the store",
    (size, value, zeros, upper) => {
      const hex = '0'.repeat(zeros) + (upper ? value.toString(16).toUpperCase() : value.toString(16));
      const text = `START|STORE;0x1;0x${hex};0x${size}|STOP`;
      if (value >> BigInt(8 * size) !== 0n) return void expect(errorOf(text)).toContain("does not fit in the store's");
      const bytes = Array.from({ length: size }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
      expect(records(text).find((r) => r.kind === 'store')).toMatchObject({ bytes });
    },
  );

  it('gives each marker the markers open after it, as PMREORDER_MARKERS lists them', () => {
    const markers = records('START|a.BEGIN|b.BEGIN|b.END|a.END|STOP').filter((r) => r.kind === 'marker');
    expect(markers.map((m) => m.open)).toEqual([['a'], ['a', 'b'], ['a'], []]);
  });

  it('reads the real logs: flag_unflushed has its two store sites and one registered file', () => {
    const all: TraceRecord[] = [...readLog(join(LOGS, 'flag_unflushed.log'))];
    const stores = all.flatMap((r) => (r.kind === 'store' ? [r] : []));
    expect(stores.map((s) => s.frames[0]!.replace(/^0x[0-9A-F]+: /, ''))).toEqual([...Array(4).fill('main (flag_unflushed.c:10)'), 'main (flag_unflushed.c:11)']);
    expect(all.filter((r) => r.kind === 'register-file')).toHaveLength(1);
    expect(all.filter((r) => r.kind === 'fence')).toHaveLength(82);
  });

  it('reads every provided log to its STOP', () => {
    for (const name of ['flag_good', 'flag_bad_order', 'nt_good', 'nt_nodrain', 'simple_copy', 'hashmap_tx_insert', 'hashmap_tx_insert.dedup']) {
      expect([...readLog(join(LOGS, `${name}.log`))].at(-1)!.kind, name).toBe('stop');
    }
  });

  it.each([
    ['an unknown record', 'START|BOGUS|STOP', "x.log:2: unknown record 'BOGUS'"],
    ['a record with fields it does not take', 'START|FENCE;0x1|STOP', 'x.log:2: FENCE takes the form FENCE, found 1 field'],
    ['a STORE with too few fields', 'START|STORE;0x1;0x2|STOP', 'x.log:2: STORE takes the form STORE;ADDR;VALUE;SIZE[;FRAME...], found 2 fields'],
    ['a FLUSH without its size', 'START|FLUSH;0x1|STOP', 'x.log:2: FLUSH takes the form FLUSH;ADDR;SIZE'],
    ['a REGISTER_FILE with too few fields', 'START|REGISTER_FILE;/p;0x1;0x2|STOP', 'x.log:2: REGISTER_FILE takes the form'],
    ['a REGISTER_FILE without a path', 'START|REGISTER_FILE;;0x1;0x2;0x0|STOP', 'x.log:2: REGISTER_FILE has an empty path'],
    ['a number that is not hex', 'START|STORE;4096;0x2;0x1|STOP', "x.log:2: malformed address '4096'"],
    ['a number past 2^53', 'START|FLUSH;0x1;0xffffffffffffffff|STOP', "x.log:2: size '0xffffffffffffffff' is too large"],
    ['a store wider than a word', 'START|STORE;0x1;0x2;0x10|STOP', "x.log:2: store size '0x10' is not 1..8 bytes"],
    ['a store of no bytes', 'START|STORE;0x1;0x0;0x0|STOP', "x.log:2: store size '0x0' is not 1..8 bytes"],
    ['a value wider than its store', 'START|STORE;0x1;0x1ff;0x1|STOP', "x.log:2: value '0x1ff' does not fit in the store's 1 byte"],
    ['a DEEP_SYNC with one field', 'START|DEEP_SYNC;0x1|STOP', 'x.log:2: DEEP_SYNC takes the form DEEP_SYNC or DEEP_SYNC;ADDR;SIZE'],
    ['a log that does not start with START', 'FENCE|STOP', "x.log:1: the log must begin with START, found 'FENCE'"],
    ['a second START', 'START|START|STOP', 'x.log:2: a second START'],
    ['a record after STOP', 'START|STOP|FENCE', 'x.log:3: a record after STOP'],
    ['a log cut short', 'START|FENCE', 'x.log:2: the log ends without STOP'],
    ['an END that closes nothing', 'START|a.END|STOP', "x.log:2: marker 'a.END' closes nothing"],
    ['crossed markers', 'START|a.BEGIN|b.BEGIN|a.END|STOP', "x.log:4: marker 'a.END' crosses 'b'"],
  ])('refuses %s, naming the log and the record', (_, text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });

  it('refuses a missing log with its name', () => {
    expect(() => [...readLog('/nonexistent/x.log')]).toThrow('/nonexistent/x.log: no such file');
  });
});
