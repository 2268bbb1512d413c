import { fc } from '@fast-check/vitest';
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { goldenPath } from '../../cli/golden.js';
import { packageRoot } from '../../report/package-root.js';
import { argvMutant, type Paths } from '../../properties/fuzz/argv-mutant.js';
import { problemsOf } from '../../properties/fuzz/outcome.js';
import { attempt, workspace } from './attempt.js';
import { fuzz } from './fuzz.js';

const root = packageRoot();
const test = join(root, 'litmus', 'cpu', 'adr-store+clwb+sfence');
const dir = workspace();
const paths: Paths = {
  litmus: join(dir, 'test.litmus'),
  counterexample: join(dir, 'cx.json'),
  catalogue: join(dir, 'catalogue'),
  oddCatalogue: join(dir, 'odd'),
  goldenFolder: join(dir, 'odd', 'b.litmus'),
  folder: join(dir, 'empty'),
  missing: join(dir, 'missing'),
  dangling: join(dir, 'dangling'),
  underFile: join(dir, 'test.litmus', 'below'),
  html: join(dir, 'report.html'),
  out: join(dir, 'out'),
};

/** Puts back the files the command lines name, since promote, report and the matrix write over them. */
function reset(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(paths.catalogue, { recursive: true });
  mkdirSync(paths.folder);
  mkdirSync(goldenPath(paths.goldenFolder), { recursive: true });
  copyFileSync(`${test}.litmus`, paths.goldenFolder);
  symlinkSync(paths.missing, join(paths.oddCatalogue, 'a.litmus'));
  symlinkSync('..', join(paths.oddCatalogue, 'parent'));
  symlinkSync('loop.litmus', join(paths.oddCatalogue, 'loop.litmus'));
  symlinkSync(paths.missing, paths.dangling);
  copyFileSync(`${test}.litmus`, paths.litmus);
  copyFileSync(`${test}.litmus`, join(paths.catalogue, 'a.litmus'));
  copyFileSync(`${test}.expected`, join(paths.catalogue, 'a.expected'));
  copyFileSync(join(root, 'counterexamples', 'corpus', 'devdax.adr.fence.durability.json'), paths.counterexample);
}

it('every command survives mutated options and paths: exit 0, 1 or 2 in bound, no stack trace', async () => {
  await fuzz('argv', argvMutant(paths), 50, async (argv) => {
    reset();
    const outcome = await attempt(argv);
    return { outcome, problems: problemsOf(outcome) };
  });
});
