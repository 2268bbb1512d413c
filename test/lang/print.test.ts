import { describe, expect, test } from 'vitest';
import { parseLitmus } from '../../lang/parse.js';
import { printOp } from '../../lang/print-op.js';
import { printInt, printNumber, printString, printValue } from '../../lang/print-value.js';
import { printExpectation, printLitmus } from '../../lang/print.js';
import type { Cond, Litmus, Op } from '../../lang/ast.js';

const EMPTY: Litmus = { name: 't', config: [], decls: [], program: [], observations: [], expectations: [] };

const int = (value: bigint, width = 8) => ({ kind: 'int', value, width }) as const;
const a: Cond = { kind: 'eq', name: 'a', value: { kind: 'int', value: 1n } };
const b: Cond = { kind: 'eq', name: 'b', value: { kind: 'int', value: 2n } };
const c: Cond = { kind: 'eq', name: 'c', value: { kind: 'str', text: 'x' } };
const and = (left: Cond, right: Cond): Cond => ({ kind: 'and', left, right });
const or = (left: Cond, right: Cond): Cond => ({ kind: 'or', left, right });
const not = (inner: Cond): Cond => ({ kind: 'not', inner });
const condText = (cond: Cond): string => printExpectation({ quantifier: 'exists', scope: { kind: 'all' }, cond }).slice('exists '.length);

describe('printLitmus', () => {
  test('prints the DESIGN example canonically', () => {
    const source = `daxcheck fsdax-store+clwb+sfence
(* Result: Sometimes.
   Two lines. *)
config platform=adr   fs=ext4-dax
file f hole size=4096
program
  m = mmap f 0 4096 MAP_SHARED
  store m[0] 42
  clwb m[0]
  sfence
  done:
observe x = f[0:8]
exists after done: x=0
forall after done: (x=0) \\/ (x=0x2a)
`;
    expect(printLitmus(parseLitmus(source))).toBe(`daxcheck fsdax-store+clwb+sfence
(* Result: Sometimes.
   Two lines. *)
config platform=adr fs=ext4-dax
file f size=4K hole
program
  m = mmap f 0 4K MAP_SHARED
  store m[0] 0x2a
  clwb m[0]
  sfence
  done:
observe x = f[0:8]
exists after done: x=0
forall after done: x=0 \\/ x=0x2a
`);
  });

  test('omits the comment and config lines when there are none', () => {
    expect(printLitmus(EMPTY)).toBe('daxcheck t\nprogram\n');
    expect(printLitmus({ ...EMPTY, comment: '' })).toBe('daxcheck t\n(**)\nprogram\n');
  });

  test('prints declaration options in a fixed order', () => {
    const decls: Litmus['decls'] = [
      { decl: 'file', name: 'f', content: { kind: 'fill', byte: 0xab }, dax: true, state: 'hole', size: 4096 },
      { decl: 'file', name: 'g', size: 100, dax: false, content: { kind: 'content', text: 'hi\n' } },
      { decl: 'device', name: 'd', size: 2 ** 21, align: 4096 },
    ];
    expect(printLitmus({ ...EMPTY, decls })).toBe(
      'daxcheck t\nfile f size=4K hole dax fill=0xab\nfile g size=100 nodax content="hi\\n"\ndevice d size=2M align=4K\nprogram\n',
    );
  });

  test('prints observations of all three kinds', () => {
    const observations: Litmus['observations'] = [
      { name: 'x', kind: 'bytes', target: 'f', off: 1024, len: 3, asStr: true },
      { name: 's', kind: 'size', target: 'f' },
      { name: 'e', kind: 'exists', target: 'g' },
    ];
    expect(printLitmus({ ...EMPTY, observations })).toBe(
      'daxcheck t\nprogram\nobserve x = f[1K:3] as str\nobserve s = size(f)\nobserve e = exists(g)\n',
    );
  });
});

describe('printOp', () => {
  test.each<[Op, string]>([
    [{ op: 'write', file: 'f', off: 0, value: int(1n, 4), flags: ['O_DSYNC', 'O_DIRECT'] }, 'write f 0 1:4 O_DSYNC O_DIRECT'],
    [{ op: 'fallocate', file: 'f', off: 4096, len: 8192, mode: 'KEEP_SIZE' }, 'fallocate f 4K 8K KEEP_SIZE'],
    [{ op: 'mmap', dst: 'm', file: 'f', off: 0, len: 2 ** 30, flags: ['MAP_SHARED_VALIDATE', 'MAP_SYNC'], atMap: 'n' }, 'm = mmap f 0 1G MAP_SHARED_VALIDATE|MAP_SYNC at=n'],
    [{ op: 'msync', map: 'm', off: 0, len: 1, flag: 'MS_SYNC', fails: { kind: 'errno', name: 'EINVAL' } }, 'msync m 0 1 MS_SYNC => EINVAL'],
    [{ op: 'madvise', map: 'm', off: 0, len: 4096, advice: 'MADV_DIRECT_ACCESS' }, 'madvise m 0 4K MADV_DIRECT_ACCESS'],
    [{ op: 'ntstore', map: 'm', off: 64, value: { kind: 'repeat', byte: 7, count: 64 } }, 'ntstore m[64] 0x07*64'],
    [{ op: 'store', map: 'm', off: 0, value: int(255n), fails: { kind: 'signal', name: 'SIGBUS' } }, 'store m[0] 0xff => SIGBUS'],
    [{ op: 'load', dst: 'r', map: 'm', off: 8, size: 4 }, 'r = load m[8] 4'],
    [{ op: 'load', dst: 'r', map: 'm', off: 8 }, 'r = load m[8]'],
    [{ op: 'daxctl', file: 'f', mode: 'STATIC', align: 2 ** 21 }, 'daxctl f STATIC align=2M'],
    [{ op: 'daxctl', file: 'f', mode: 'NONE' }, 'daxctl f NONE'],
    [{ op: 'reflink', dst: 'g', src: 'f' }, 'reflink g f'],
    [{ op: 'pin', dst: 'p', map: 'm', off: 0, len: 4096, longterm: true }, 'p = pin m 0 4K longterm'],
    [{ op: 'dma', pin: 'p', off: 0, value: { kind: 'str', text: 'ok' } }, 'dma p 0 "ok"'],
    [{ op: 'label', name: 'done' }, 'done:'],
  ])('%o prints as %s', (op, text) => {
    expect(printOp(op)).toBe(text);
  });
});

describe('values and numbers', () => {
  test.each([
    [0, '0'],
    [1023, '1023'],
    [1024, '1K'],
    [1536, '1536'],
    [3 * 2 ** 20, '3M'],
    [2 ** 20 + 1024, '1025K'],
    [2 ** 30, '1G'],
    [2 ** 40, '1024G'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('number %d prints as %s: decimal unless an exact multiple of 1K, then the largest exact suffix', (n, text) => {
    expect(printNumber(n)).toBe(text);
  });

  test('integers print in decimal below 10, else in lowercase hex, with the width when not 8', () => {
    expect([0n, 9n, 10n, 2n ** 64n - 1n].map(printInt)).toEqual(['0', '9', '0xa', '0xffffffffffffffff']);
    expect(printValue(int(0x2an, 2))).toBe('0x2a:2');
    expect(printValue({ kind: 'repeat', byte: 0xab, count: 4096 })).toBe('0xab*4K');
  });

  test('strings escape quote, backslash, newline, tab and control characters only', () => {
    expect(printString('a"b\\c\nd\te\x00\x1f\r\x7fé€')).toBe('"a\\"b\\\\c\\nd\\te\\x00\\x1f\\x0d\x7fé€"');
  });
});

describe('conditions print with the fewest parentheses', () => {
  test.each<[string, Cond, string]>([
    ['and of and on the left', and(and(a, b), c), 'a=1 /\\ b=2 /\\ c="x"'],
    ['and of and on the right', and(a, and(b, c)), 'a=1 /\\ (b=2 /\\ c="x")'],
    ['or of or on the right', or(a, or(b, c)), 'a=1 \\/ (b=2 \\/ c="x")'],
    ['or inside and', and(or(a, b), c), '(a=1 \\/ b=2) /\\ c="x"'],
    ['and inside or', or(and(a, b), and(b, c)), 'a=1 /\\ b=2 \\/ b=2 /\\ c="x"'],
    ['not of a binary', not(or(a, b)), '~(a=1 \\/ b=2)'],
    ['not of not', not(not(a)), '~~a=1'],
    ['not inside and', and(not(a), not(b)), '~a=1 /\\ ~b=2'],
  ])('%s', (_, cond, text) => {
    expect(condText(cond)).toBe(text);
  });

  test('expectations print their quantifier and scope', () => {
    const expectations: Litmus['expectations'] = [
      { quantifier: 'not-exists', scope: { kind: 'end' }, cond: a },
      { quantifier: 'forall', scope: { kind: 'before', label: 'L' }, cond: a },
      { quantifier: 'exists', scope: { kind: 'all' }, cond: a },
    ];
    expect(printLitmus({ ...EMPTY, expectations })).toBe('daxcheck t\nprogram\n~exists at end: a=1\nforall before L: a=1\nexists a=1\n');
  });
});
