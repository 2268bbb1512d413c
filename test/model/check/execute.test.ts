import { describe, expect, it } from 'vitest';
import { checkLitmus, checkUnlessRefused } from '../../../model/check/check.js';
import { devdax, parse, thrown } from '../../helpers.js';

const refusing = parse(devdax('adr', '  store m[0] 0x2a\n  msync m 8 8 MS_SYNC', 'observe x = d[0:8]'));

describe('an operation that fails without an annotation', () => {
  it('comes back as a refusal, with its errno, rule and index, when asked without exceptions', () => {
    const r = checkUnlessRefused(refusing);
    expect(r).toEqual({ refused: { errno: 'EINVAL', reason: expect.any(String), index: 2 } });
  });
  it('is the one-line error of a litmus test run on its own, at its line and column', () => {
    const e = thrown(() => checkLitmus(refusing));
    expect(e.message).toMatch(/^msync failed with EINVAL: .*; annotate it '=> EINVAL' if that is expected$/);
    expect(e).toMatchObject({ at: { line: 7, col: 3 } });
  });
  it('leaves a test that runs to the end to be checked as usual', () => {
    expect(checkUnlessRefused(parse(devdax('adr', '  store m[0] 0x2a', 'observe x = d[0:8]')))).toMatchObject({ verdict: 'pass' });
  });
});
