import { describe, expect, it } from 'vitest';
import { NO_BUGS } from '../../../profiles/bugs.js';
import { checkLitmus, prepare } from '../../../model/check/check.js';
import { explain } from '../../../model/check/explain.js';
import { devdax, parse } from '../../helpers.js';

/** The causes `explain` gives for the counterexample of the test's first expectation. */
function causesOf(text: string) {
  const test = parse(text);
  const evidence = checkLitmus(test).expectations[0]!.evidence!;
  return explain(evidence, test, prepare(test, NO_BUGS).world);
}

describe('explain', () => {
  it('names the operations whose cached stores had not persisted, and what the platform loses', () => {
    const program = '  store m[0] 0x1\n  store m[8] 0x2\n  done:';
    const tail = 'observe x = d[0:8]\nforall after done: x=1';
    expect(causesOf(devdax('adr', program, tail))[0]).toEqual({ kind: 'cached-stores-lost', choice: 0, ops: [1, 2], outside: 'caches' });
    expect(causesOf(devdax('eadr', program, tail))[0]).toMatchObject({ kind: 'cached-stores-lost', outside: 'store-buffer' });
  });
  it('names the operation the crash cut, and ends with: no crash state keeps the data', () => {
    const tail = 'observe x = d[0:1]\nobserve y = d[8:1]\nforall x=0 /\\ y=0 \\/ x=0x41 /\\ y=0x41';
    const causes = causesOf(devdax('adr', '  store m[0] 0x41*16\n  clflush m[0]', tail));
    expect(causes).toEqual([{ kind: 'cut', op: 1 }, { kind: 'no-crash-state' }]);
  });
});
