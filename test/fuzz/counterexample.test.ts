import { fc } from '@fast-check/vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { counterexampleMutant } from '../../properties/fuzz/counterexample-mutant.js';
import { counterexampleProblems } from '../../properties/fuzz/outcome.js';
import { tame } from '../../properties/fuzz/tame.js';
import { attempt, workspace } from './attempt.js';
import { fuzz } from './fuzz.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');
const sources = readdirSync(corpus)
  .sort()
  .map((name) => ({ name, text: readFileSync(join(corpus, name), 'utf8') }));

it('replay, show and report survive mutants of every corpus file: exit 0, 1 or 2 in bound, errors named, no stack trace', async () => {
  const dir = workspace();
  const file = join(dir, 'mutant.json');
  const commands = [['replay'], ['replay', '--json'], ['show'], ['show', '--litmus'], ['show', '--json'], ['report', `--html=${join(dir, 'report.html')}`]];
  await fuzz('counterexample', fc.tuple(counterexampleMutant(sources, tame), fc.constantFrom(...commands)), 150, async ([mutant, command]) => {
    writeFileSync(file, mutant.bytes);
    const outcome = await attempt([...command, file]);
    return { outcome, problems: counterexampleProblems(outcome, file, command.includes('--json')) };
  });
});
