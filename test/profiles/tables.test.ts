import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { litmusFiles } from '../../cli/catalogue.js';
import { packageRoot } from '../../report/package-root.js';
import { checkLitmus, type CheckOptions } from '../../model/check/check.js';
import { parseLitmus } from '../../lang/parse.js';
import { textReport } from '../../report/text.js';
import { PLATFORMS, type Platform } from '../../profiles/platforms.js';
import { PROFILES, type FsProfile } from '../../profiles/filesystems.js';
import { TABLES, type Tables } from '../../profiles/tables.js';

/**
 * Profiles are data: a flavour added as one table entry, under a new name, behaves as the entry it
 * copies on the catalogue tests that name that entry, with no edit of the engine.
 */
const root = `${packageRoot()}/litmus`;
const naming = (config: string) => litmusFiles(root).filter((f) => new RegExp(`^config .*\\b${config}\\b`, 'm').test(readFileSync(f, 'utf8')));

/** The text report of `file` with `from` renamed `to` in its config line, named `from` again in the report (less the program's hash). */
function report(file: string, from: string, to: string, options: CheckOptions = {}): string {
  const text = readFileSync(file, 'utf8').replace(new RegExp(`^(config .*)\\b${from}\\b`, 'm'), `$1${to}`);
  const test = parseLitmus(text);
  return textReport(test, checkLitmus(test, options)).replace(/^Hash .*$/m, '').replaceAll(to, from);
}

/** Which of `files` report differently when `from` is renamed `to` in the `tables`. */
function differing(files: readonly string[], from: string, to: string, tables: Tables, options: CheckOptions = {}): string[] {
  return files.filter((f) => report(f, from, from, options) !== report(f, from, to, { ...options, tables })).map((f) => relative(root, f));
}

const withFs = (profile: FsProfile): Tables => ({ ...TABLES, filesystems: { ...TABLES.filesystems, [profile.name]: profile } });
const withPlatform = (platform: Platform): Tables => ({ ...TABLES, platforms: { ...TABLES.platforms, [platform.name]: platform } });

describe('the built-in tables', () => {
  it('name each entry by its key', () => {
    for (const table of [TABLES.platforms, TABLES.filesystems]) for (const [key, entry] of Object.entries(table)) expect(entry.name).toBe(key);
  });
});

describe('a filesystem flavour added as one entry', () => {
  const files = naming('fs=ext4-dax');
  const pmfs: FsProfile = {
    name: 'pmfs',
    access: 'dax',
    perFileDax: true,
    options: { data: ['ordered', 'journal', 'writeback'], auto_da_alloc: ['on', 'off'] },
    reflink: false,
    daxReflink: 'unsupported',
    mapSync: true,
    mapDirect: true,
    staticFiles: true,
    synchronous: false,
    sizeAtWrite: true,
    delallocExtent: true,
  };

  it('behaves as ext4-dax when its entry says what ext4-dax does', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(differing(files, 'ext4-dax', 'pmfs', withFs(pmfs))).toEqual([]);
  });

  it('is told apart when its entry says something else (the xfs-dax entry)', () => {
    expect(differing(files, 'ext4-dax', 'pmfs', withFs({ ...PROFILES['xfs-dax'], name: 'pmfs' }))).not.toEqual([]);
  });
});

describe('a platform added as one entry', () => {
  const files = naming('platform=eadr');
  const battery: Platform = { name: 'battery', domain: { storeBuffer: false, caches: true, writeCombining: false, memoryController: true, host: null } };

  it('behaves as eadr when its persistence domain is eADR’s', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(differing(files, 'eadr', 'battery', withPlatform(battery))).toEqual([]);
  });

  it('is told apart when its domain is ADR’s', () => {
    expect(differing(files, 'eadr', 'battery', withPlatform({ ...PLATFORMS.adr, name: 'battery' }))).not.toEqual([]);
  });

  it('loses its persistent caches to the eadr-as-adr seeded bug, as eadr does', () => {
    const bugs = { bugs: new Set(['eadr-as-adr'] as const) };
    expect(differing(files, 'eadr', 'battery', withPlatform(battery), bugs)).toEqual([]);
    expect(files.filter((f) => report(f, 'eadr', 'eadr', bugs) !== report(f, 'eadr', 'eadr'))).not.toEqual([]);
  });
});
