import { describe, expect, it } from 'vitest';
import { modeById } from '../../matrix/modes.js';
import type { Write } from '../../matrix/recipes.js';
import { workloadTest } from '../../matrix/workload.js';

const writes: Write[] = [0, 1, 2].map((i) => ({ file: 'f0', map: 'm0', off: i * 1024, len: 8, byte: 0x41 + i }));
const claimsOf = (mode: string) => workloadTest(modeById(mode)!, { platform: 'adr' }, 'fsync', { files: 1, writes }).claims.map((c) => [c.property, c.writes]);

describe('the claims of a workload test', () => {
  it('are the expectations of the test themselves, in its order', () => {
    const { test, claims } = workloadTest(modeById('nova-write')!, { platform: 'adr' }, 'fsync', { files: 1, writes });
    expect(claims.map((c, i) => c.expectation === test.expectations[i])).toEqual(test.expectations.map(() => true));
  });
  it('say durability of each write everywhere, atomicity where writes are atomic, ordering of neighbours where they persist in order', () => {
    const durable = writes.map((_, i) => ['durability', [i]]);
    expect(claimsOf('buffered')).toEqual(durable);
    expect(claimsOf('nova-write')).toEqual([...durable, ['atomicity', [0]], ['atomicity', [1]], ['atomicity', [2]]]);
    expect(claimsOf('buffered-journal')).toEqual([...durable, ['ordering', [0, 1]], ['ordering', [1, 2]]]);
  });
  it('come with the operations of each write: the write, its recipe and its acknowledgement', () => {
    const { test, writeOps } = workloadTest(modeById('buffered')!, { platform: 'adr' }, 'fsync', { files: 1, writes });
    expect(writeOps.map((ops) => ops.map((op) => op.op))).toEqual(writes.map(() => ['write', 'fsync', 'label']));
    expect(test.program.slice(-9)).toEqual(writeOps.flat());
  });
});
