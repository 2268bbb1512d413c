import { describe, expect, it } from 'vitest';
import { check, outcomes } from '../../helpers.js';

const fs = (config: string, decls: string, program: string, tail: string) => `daxcheck t\nconfig ${config}\n${decls}\nprogram\n${program}\n${tail}\n`;

describe('the journal (DESIGN 1.2)', () => {
  it('commits every handle so far when one file is fsynced', () => {
    const text = fs('fs=ext4-dax', 'file a size=0', '  create b\n  write a 0 0x1:1\n  fsync a\n  L:', 'observe e = exists(b)\nforall after L: e=1');
    expect(check(text).verdict).toBe('pass');
  });
  it('leaves other files uncommitted when the fsynced file has nothing to commit', () => {
    const text = fs('fs=ext4-dax', 'file a size=4096', '  create b\n  fsync b\n  create c\n  fsync a\n  L:', 'observe e = exists(c)\nexists after L: e=0');
    expect(check(text).verdict).toBe('pass');
  });
  it('commits handles as prefixes: a later operation never survives without an earlier one', () => {
    const got = outcomes(fs('fs=ext4-dax', '', '  create a\n  create b', 'observe a = exists(a)\nobserve b = exists(b)'));
    expect(got).toEqual(['a=0; b=0', 'a=1; b=0', 'a=1; b=1']);
  });
  it('makes rename atomic: the name is always either old or new', () => {
    const got = outcomes(fs('fs=ext4-dax', 'file a size=4096 fill=0x1\nfile b size=4096 fill=0x2', '  rename a b', 'observe x = b[0:1]\nobserve e = exists(a)'));
    expect(got).toEqual(['x=1; e=0', 'x=2; e=1']);
  });
});

describe('the page cache (DESIGN 1.2)', () => {
  it('data=ordered: an append is absent or present with its bytes', () => {
    const got = outcomes(fs('fs=ext4', 'file f size=0', '  write f 0 "abcd"', 'observe x = f[0:4] as str'));
    expect(got).toEqual(['x=""', 'x="abcd"']);
  });
  it('a later version can reach media over a block allocated by an earlier, committed writeback', () => {
    // write A; create g; overwrite with B: writeback of A may have allocated the block before g's
    // handle, then B went to that block with no metadata, so B can survive without g.
    const got = outcomes(fs('fs=ext4', 'file f size=0', '  write f 0 0x1:1\n  create g\n  write f 0 0x2:1', 'observe x = f[0:1]\nobserve e = exists(g)'));
    expect(got).toContain('x=2; e=0');
    expect(got.filter((o) => o.includes('0xee'))).toEqual([]);
  });
  it('data=writeback: the size may commit before the data', () => {
    const got = outcomes(fs('fs=ext4 data=writeback', 'file f size=0', '  write f 0 "abcd"\n  create g\n  fsync g', 'observe x = f[0:4]'));
    expect(got).toContain('x=0xeeeeeeee');
  });
  it('data=journal: writes become durable in program order with the metadata', () => {
    const got = outcomes(fs('fs=ext4 data=journal', 'file f size=4096', '  write f 0 0x1:1\n  create g', 'observe x = f[0:1]\nobserve e = exists(g)'));
    expect(got).not.toContain('e=1; x=0');
  });
  it('auto_da_alloc: a replacing rename never commits before the new data', () => {
    const program = '  create t\n  write t 0 "new"\n  rename t f';
    const tail = 'observe x = f[0:3] as str\n~exists x=""';
    expect(check(fs('fs=ext4 auto_da_alloc=on', 'file f size=3 content="old"', program, tail)).verdict).toBe('pass');
    expect(check(fs('fs=ext4 auto_da_alloc=off', 'file f size=3 content="old"', program, tail)).verdict).toBe('fail');
  });
});

describe('NOVA (DESIGN 1.3)', () => {
  it('write() is atomic and durable when it returns', () => {
    const got = outcomes(fs('fs=nova', 'file f size=16', '  write f 0 0xab*16', 'observe x = f[0:16]'));
    expect(got).toEqual(['x=0', 'x=0xabababababababababababababababab']);
  });
});
