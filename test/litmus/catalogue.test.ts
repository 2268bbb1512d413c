import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { litmusFiles } from '../../cli/catalogue.js';
import { goldenPath } from '../../cli/golden.js';
import { packageRoot } from '../../report/package-root.js';
import { runFile } from '../../cli/run-file.js';
import { textReport } from '../../report/text.js';

const root = `${packageRoot()}/litmus`;
const files = litmusFiles(root);

describe('the litmus catalogue', () => {
  it('has at least 30 tests, each listed in litmus/README.md', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    for (const file of files) expect(readme).toContain(`| ${basename(file, '.litmus')} |`);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s passes and matches its golden report', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/Source:/);
    const run = runFile(file);
    if (run.kind === 'error') throw run.error;
    expect(run.result.verdict).toBe('pass');
    expect(existsSync(goldenPath(file))).toBe(true);
    expect(textReport(run.test, run.result)).toBe(readFileSync(goldenPath(file), 'utf8'));
  });
});
