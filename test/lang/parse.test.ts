import { describe, expect, test } from 'vitest';
import { parseLitmus } from '../../lang/parse.js';
import { parseError as errorOf } from '../helpers.js';
import { UserError } from '../../lang/errors.js';
import { comparable } from '../../lang/ast.js';
import type { Cond, Litmus, Op } from '../../lang/ast.js';

const DESIGN_EXAMPLE = `daxcheck fsdax-store+clwb+sfence
(* Result: Sometimes. Flush and fence persist the data, but the block
   allocated by the write fault is only in the running transaction. *)
config platform=adr fs=ext4-dax
file f size=4096 hole
program
  m = mmap f 0 4096 MAP_SHARED
  store m[0] 0x2a
  clwb m[0]
  sfence
  done:
observe x = f[0:8]
exists after done: x=0
forall after done: x=0 \\/ x=0x2a
`;

/** The program section of a minimal test around `lines`. */
function withProgram(...lines: string[]): string {
  return `daxcheck t\nprogram\n${lines.map((l) => `  ${l}\n`).join('')}`;
}

function opsOf(...lines: string[]): unknown {
  return comparable(parseLitmus(withProgram(...lines)).program);
}

/** The condition of `exists TEXT`, without positions. */
function condOf(text: string): unknown {
  const [expectation] = parseLitmus(`daxcheck t\nprogram\nexists ${text}\n`).expectations;
  return comparable(expectation?.cond);
}


const eq = (name: string, value: bigint): Cond => ({ kind: 'eq', name, value: { kind: 'int', value } });

describe('parseLitmus: the DESIGN example', () => {
  test('parses to the expected AST, with positions', () => {
    const expected: Litmus = {
      name: 'fsdax-store+clwb+sfence',
      comment:
        ' Result: Sometimes. Flush and fence persist the data, but the block\n   allocated by the write fault is only in the running transaction. ',
      claims: { result: { frequency: 'Sometimes', at: { line: 2, col: 4 } }, safetyFails: [] },
      config: [
        { at: { line: 4, col: 8 }, key: 'platform', value: 'adr' },
        { at: { line: 4, col: 21 }, key: 'fs', value: 'ext4-dax' },
      ],
      decls: [{ decl: 'file', at: { line: 5, col: 1 }, name: 'f', size: 4096, state: 'hole' }],
      program: [
        { at: { line: 7, col: 3 }, op: 'mmap', dst: 'm', file: 'f', off: 0, len: 4096, flags: ['MAP_SHARED'] },
        { at: { line: 8, col: 3 }, op: 'store', map: 'm', off: 0, value: { kind: 'int', value: 42n, width: 8 } },
        { at: { line: 9, col: 3 }, op: 'clwb', map: 'm', off: 0 },
        { at: { line: 10, col: 3 }, op: 'sfence' },
        { at: { line: 11, col: 3 }, op: 'label', name: 'done' },
      ],
      observations: [{ at: { line: 12, col: 1 }, name: 'x', kind: 'bytes', target: 'f', off: 0, len: 8, asStr: false }],
      expectations: [
        {
          at: { line: 13, col: 1 },
          quantifier: 'exists',
          scope: { kind: 'after', label: 'done', at: { line: 13, col: 14 } },
          cond: { kind: 'eq', at: { line: 13, col: 20 }, name: 'x', value: { kind: 'int', value: 0n } },
        },
        {
          at: { line: 14, col: 1 },
          quantifier: 'forall',
          scope: { kind: 'after', label: 'done', at: { line: 14, col: 14 } },
          cond: {
            kind: 'or',
            left: { kind: 'eq', at: { line: 14, col: 20 }, name: 'x', value: { kind: 'int', value: 0n } },
            right: { kind: 'eq', at: { line: 14, col: 27 }, name: 'x', value: { kind: 'int', value: 42n } },
          },
        },
      ],
    };
    expect(parseLitmus(DESIGN_EXAMPLE)).toStrictEqual(expected);
  });

  test('CRLF line endings and extra blank lines change only the verbatim comment', () => {
    const crlf = parseLitmus(DESIGN_EXAMPLE.replace(/\n/g, '\r\n\r\n'));
    expect(crlf.comment).toContain('block\r\n\r\n   allocated');
    expect(comparable({ ...crlf, comment: 0 })).toEqual(comparable({ ...parseLitmus(DESIGN_EXAMPLE), comment: 0 }));
  });
});

describe('parseLitmus: header claims', () => {
  test('Result: and each Safety: PROPERTY fails, with their positions', () => {
    const test = parseLitmus('daxcheck t\n(* Result: Never. Why.\n   Safety: no-stale-data fails. Safety: well-formed fails *)\nprogram\n');
    expect(test.claims).toEqual({
      result: { frequency: 'Never', at: { line: 2, col: 4 } },
      safetyFails: [
        { property: 'no-stale-data', at: { line: 3, col: 4 } },
        { property: 'well-formed', at: { line: 3, col: 33 } },
      ],
    });
  });

  test('a comment without claims, or a claim outside the header comment, gives none', () => {
    expect(parseLitmus('daxcheck t\n(* just words *)\nprogram\n').claims).toBeUndefined();
    expect(parseLitmus('daxcheck t\nprogram\n(* Result: Always *)\n').claims).toBeUndefined();
  });
});

describe('parseLitmus: comments and sections', () => {
  test('keeps only the comment directly after the header, verbatim', () => {
    const text = 'daxcheck t (*first*)(* second *)\nconfig a=b (* not kept *)\nprogram\n';
    expect(parseLitmus(text).comment).toBe('first');
    expect(parseLitmus('daxcheck t\n\n(*\n  x *)\nprogram\n').comment).toBe('\n  x ');
  });

  test('a comment after something else is discarded', () => {
    expect(parseLitmus('daxcheck t\nconfig a=b\n(* late *)\nprogram\n').comment).toBeUndefined();
    expect('comment' in parseLitmus('(* before *) daxcheck t\nprogram\n')).toBe(false);
  });

  test('comments spanning lines keep later positions right', () => {
    const p = parseLitmus('daxcheck t\nprogram\n  sfence (* a\n b\n c *) \n  mfence\n');
    expect(p.program.map((o) => [o.op, o.at])).toEqual([
      ['sfence', { line: 3, col: 3 }],
      ['mfence', { line: 6, col: 3 }],
    ]);
  });

  test('the header name is any run of non-whitespace', () => {
    expect(parseLitmus('daxcheck MP+mfence[0](*x*)\nprogram\n').name).toBe('MP+mfence[0](*x*)');
  });

  test('config lines and declarations interleave', () => {
    const p = parseLitmus('daxcheck t\nconfig fs=ext4-dax\ndevice d size=2M align=4K\nconfig data=journal x.y=4K\nprogram\n');
    expect(comparable(p.config)).toEqual([
      { key: 'fs', value: 'ext4-dax' },
      { key: 'data', value: 'journal' },
      { key: 'x.y', value: '4K' },
    ]);
    expect(comparable(p.decls)).toEqual([{ decl: 'device', name: 'd', size: 2 ** 21, align: 4096 }]);
  });

  test('file options come in any order', () => {
    const p = parseLitmus('daxcheck t\nfile a content="hi" nodax size=1K unwritten\nfile b.x fill=0xAB dax size=0x10\nprogram\n');
    expect(comparable(p.decls)).toEqual([
      { decl: 'file', name: 'a', size: 1024, state: 'unwritten', dax: false, content: { kind: 'content', text: 'hi' } },
      { decl: 'file', name: 'b.x', size: 16, dax: true, content: { kind: 'fill', byte: 0xab } },
    ]);
  });

  test('observations of all three kinds', () => {
    const p = parseLitmus('daxcheck t\nprogram\nobserve a = f[4K:0x10] as str\nobserve s = size(f)\nobserve e = exists(g.1)\n');
    expect(comparable(p.observations)).toEqual([
      { name: 'a', kind: 'bytes', target: 'f', off: 4096, len: 16, asStr: true },
      { name: 's', kind: 'size', target: 'f' },
      { name: 'e', kind: 'exists', target: 'g.1' },
    ]);
  });
});

describe('parseLitmus: operations', () => {
  test('file operations, flags in written order, and failure annotations', () => {
    expect(opsOf('create a', 'rename a b', 'write a 1K 7 O_SYNC O_DIRECT => ENOSPC', 'fallocate a 0 2M PUNCH_HOLE', 'truncate a 0 => ETXTBSY')).toEqual([
      { op: 'create', file: 'a' },
      { op: 'rename', from: 'a', to: 'b' },
      { op: 'write', file: 'a', off: 1024, value: { kind: 'int', value: { bigint: '7' }, width: 8 }, flags: ['O_SYNC', 'O_DIRECT'], fails: { kind: 'errno', name: 'ENOSPC' } },
      { op: 'fallocate', file: 'a', off: 0, len: 2 ** 21, mode: 'PUNCH_HOLE' },
      { op: 'truncate', file: 'a', len: 0, fails: { kind: 'errno', name: 'ETXTBSY' } },
    ]);
  });

  test('mmap flags with or without spaces around |, and at=OTHER', () => {
    expect(opsOf('m = mmap f 0 4K MAP_SHARED_VALIDATE | MAP_SYNC|MAP_FIXED at=old')).toEqual([
      { op: 'mmap', dst: 'm', file: 'f', off: 0, len: 4096, flags: ['MAP_SHARED_VALIDATE', 'MAP_SYNC', 'MAP_FIXED'], atMap: 'old' },
    ]);
  });

  test('memory operations, loads, pins and daxctl', () => {
    expect(opsOf('r = load m[8] 4', 'xchg m[0] 1 => SIGBUS', 'p = pin m 0 4K longterm', 'dma p 0 0xff*2', 'daxctl f STATIC align=2M', 'daxctl f NONE', 'reflink g f')).toEqual([
      { op: 'load', dst: 'r', map: 'm', off: 8, size: 4 },
      { op: 'xchg', map: 'm', off: 0, value: { kind: 'int', value: { bigint: '1' }, width: 8 }, fails: { kind: 'signal', name: 'SIGBUS' } },
      { op: 'pin', dst: 'p', map: 'm', off: 0, len: 4096, longterm: true },
      { op: 'dma', pin: 'p', off: 0, value: { kind: 'repeat', byte: 255, count: 2 } },
      { op: 'daxctl', file: 'f', mode: 'STATIC', align: 2 ** 21 },
      { op: 'daxctl', file: 'f', mode: 'NONE' },
      { op: 'reflink', dst: 'g', src: 'f' },
    ]);
  });

  test('a file may be named like an operation', () => {
    expect(opsOf('fsync sync', 'msync m 0 1M MS_ASYNC')).toEqual([
      { op: 'fsync', file: 'sync' },
      { op: 'msync', map: 'm', off: 0, len: 2 ** 20, flag: 'MS_ASYNC' },
    ]);
  });

  test('values: widths, strings with escapes, repeats, and 64-bit integers', () => {
    const values = (parseLitmus(withProgram('store m[0] 0x1:4', 'store m[0] "a\\"\\\\\\n\\t\\x41\\xe9"', 'store m[0] 0xAB*4K', 'store m[0] 18446744073709551615')).program as Extract<Op, { op: 'store' }>[]).map((o) => o.value);
    expect(values).toEqual([
      { kind: 'int', value: 1n, width: 4 },
      { kind: 'str', text: 'a"\\\n\tA\u00e9' },
      { kind: 'repeat', byte: 0xab, count: 4096 },
      { kind: 'int', value: 2n ** 64n - 1n, width: 8 },
    ]);
  });
});

describe('parseLitmus: conditions and expectations', () => {
  test('~ binds tightest, then /\\, then \\/', () => {
    expect(condOf('~a=1 /\\ b=2 \\/ c=3')).toEqual(comparable({ kind: 'or', left: { kind: 'and', left: { kind: 'not', inner: eq('a', 1n) }, right: eq('b', 2n) }, right: eq('c', 3n) }));
  });

  test('binary operators are left-associative; parentheses group', () => {
    expect(condOf('a=1 /\\ b=2 /\\ c=3')).toEqual(comparable({ kind: 'and', left: { kind: 'and', left: eq('a', 1n), right: eq('b', 2n) }, right: eq('c', 3n) }));
    expect(condOf('a=1 /\\ (b=2 \\/ c=3)')).toEqual(comparable({ kind: 'and', left: eq('a', 1n), right: { kind: 'or', left: eq('b', 2n), right: eq('c', 3n) } }));
  });

  test('values may be big integers or strings', () => {
    expect(condOf('s="x\\n"')).toEqual(comparable({ kind: 'eq', name: 's', value: { kind: 'str', text: 'x\n' } }));
    expect(condOf('v=0x100000000000000000000')).toEqual(comparable(eq('v', 2n ** 80n)));
  });

  test('every quantifier and scope', () => {
    const p = parseLitmus('daxcheck t\nprogram\nexists x=1\n~exists at end: x=1\nforall before L: x=1\n~ exists after L: x=1\n');
    expect(p.expectations.map((e) => [e.quantifier, comparable(e.scope)])).toEqual([
      ['exists', { kind: 'all' }],
      ['not-exists', { kind: 'end' }],
      ['forall', { kind: 'before', label: 'L' }],
      ['not-exists', { kind: 'after', label: 'L' }],
    ]);
  });
});

describe('parseLitmus: errors name the line, the column and what was expected', () => {
  test.each([
    ['a malformed number', withProgram('store m[12abc] 1'), "3:11: malformed number '12abc' (expected decimal or 0x hex, optionally followed by K, M or G)"],
    ['a number past 2^53-1', withProgram('truncate f 9007199254740992'), "3:14: number '9007199254740992' is too large (at most 2^53-1)"],
    ['a malformed integer value', withProgram('store m[0] 4K'), "3:14: malformed number '4K' (expected an integer, decimal or 0x hex)"],
    ['a width out of range', withProgram('store m[0] 1:9'), "3:16: width must be 1..8 bytes, found '9'"],
    ['an integer too wide for its width', withProgram('store m[0] 0x100:1'), "3:14: integer '0x100' does not fit in 1 byte"],
    ['an integer past 64 bits', withProgram('store m[0] 0x10000000000000000'), "3:14: integer '0x10000000000000000' does not fit in 8 bytes"],
    ['a repeat of nothing', withProgram('store m[0] 0xab*0'), "3:19: repeat count must be at least 1, found '0'"],
    ['a repeated byte out of range', withProgram('store m[0] 0x100*2'), "3:14: byte '0x100' is out of range (expected 0..255)"],
    ['an unknown operation', withProgram('sfence', 'stor m[0] 1'), '4:3: expected an operation (create, unlink, rename, write, fallocate, truncate, fsync, fdatasync, sync, NAME = mmap, munmap, msync, madvise, store, ntstore, clflush, clflushopt, clwb, sfence, mfence, lfence, xchg, NAME = load, daxctl, reflink, NAME = pin, dma, unpin, or a label NAME:), found \'stor\''],
    ['an assignment of an operation without result', withProgram('x = store m[0] 1'), "3:7: expected mmap, load or pin after 'NAME =', found 'store'"],
    ['an unknown mapping flag', withProgram('m = mmap f 0 4K MAP_SHARED|MAP_SHRED'), "3:30: unknown mapping flag 'MAP_SHRED' (expected one of MAP_SHARED, MAP_SHARED_VALIDATE, MAP_PRIVATE, MAP_SYNC, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_DIRECT)"],
    ['a repeated write flag', withProgram('write f 0 1 O_SYNC O_SYNC'), "3:22: duplicate write flag 'O_SYNC'"],
    ['an unknown fallocate mode', withProgram('fallocate f 0 1 PUNCH'), "3:19: unknown fallocate mode 'PUNCH' (expected one of KEEP_SIZE, PUNCH_HOLE, ZERO_RANGE)"],
    ['a bad failure annotation', withProgram('sync => einval'), "3:11: expected an errno name (like EINVAL) or SIGBUS after '=>', found 'einval'"],
    ['trailing words', withProgram('sfence now'), "3:10: expected '=> ERRNO' or end of line, found 'now'"],
    ['a label with more on its line', withProgram('done: sfence'), "3:9: expected end of line after a label, found 'sfence'"],
    ['a missing bracket', withProgram('clwb m 0'), "3:10: expected '[', found '0'"],
    ['an unterminated string', withProgram('write f 0 "abc'), "3:13: unterminated string (expected '\"' before end of line)"],
    ['an unknown escape', withProgram('write f 0 "a\\qb"'), "3:15: unknown escape '\\q' (expected \\\", \\\\, \\n, \\t or \\xHH)"],
    ['a short hex escape', withProgram('write f 0 "\\x4"'), "3:14: expected two hex digits after '\\x'"],
    ['an unterminated comment', 'daxcheck t\nprogram\n  sfence (* never\n closed\n', "3:10: unterminated comment (expected '*)' before end of file)"],
    ['an unexpected character', withProgram('sfence @'), "3:10: unexpected character '@'"],
    ['a missing header', 'program\n', "1:1: expected the header 'daxcheck NAME', found 'program'"],
    ['an empty file', '\n\n', "3:1: expected the header 'daxcheck NAME', found end of file"],
    ['a header without a name', 'daxcheck\nprogram\n', "1:9: expected a test name after 'daxcheck', found end of line"],
    ['a missing program', 'daxcheck t\nconfig a=b\n', '3:1: expected config, file, device or program, found end of file'],
    ['an op before program', 'daxcheck t\nsfence\n', "2:1: expected config, file, device or program, found 'sfence'"],
    ['an empty config line', 'daxcheck t\nconfig\nprogram\n', '2:7: expected KEY=VALUE, found end of line'],
    ['a config key without value', 'daxcheck t\nconfig fs\nprogram\n', "2:10: expected '=', found end of line"],
    ['an unknown file option', 'daxcheck t\nfile f size=1 holes\nprogram\n', "2:15: unknown file option 'holes' (expected size=N, written, unwritten, hole, dax, nodax, fill=0xAB or content=\"...\")"],
    ['two file states', 'daxcheck t\nfile f hole size=1 written\nprogram\n', "2:20: 'written' cannot follow 'hole' (each kind of file option at most once)"],
    ['a file without size', 'daxcheck t\nfile f hole\nprogram\n', "2:1: missing size=N in the declaration of 'f'"],
    ['a fill byte out of range', 'daxcheck t\nfile f size=1 fill=256\nprogram\n', "2:20: byte '256' is out of range (expected 0..255)"],
    ['an operation after the checks', withProgram('sfence') + 'exists x=1\nmfence\n', "5:1: expected observe, exists, ~exists or forall, found 'mfence'"],
    ['a condition missing an operand', withProgram() + 'exists x=1 /\\\n', "3:14: expected a condition (NAME=VALUE, '~' or '('), found end of line"],
    ['an unclosed parenthesis', withProgram() + 'forall (x=1 \\/ y=2\n', "3:19: expected ')', found end of line"],
    ['two atoms without an operator', withProgram() + 'forall x=1 y=2\n', "3:12: expected '/\\', '\\/' or end of line, found 'y'"],
    ['a condition value that is not an integer', withProgram() + 'exists x=abc\n', "3:10: malformed number 'abc' (expected an integer, decimal or 0x hex)"],
    ['a scope without colon', withProgram() + 'exists after done x=1\n', "3:19: expected ':', found 'x'"],
    ['a bad observation', withProgram() + 'observe x = f(0)\n', "3:14: expected '[' (as in f[OFF:LEN]), found '('"],
  ])('%s', (_, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });
});
