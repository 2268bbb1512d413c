import { describe, expect, it } from 'vitest';
import { check, devdax, outcomes } from '../../helpers.js';

const X = 'observe x = d[0:8]';
const XY = 'observe x = d[0:8]\nobserve y = d[64:8]';

describe('ADR persistence rules (DESIGN 1.1)', () => {
  it('an unflushed store may or may not persist (eviction at any moment)', () => {
    expect(outcomes(devdax('adr', '  store m[0] 0x2a', X))).toEqual(['x=0', 'x=0x2a']);
  });
  it('stores to one line persist in program order', () => {
    const got = outcomes(devdax('adr', '  store m[0] 0x1\n  store m[8] 0x2', 'observe x = d[0:8]\nobserve y = d[8:8]'));
    expect(got).not.toContain('x=0; y=2');
    expect(got).toContain('x=1; y=0');
  });
  it('stores to different lines persist in any order', () => {
    expect(outcomes(devdax('adr', '  store m[0] 0x1\n  store m[64] 0x2', XY))).toContain('x=0; y=2');
  });
  it('clflush persists the line by the next operation', () => {
    const text = devdax('adr', '  store m[0] 0x2a\n  clflush m[0]\n  L:', `${X}\nforall after L: x=0x2a`);
    expect(outcomes(text)).toEqual(['x=0', 'x=0x2a']);
    expect(allHold(text)).toBe(true);
  });
  it('clwb needs a fence; lfence is not one', () => {
    const lfence = devdax('adr', '  store m[0] 0x2a\n  clwb m[0]\n  lfence\n  L:', `${X}\nforall after L: x=0x2a`);
    const sfence = lfence.replace('lfence', 'sfence');
    expect(allHold(lfence)).toBe(false);
    expect(allHold(sfence)).toBe(true);
  });
  it('xchg and mfence complete clflushopt', () => {
    for (const fence of ['mfence', 'xchg m[128] 0x1']) {
      const text = devdax('adr', `  store m[0] 0x2a\n  clflushopt m[0]\n  ${fence}\n  L:`, `${X}\nforall after L: x=0x2a`);
      expect(allHold(text)).toBe(true);
    }
  });
  it('a flush covers only the stores older than it', () => {
    const text = devdax('adr', '  store m[0] 0x1\n  clwb m[0]\n  store m[8] 0x2\n  sfence\n  L:', 'observe x = d[0:8]\nobserve y = d[8:8]\nforall after L: x=1');
    expect(outcomes(text)).toContain('x=1; y=0');
    expect(allHold(text)).toBe(true);
  });
  it('a non-temporal store is durable only after a fence', () => {
    const text = devdax('adr', '  ntstore m[0] 0x2a\n  L:\n  sfence\n  E:', `${X}\nexists after L: x=0\nforall after E: x=0x2a`);
    const r = check(text);
    expect(r.expectations.map((e) => e.holds)).toEqual([true, true]);
  });
  it('a 16-byte store may tear at the 8-byte boundary, an aligned 8-byte store never does', () => {
    const torn = outcomes(devdax('adr', '  store m[0] 0x11*16', 'observe x = d[0:16]'));
    expect(torn).toContain('x=0x1111111111111111');
    const whole = outcomes(devdax('adr', '  store m[0] 0x1111111111111111', 'observe x = d[0:8]'));
    expect(whole).toEqual(['x=0', 'x=0x1111111111111111']);
  });
});

describe('eADR persistence rules (DESIGN 1.1)', () => {
  it('persisted stores are a program-order prefix across lines', () => {
    expect(outcomes(devdax('eadr', '  store m[0] 0x1\n  store m[64] 0x2', XY))).toEqual(['x=0; y=0', 'x=1; y=0', 'x=1; y=2']);
  });
  it('a fence persists every earlier store without a flush', () => {
    const text = devdax('eadr', '  store m[0] 0x2a\n  sfence\n  L:', `${X}\nforall after L: x=0x2a`);
    expect(allHold(text)).toBe(true);
  });
  it('non-temporal stores still need a fence', () => {
    const text = devdax('eadr', '  ntstore m[0] 0x2a\n  L:', `${X}\nexists after L: x=0`);
    expect(allHold(text)).toBe(true);
  });
});

/** Whether every expectation of the test holds. */
function allHold(text: string): boolean {
  return check(text).expectations.every((e) => e.holds);
}
