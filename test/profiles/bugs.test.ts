import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { litmusFiles } from '../../cli/catalogue.js';
import { statusOf } from '../../cli/catalogue-unit.js';
import { packageRoot } from '../../report/package-root.js';
import { runFile } from '../../cli/run-file.js';
import { BUGS, type Bug } from '../../profiles/bugs.js';

const root = `${packageRoot()}/litmus`;
const files = litmusFiles(root);

describe('seeded model bugs (STYLE rule 6)', () => {
  it.each(Object.keys(BUGS) as Bug[])('%s makes some catalogue test fail', (bug) => {
    const caught = files.filter((file) => statusOf(runFile(file, { bugs: new Set([bug]) })) !== 'ok');
    expect(caught.map((f) => relative(root, f))).not.toEqual([]);
  });
});
