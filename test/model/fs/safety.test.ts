import { describe, expect, it } from 'vitest';
import type { Bug } from '../../../profiles/bugs.js';
import type { SafetyProperty } from '../../../model/fs/safety.js';
import { check } from '../../helpers.js';

/** The verdict of one safety property for a test, with the given seeded bugs. */
function safety(text: string, property: SafetyProperty, bugs: Bug[] = []): boolean {
  const result = check(text, { bugs: new Set(bugs) }).safety.find((s) => s.property === property);
  if (!result) throw new Error(`no ${property} in the result`);
  return result.holds;
}

const twoFiles = `daxcheck t
config fs=ext4-dax
file f size=0
file g size=0
program
  write f 0 0x1111111111111111
  write g 0 0x2222222222222222
  fsync g
observe x = f[0:8]
observe y = g[0:8]
`;

const reuse = `daxcheck t
config fs=ext4-dax
file old size=4096 fill=0xab
program
  unlink old
  create new
  write new 0 0x1:1
observe x = new[0:4096]
observe y = old[0:16]
`;

const orphans = `daxcheck t
config fs=ext4-dax
file a size=4096
file b size=4096
program
  m = mmap a 0 4096 MAP_SHARED
  n = mmap b 0 4096 MAP_SHARED
  unlink a
  unlink b
  sync
observe e = exists(a)
`;

const staleHole = `daxcheck t
config fs=ext4-dax
file f size=0
program
  write f 100 0x7:1
  fsync f
observe x = f[0:8]
`;

describe('safety properties (issue 3), each caught by a seeded bug', () => {
  it.each<[SafetyProperty, Bug, string]>([
    ['block-ownership', 'double-allocation', twoFiles],
    ['no-stale-data', 'dax-alloc-skips-zeroing', staleHole],
    ['no-stale-data', 'reuse-before-commit', reuse],
    ['idempotent-recovery', 'recovery-one-orphan-per-run', orphans],
    ['well-formed', 'unlink-leaves-dangling-name', reuse],
  ])('%s holds, and fails with %s', (property, bug, text) => {
    expect(safety(text, property)).toBe(true);
    expect(safety(text, property, [bug])).toBe(false);
  });

  it('exempts data=writeback page-cache files from no-stale-data, as ext4.rst allows', () => {
    const text = `daxcheck t\nconfig fs=ext4 data=writeback\nfile f size=0\nprogram\n  write f 0 0x7:1\nobserve x = f[0:8]\n`;
    const r = check(text);
    expect(r.outcomes.map((o) => o.text)).toContain('x=0xee');
    expect(r.safety.every((s) => s.holds)).toBe(true);
  });
});
