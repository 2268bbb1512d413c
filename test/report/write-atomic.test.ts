import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAbandoned, writeFileAtomic } from '../../report/write-atomic.js';

describe('atomic writes', () => {
  it('leave the file written and no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-atomic-'));
    writeFileAtomic(join(dir, 'a.json'), 'x');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it("remove only this process's abandoned temporary files (a worker stopped between write and rename)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-atomic-'));
    const names = ['a.json', `b.json.${process.pid}.tmp`, `c.json.${process.pid + 1}.tmp`];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeAbandoned(dir);
    expect(readdirSync(dir).sort()).toEqual(['a.json', `c.json.${process.pid + 1}.tmp`]);
    removeAbandoned(join(dir, 'missing'));
    expect(existsSync(join(dir, 'a.json'))).toBe(true);
  });
});
