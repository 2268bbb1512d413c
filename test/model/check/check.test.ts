import { describe, expect, it } from 'vitest';
import { UserError } from '../../../lang/errors.js';
import { check, devdax, thrown } from '../../helpers.js';

const program = '  store m[0] 0x2a\n  A:\n  clflush m[0]\n  B:\n  store m[64] 0x1';

describe('expectations and scopes (DESIGN section 2)', () => {
  const verdicts = (tail: string) => check(devdax('adr', program, `observe x = d[0:8]\n${tail}`)).expectations.map((e) => e.holds);

  it('after L counts the crash points from the label on', () => {
    expect(verdicts('forall after B: x=0x2a\nforall after A: x=0x2a')).toEqual([true, false]);
  });
  it('before L counts the crash points strictly before the label', () => {
    expect(verdicts('forall before A: x=0\nexists before A: x=0x2a\nexists before B: x=0x2a')).toEqual([true, false, true]);
  });
  it('at end counts only the final crash point', () => {
    expect(verdicts('forall at end: x=0x2a\n~exists at end: x=0')).toEqual([true, true]);
  });
  it('without a scope every crash point counts', () => {
    expect(verdicts('exists x=0\nexists x=0x2a\nforall x=0x2a')).toEqual([true, true, false]);
  });
  it('gives a witness for an exists that holds and a counterexample for an expectation that fails', () => {
    const r = check(devdax('adr', program, 'observe x = d[0:8]\nexists x=0x2a\nforall x=0x2a'));
    expect(r.expectations[0]!.evidence?.values.x).toEqual({ kind: 'int', value: 0x2an });
    expect(r.expectations[1]!.evidence?.values.x).toEqual({ kind: 'int', value: 0n });
    expect(r.expectations[1]!.evidence?.point.completed).toBe(0);
  });
  it("checks the header's Result against what was observed", () => {
    const text = (claim: string) => devdax('adr', program, 'observe x = d[0:8]\nexists x=0x2a').replace('daxcheck t\n', `daxcheck t\n(* Result: ${claim} *)\n`);
    expect(check(text('Sometimes')).verdict).toBe('pass');
    expect(check(text('Always')).verdict).toBe('fail');
  });
  it("refuses a header's Safety claim about a property that does not exist, at its position", () => {
    const text = devdax('adr', program, 'observe x = d[0:8]').replace('daxcheck t\n', 'daxcheck t\n(* Safety: no-stale-dat fails *)\n');
    const e = thrown(() => check(text)) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect([e.at, e.message]).toEqual([{ line: 2, col: 4 }, expect.stringContaining("unknown safety property 'no-stale-dat'")]);
  });
  it('counts a crash point before the program, after each operation and inside torn stores', () => {
    const r = check(devdax('adr', '  store m[0] 0x11*16', 'observe x = d[0:16]'));
    // before, after mmap, inside the store (after its first piece), after the store
    expect(r.stats.crashPoints).toBe(4);
  });
});
