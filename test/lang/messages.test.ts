import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { MESSAGES } from '../../lang/messages.js';
import { importGraph } from '../import-graph.js';

const root = packageRoot();
const sources = [...importGraph(root, ['lang', 'profiles', 'model', 'trace', 'properties', 'matrix', 'report', 'api', 'cli']).keys()].filter((f) => f !== 'lang/messages.ts');
const texts = new Map(sources.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

/** Errors built from wording written in place, rather than taken from the catalogue (a counterexample's field name is not wording). */
function wordingInPlace(text: string): string[] {
  return [...text.matchAll(/(?:new (?:UserError|InternalError)\(|new BadCounterexample\([^,]+,|super\()\s*[`'"][^`'"]*[`'"]/g)].map((m) => m[0]);
}

describe('the catalogue of messages', () => {
  it('every message is used', () => {
    const unused = Object.keys(MESSAGES).filter((id) => ![...texts.values()].some((t) => t.includes(`'${id}'`)));
    expect(unused).toEqual([]);
  });

  it('no error is worded outside the catalogue', () => {
    const found = [...texts].flatMap(([file, text]) => wordingInPlace(text).map((w) => `${file}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the check finds wording written in place', () => {
    expect(wordingInPlace("throw new UserError(`unknown thing '${x}'`, at);")).toHaveLength(1);
    expect(wordingInPlace("throw new BadCounterexample('program', `gone`);")).toHaveLength(1);
    expect(wordingInPlace("throw userError('unknownLabel', at, name);")).toEqual([]);
  });
});
