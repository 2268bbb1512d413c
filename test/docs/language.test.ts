import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { FALLOCATE_MODES, MAP_FLAGS, MSYNC_FLAGS, WRITE_FLAGS } from '../../lang/ast.js';
import { DECLARATION_OPTIONS } from '../../lang/decls.js';
import { OPERATIONS } from '../../lang/operations.js';
import { configKeys } from '../../profiles/config.js';
import { SAFETY } from '../../model/fs/safety.js';

const doc = readFileSync(join(packageRoot(), 'docs', 'language.md'), 'utf8');

/** The `### NAME` headings of section `## TITLE`, in order. */
function headings(text: string, title: string): string[] {
  const section = text.split(/^## /m).find((s) => s.startsWith(`${title}\n`)) ?? '';
  return [...section.matchAll(/^### (\S+)$/gm)].map((m) => m[1]!);
}

/** The words of the parser's tables that the document does not mention in backticks. */
function unmentioned(text: string, words: readonly string[]): string[] {
  return words.filter((w) => !new RegExp(`\`[^\`]*\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[^\`]*\``).test(text));
}

describe('docs/language.md covers every keyword the parser accepts', () => {
  it('a heading per operation, in the order of the operation table', () => {
    expect(headings(doc, 'Operations')).toEqual(Object.keys(OPERATIONS));
  });

  it('a heading per declaration, with each of its options', () => {
    expect(headings(doc, 'Declarations')).toEqual(Object.keys(DECLARATION_OPTIONS));
    expect(unmentioned(doc, [...DECLARATION_OPTIONS.file, ...DECLARATION_OPTIONS.device])).toEqual([]);
  });

  it('every flag, mode and annotation word', () => {
    expect(unmentioned(doc, [...MAP_FLAGS, ...WRITE_FLAGS, ...FALLOCATE_MODES, ...MSYNC_FLAGS, 'MADV_DIRECT_ACCESS', 'SIGBUS', 'longterm', 'STATIC', 'NONE', 'as str'])).toEqual([]);
    expect(unmentioned(doc, Object.keys(SAFETY))).toEqual([]);
  });

  it('a row per configuration key, with every value', () => {
    const missing = Object.entries(configKeys()).flatMap(([key, values]) => {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
      return row === undefined ? [key] : values.filter((v) => !row.includes(`\`${v}\``)).map((v) => `${key}=${v}`);
    });
    expect(missing).toEqual([]);
  });

  it('the checks notice what a document leaves out', () => {
    expect(headings(doc.replace('### dma\n', ''), 'Operations')).not.toEqual(Object.keys(OPERATIONS));
    expect(unmentioned('`MAP_SHARED`', ['MAP_SHARED', 'MAP_SYNC'])).toEqual(['MAP_SYNC']);
  });
});
