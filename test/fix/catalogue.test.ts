import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLitmus } from '../../lang/parse.js';
import { findFix } from '../../fix/search.js';
import { witnessedFailure } from '../../fix/witness.js';
import { packageRoot } from '../../report/package-root.js';
import { expectVerified } from './verify.js';

const root = join(packageRoot(), 'litmus');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.litmus')).sort();
const witnesses = files.map((f) => ({ name: f, test: parseLitmus(readFileSync(join(root, f), 'utf8')) })).filter((t) => witnessedFailure(t.test));

/** The witnessed failures no program edit of at most two fixes, and why. */
const UNFIXABLE: Record<string, string> = {
  // A store wider than 8 bytes, or across a quadword or line, is not failure-atomic (SDM vol. 3A §9.1.1): no flush makes it so.
  'cpu/adr-torn-16.litmus': 'torn',
  'cpu/adr-torn-cross-line.litmus': 'torn',
  'cpu/adr-torn-unaligned-8.litmus': 'torn',
  'cpu/eadr-torn-16.litmus': 'torn',
  'cpu/eadr-torn-cross-line.litmus': 'torn',
  'fsdax/ext4dax-write-torn-16.litmus': 'torn',
  // Unscoped: the crash right after the write, before any call added after it returns, shows the stale bytes.
  'pagecache/ext4-writeback-append.litmus': 'unscoped',
  // On a qemu NVDIMM over a plain host file nothing the guest does reaches the host's disk (qemu docs/nvdimm.txt "Guest Data Persistence").
  'platform/nvdimm-file-overwrite+fsync.litmus': 'host',
};

describe('a fix for every failure the catalogue witnesses', () => {
  it('has witnesses: tests that claim a bad outcome can happen', () => {
    expect(witnesses.length).toBeGreaterThan(50);
    expect(Object.keys(UNFIXABLE).every((f) => witnesses.some((w) => w.name === f))).toBe(true);
  });

  it.each(witnesses.map((w) => [w.name, w.test] as const))('%s', (name, test) => {
    const result = findFix(test);
    expect(result.witnessed).toBe(true);
    if (UNFIXABLE[name]) return expect(result).toMatchObject({ kind: 'none', cut: false });
    expectVerified(result.target, result);
  });
});
