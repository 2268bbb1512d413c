import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../lang/limits.js';
import { parseError as errorOf } from '../helpers.js';

const program = (...lines: string[]) => `daxcheck t\nfile f size=8K\nprogram\n${lines.map((l) => `  ${l}\n`).join('')}`;
const condition = (cond: string) => `daxcheck t\nprogram\nexists ${cond}\n`;

describe('documented limits, refused while parsing with a position (README "Limits")', () => {
  it.each([
    ['a repeat count of 2^32 bytes', program('m = mmap f 0 8K MAP_SHARED', 'store m[0] 0x41*4294967296'), /^5:19: '4294967296' \(4294967296 bytes\) is past daxcheck's limit of 4194304/],
    ['a repeat count past the bytes of a value', program('m = mmap f 0 8K MAP_SHARED', 'store m[0] 0x41*65537'), /^5:19: a value of 65537 bytes is past daxcheck's limit of 65536/],
    ['a 1G store', program('m = mmap f 0 8K MAP_SHARED', 'store m[0] 0x1*1G'), /^5:18: '1G' \(1073741824 bytes\) is past daxcheck's limit of 4194304/],
    ['a 16G file', 'daxcheck t\nfile a size=16G fill=0x11\nprogram\n', /^2:13: '16G' .* past daxcheck's limit/],
    ['a 4G fsync target', 'daxcheck t\nfile f size=4G\nprogram\n  fsync f\n', /^2:13: '4G' .* past/],
    ['a string longer than a value may be', program(`write f 0 "${'x'.repeat(LIMITS.valueBytes + 1)}"`), /^4:13: a value of 65537 bytes is past/],
    ['5,000 nested parentheses', condition(`${'('.repeat(5000)}x=1${')'.repeat(5000)}`), /^3:72: the nesting of '~' and '\(' in a condition is past daxcheck's limit of 64/],
    ['5,000 ~', condition(`${'~'.repeat(5000)}x=1`), /^3:72: the nesting/],
    ['a flat chain of 5,000 /\\', condition(Array.from({ length: 5000 }, () => 'x=1').join(' /\\ ')), /^3:1800: the number of NAME=VALUE atoms in a condition is past daxcheck's limit of 256/],
  ])('%s', (_what, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it('accepts everything up to the limits', () => {
    expect(errorOf(program('m = mmap f 0 8K MAP_SHARED', `store m[0] 0x41*${LIMITS.valueBytes}`))).toBe('no error');
    expect(errorOf(`daxcheck t\nfile a size=${LIMITS.bytes}\nprogram\n`)).toBe('no error');
    expect(errorOf(condition(`${'('.repeat(LIMITS.conditionDepth)}x=1${')'.repeat(LIMITS.conditionDepth)}`))).toBe('no error');
    expect(errorOf(condition(Array.from({ length: LIMITS.conditionAtoms }, () => 'x=1').join(' /\\ ')))).toBe('no error');
  });

  it('a program of more operations than the limit is refused at the first one past it', () => {
    expect(errorOf(`daxcheck t\nprogram\n${'  sfence\n'.repeat(LIMITS.operations + 1)}`)).toBe(`${LIMITS.operations + 3}:3: the number of operations is past daxcheck's limit of ${LIMITS.operations} (README "Limits")`);
  });
});
