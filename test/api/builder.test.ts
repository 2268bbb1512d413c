import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparable } from '../../lang/ast.js';
import { after, allOf, anyOf, eq, InputError, litmus, parseLitmus, printLitmus, repeat } from '../../api/index.js';
import { packageRoot } from '../../report/package-root.js';

const catalogue = (name: string) => parseLitmus(readFileSync(join(packageRoot(), 'litmus', name), 'utf8'), name);

describe('the program builder', () => {
  it('builds the same test as the litmus text it stands for', () => {
    const built = litmus('eadr-ext4dax-mapsync-hole-store+sfence')
      .comment(catalogue('fsdax/eadr-ext4dax-mapsync-hole-store+sfence.litmus').comment!)
      .config({ platform: 'eadr', fs: 'ext4-dax' })
      .file('f', { size: 4096, state: 'hole' })
      .mmap('m', 'f', 4096, ['MAP_SHARED_VALIDATE', 'MAP_SYNC'])
      .store('m', 0, 0x2a)
      .sfence()
      .label('done')
      .observe('x', 'f', 0, 8)
      .forall(eq('x', 0x2a), after('done'))
      .forall(anyOf(eq('x', 0), eq('x', 0x2a)))
      .build();
    expect(comparable(built)).toEqual(comparable(catalogue('fsdax/eadr-ext4dax-mapsync-hole-store+sfence.litmus')));
  });

  it('extends a base program several ways without changing it', () => {
    const base = litmus('t').file('f', { size: 4096 }).mmap('m', 'f', 4096, ['MAP_SHARED']).store('m', 0, repeat(0xab, 64));
    const flushed = base.clwb('m', 0).sfence();
    expect(base.build().program.map((op) => op.op)).toEqual(['mmap', 'store']);
    expect(flushed.build().program.map((op) => op.op)).toEqual(['mmap', 'store', 'clwb', 'sfence']);
  });

  it('annotates the last operation with its errno', () => {
    const test = litmus('t').config({ fs: 'ext4' }).file('f', { size: 4096 }).mmap('m', 'f', 4096, ['MAP_SHARED_VALIDATE', 'MAP_SYNC']).fails('EOPNOTSUPP').build();
    expect(printLitmus(test)).toContain('m = mmap f 0 4K MAP_SHARED_VALIDATE|MAP_SYNC => EOPNOTSUPP');
  });

  it('refuses what the language cannot say, naming the printed line', () => {
    const bad = () => litmus('t').file('my file', { size: 4096 }).build();
    expect(bad).toThrow(InputError);
    expect(bad).toThrow(/^t \(as printed\):2:\d+: /);
    expect(() => litmus('t').fails('EIO')).toThrow(/no operation|none yet/);
    expect(() => allOf()).toThrow(RangeError);
  });
});
