import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { parseClaims } from '../../lang/claims.js';

const root = packageRoot();
const doc = readFileSync(join(root, 'docs', 'semantics.md'), 'utf8');

/** First folders of the Linux source paths the document cites; they are not in this repository. */
const KERNEL = new Set(['arch', 'block', 'drivers', 'fs', 'include', 'kernel', 'lib', 'mm', 'Documentation']);
/** First folders of this repository's paths: its top-level folders, build output and dependencies aside. */
const REPO = new Set(
  readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'dist'].includes(e.name))
    .map((e) => e.name),
);

/** A backticked source path, then the backticked names written right after it: "`path` `a`, `b`". */
const REFERENCE = /`([\w.+-]+\/[\w.+/-]*)`((?:\s+`[A-Za-z_$][\w$]*`)(?:,\s+`[A-Za-z_$][\w$]*`)*)?/g;
/** A catalogue test named with the result its header claims: "`adr-store` (Sometimes". */
const TEST_RESULT = /`([\w.+-]+)`\s+\((Always|Sometimes|Never)\b/g;

/** The code of a source file without its comments, so that a name only mentioned in a comment does not count. */
function code(path: string): string {
  return readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** Whether identifier `name` occurs in `text` as a whole word. */
function occurs(name: string, text: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

/**
 * What is wrong with the code references of `text`: a repository path that does not exist, a path
 * that is neither the repository's nor the kernel's, and a name written after a repository file
 * that its code does not contain. Kernel paths and their names are cited, not checked.
 */
function referenceProblems(text: string): string[] {
  return [...text.matchAll(REFERENCE)].flatMap(([, path, names]) => {
    const first = path!.split('/')[0]!;
    if (KERNEL.has(first)) return [];
    if (!REPO.has(first)) return /(\.\w+|\/)$/.test(path!) ? [`${path}: neither a folder of this repository nor a kernel source path`] : [];
    if (!existsSync(join(root, path!))) return [`${path}: no such file`];
    const body = names ? code(path!) : '';
    const named = [...(names ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    return named.filter((name) => !occurs(name, body)).map((name) => `${path}: no '${name}' in its code`);
  });
}

/** Every catalogue test under litmus/, by name, with its file. */
function catalogue(): Map<string, string> {
  const tests = new Map<string, string>();
  for (const dir of readdirSync(join(root, 'litmus'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of readdirSync(join(root, 'litmus', dir.name)).filter((f) => f.endsWith('.litmus'))) {
      tests.set(file.slice(0, -'.litmus'.length), join(root, 'litmus', dir.name, file));
    }
  }
  return tests;
}

/** Catalogue tests `text` names with a result that is not the test's own `Result:` claim, or that do not exist. */
function resultProblems(text: string): string[] {
  const tests = catalogue();
  return [...text.matchAll(TEST_RESULT)].flatMap(([, name, said]) => {
    const file = tests.get(name!);
    if (!file) return [`${name}: no such catalogue test`];
    const claimed = parseClaims(readFileSync(file, 'utf8'))?.result?.frequency;
    return claimed === said ? [] : [`${name}: the document says ${said}, the test claims ${claimed ?? 'nothing'}`];
  });
}

describe('docs/semantics.md names only code and tests that exist', () => {
  it('every repository path exists and every name after one occurs in its code', () => {
    expect(referenceProblems(doc)).toEqual([]);
  });

  it('every catalogue test it names with a result exists and claims that result', () => {
    expect(resultProblems(doc)).toEqual([]);
  });

  it('cites the rules of every layer of the model', () => {
    const cited = new Set([...doc.matchAll(REFERENCE)].map(([, path]) => path!.split('/').slice(0, 2).join('/')));
    expect(['model/core', 'model/x86', 'model/fs', 'model/kernel', 'model/ops', 'model/check', 'profiles/platforms.ts', 'profiles/filesystems.ts'].filter((p) => !cited.has(p))).toEqual([]);
  });

  it('the checks notice a wrong name, a missing file, a misspelt folder and a wrong result', () => {
    expect(referenceProblems('`model/ops/write.ts` `sizeAtWrite`, `touchTimes`')).toEqual([]);
    expect(referenceProblems('`model/ops/write.ts` `sizeAtWrit`')).toEqual(["model/ops/write.ts: no 'sizeAtWrit' in its code"]);
    expect(referenceProblems('`model/ops/write.ts` `runWrite`, `sizeAtWrites`')).toEqual(["model/ops/write.ts: no 'sizeAtWrites' in its code"]);
    expect(referenceProblems('`model/ops/media-write.ts` `pmem_submit_bio`')).toEqual(["model/ops/media-write.ts: no 'pmem_submit_bio' in its code"]);
    expect(referenceProblems('`model/ops/wirte.ts` `runWrite`')).toEqual(['model/ops/wirte.ts: no such file']);
    expect(referenceProblems('`modle/ops/write.ts`')).toEqual(['modle/ops/write.ts: neither a folder of this repository nor a kernel source path']);
    expect(referenceProblems('`fs/ext4/inode.c` `ext4_da_do_write_end` and `n/a`')).toEqual([]);
    expect(resultProblems('`adr-store` (Sometimes), `adr-store` (Always), `adr-no-such-test` (Never)')).toEqual(['adr-store: the document says Always, the test claims Sometimes', 'adr-no-such-test: no such catalogue test']);
  });
});
