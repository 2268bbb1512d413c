import { fc } from '@fast-check/vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { litmusMutant } from '../../properties/fuzz/litmus-mutant.js';
import { runProblems } from '../../properties/fuzz/outcome.js';
import { tame } from '../../properties/fuzz/tame.js';
import { attempt, workspace } from './attempt.js';
import { fuzz } from './fuzz.js';

const catalogue = join(packageRoot(), 'litmus');
const sources = readdirSync(catalogue, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.litmus'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(catalogue, name), 'utf8') }));

it('run survives mutants of every catalogue test: exit 0, 1 or 2 in bound, errors named and positioned, no stack trace', async () => {
  const file = join(workspace(), 'mutant.litmus');
  await fuzz('litmus', fc.tuple(litmusMutant(sources, tame), fc.boolean()), 250, async ([mutant, json]) => {
    writeFileSync(file, mutant.bytes);
    const outcome = await attempt(['run', ...(json ? ['--json'] : []), file]);
    return { outcome, problems: runProblems(outcome, file, Buffer.from(mutant.bytes).toString('utf8'), json) };
  });
});
