import { describe, expect, it } from 'vitest';
import { UserError } from '../../../lang/errors.js';
import { check, thrown } from '../../helpers.js';

const test = (device: string, program: string) => `daxcheck t\ndevice d ${device}\nprogram\n${program}\n`;
const failsWith = (device: string, program: string, errno: string) => {
  const r = check(test(device, `${program} => ${errno}`));
  return r.verdict === 'pass';
};

describe('device-dax mmap (drivers/dax/device.c, mm/mmap.c)', () => {
  it.each([
    ['a private mapping', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_PRIVATE', 'EINVAL'],
    ['an offset not aligned to the device', 'size=4M align=2M', '  m = mmap d 4096 2M MAP_SHARED', 'EINVAL'],
    ['a length not aligned to the device', 'size=4M align=2M', '  m = mmap d 0 4096 MAP_SHARED', 'EINVAL'],
    ['a length of 0', 'size=4K align=4K', '  m = mmap d 0 0 MAP_SHARED', 'EINVAL'],
    ['no mapping type', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_SYNC', 'EINVAL'],
    ['MAP_DIRECT under MAP_SHARED_VALIDATE', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED_VALIDATE|MAP_DIRECT', 'EOPNOTSUPP'],
    ['fsync of the device', 'size=4K align=4K', '  fsync d', 'EINVAL'],
    ['write to the device', 'size=4K align=4K', '  write d 0 0x1', 'EINVAL'],
    ['fallocate of the device', 'size=4K align=4K', '  fallocate d 0 4096', 'ENODEV'],
    ['msync MS_SYNC', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED\n  msync m 0 4096', 'EINVAL'],
    ['msync of an unaligned start', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED\n  msync m 8 8 MS_ASYNC', 'EINVAL'],
    ['msync of an unmapped range', 'size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED\n  munmap m\n  msync m 0 4096 MS_ASYNC', 'ENOMEM'],
    ['a store past the end of the device', 'size=4K align=2M', '  m = mmap d 0 2M MAP_SHARED\n  store m[8192] 0x1', 'SIGBUS'],
    ['MAP_FIXED_NOREPLACE over a mapping', 'size=8K align=4K', '  m = mmap d 0 4096 MAP_SHARED\n  n = mmap d 4096 4096 MAP_SHARED|MAP_FIXED_NOREPLACE at=m', 'EEXIST'],
  ])('refuses %s', (_what, device, program, errno) => {
    expect(failsWith(device, program, errno)).toBe(true);
  });

  it('accepts MAP_SYNC on both MAP_SHARED_VALIDATE and MAP_SHARED', () => {
    expect(check(test('size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED_VALIDATE|MAP_SYNC\n  n = mmap d 0 4096 MAP_SHARED|MAP_SYNC')).verdict).toBe('pass');
  });
  it('fails the test when an annotated failure does not happen', () => {
    const r = check(test('size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED => EINVAL'));
    expect(r.verdict).toBe('fail');
    expect(r.annotations.map((a) => a.holds)).toEqual([false]);
  });
  it('makes an unannotated failure an error at its line and column', () => {
    const run = () => check(test('size=4K align=4K', '  m = mmap d 0 4096 MAP_PRIVATE'));
    const e = thrown(run);
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/mmap failed with EINVAL/);
    expect((e as UserError).at).toEqual({ line: 4, col: 3 });
  });
  it('MAP_FIXED replaces a mapping: stores through the old name reach the new device', () => {
    const text = `daxcheck t\ndevice d size=4K align=4K\ndevice e size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n  n = mmap e 0 4096 MAP_SHARED|MAP_FIXED at=m\n  store m[0] 0x2a\n  clflush m[0]\nobserve x = d[0:8]\nobserve y = e[0:8]\nforall at end: x=0 /\\ y=0x2a\n`;
    expect(check(text).verdict).toBe('pass');
  });
  it('reports a store through an unmapped name as an error', () => {
    expect(() => check(test('size=4K align=4K', '  m = mmap d 0 4096 MAP_SHARED\n  munmap m\n  store m[0] 0x1'))).toThrow(/unmapped address/);
  });
});
