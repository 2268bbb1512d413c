import { describe, expect, it } from 'vitest';
import { applyEdits, type Edit } from '../../fix/edit.js';
import { judge } from '../../fix/judge.js';
import { findFix } from '../../fix/search.js';
import { checkLitmus } from '../../model/check/check.js';
import { printLitmus } from '../../lang/print.js';
import { devdax, parse } from '../helpers.js';
import { expectVerified } from './verify.js';

const lost = (tail: string) => parse(devdax('adr', '  store m[0] 0x2a\n  done:', `observe x = d[0:8]\nforall after done: x=0x2a${tail}`));
const clflush: Edit = { kind: 'insert', cost: 'clflush', at: 2, ops: [{ op: 'clflush', map: 'm', off: 0 }] };

describe('findFix', () => {
  it('finds the smallest, cheapest fix before the label the failing expectation is scoped after', () => {
    const test = lost('');
    const result = findFix(test);
    expect(result).toMatchObject({ kind: 'fixed', edits: [clflush] });
    expectVerified(test, result);
    expect(printLitmus(result.kind === 'fixed' ? result.edited.test : test)).toContain('  store m[0] 0x2a\n  clflush m[0]\n  done:');
  });

  it('goes to two edits only when one is not enough: a flush and a fence for two lines', () => {
    const test = parse(devdax('adr', '  store m[0] 0x2a\n  store m[64] 0x2b\n  done:', 'observe x = d[0:8]\nobserve y = d[64:8]\nforall after done: x=0x2a /\\ y=0x2b'));
    const result = findFix(test);
    expect(result.kind === 'fixed' && result.edits.length).toBe(2);
    expectVerified(test, result);
    expect(findFix(test, { maxSize: 1 })).toMatchObject({ kind: 'none', maxSize: 1, cut: false });
  });

  it('is deterministic: the same test gives the same fix and the same rejected candidates', () => {
    const [a, b] = [findFix(lost('')), findFix(lost(''))];
    expect(b.kind === 'fixed' && b.edits).toEqual(a.kind === 'fixed' && a.edits);
    expect(b.rejected.map((r) => r.edits)).toEqual(a.rejected.map((r) => r.edits));
  });

  it('does no harm: a candidate that fixes the forall but breaks an exists that held is rejected, so there is no fix', () => {
    const test = lost('\nexists after done: x=0');
    const before = checkLitmus(test);
    const edited = applyEdits(test, [clflush]);
    expect(judge(before, checkLitmus(edited.test), edited.origin)).toMatchObject({ kind: 'breaks', expectation: { id: 1 } });
    const result = findFix(test);
    expect(result).toMatchObject({ kind: 'none', cut: false });
    expect(result.rejected.some((r) => r.rejection.kind === 'breaks')).toBe(true);
  });

  it('says no fix exists for a forall that no edit can satisfy: the crash before the first operation', () => {
    const test = parse(devdax('adr', '  store m[0] 0x2a', 'observe x = d[0:8]\nforall x=0x2a'));
    expect(findFix(test)).toMatchObject({ kind: 'none', maxSize: 2, cut: false });
  });

  it('stops at the bound on candidates checked, and says so', () => {
    const test = parse(devdax('adr', '  store m[0] 0x2a', 'observe x = d[0:8]\nforall x=0x2a'));
    expect(findFix(test, { maxChecks: 3 })).toMatchObject({ kind: 'none', cut: true, checked: 3 });
  });

  it('rejects a candidate that makes an operation fail, with the errno: MAP_SYNC on a page-cache file', () => {
    const test = parse('daxcheck t\nconfig fs=ext4\nfile f size=4K\nprogram\n  m = mmap f 0 4K MAP_SHARED\n  store m[0] 0x2a\nobserve x = f[0:8]\nforall x=0x2a\n');
    const refused = findFix(test, { maxSize: 1 }).rejected.filter((r) => r.rejection.kind === 'refused');
    expect(refused.map((r) => r.edits[0]!.cost)).toEqual(['map-sync']);
    expect(refused[0]!.rejection).toMatchObject({ refusal: { errno: 'EOPNOTSUPP', index: 0 } });
  });

  it('has nothing to fix in a test whose every expectation holds', () => {
    expect(findFix(parse(devdax('adr', '  store m[0] 0x2a\n  clflush m[0]\n  done:', 'observe x = d[0:8]\nforall after done: x=0x2a')))).toMatchObject({ kind: 'nothing-to-fix' });
  });
});
