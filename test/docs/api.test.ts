import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { fencedBlocks, tsBlocksAsFiles } from './markdown.js';

const doc = readFileSync(join(packageRoot(), 'docs', 'api.md'), 'utf8');
const exported = Object.keys(await import('../../api/index.js'));

describe('docs/api.md', () => {
  it('shows each TypeScript example verbatim from its file under test/docs/api/, which the suite type-checks and runs', async () => {
    expect(fencedBlocks(doc).filter((b) => b.lang === 'ts').length).toBe(2);
    expect(tsBlocksAsFiles(doc, 'test/docs/api/')).toEqual([]);
    expect(tsBlocksAsFiles(doc.replace("recipe: flushOnly", "recipe: 'fence'"), 'test/docs/api/')).toEqual([expect.stringMatching(/differs from test\/docs\/api\/check-a-recipe\.ts/)]);
    const { report } = await import('./api/check-a-test.js');
    expect(report.verdict).toBe('pass');
    await import('./api/check-a-recipe.js');
  });

  it('names every value the package exports, and in its tables nothing the package does not export', () => {
    expect(undocumented(doc)).toEqual([]);
    expect(undocumented(doc.replaceAll('`recipes(', '`arbitraryRecipes('))).toEqual(['recipes', 'arbitraryRecipes']);
  });
});

/** The values the package exports that the document never names, then the names its tables list that the package does not export. */
function undocumented(text: string): string[] {
  const named = new Set([...text.matchAll(/`(\w+)[(`]/g)].map((m) => m[1]!));
  const index = readFileSync(join(packageRoot(), 'api', 'index.ts'), 'utf8');
  const tableNames = [...text.matchAll(/^\| `(\w+)/gm)].map((m) => m[1]!);
  return [...exported.filter((name) => !named.has(name)), ...tableNames.filter((name) => !new RegExp(`[{,] (type )?${name}[,} ]`).test(index))];
}
