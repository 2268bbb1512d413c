import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseLitmus } from '../../lang/parse.js';
import { printLitmus } from '../../lang/print.js';
import { checkLitmus } from '../../model/check/check.js';
import { comparable } from '../../lang/ast.js';
import { applicable, MODES, modeById } from '../../matrix/modes.js';
import { RECIPES } from '../../matrix/recipes.js';
import { workloadArbitrary, workloadTest } from '../../matrix/workload.js';
import type { PlatformName } from '../../profiles/platforms.js';

const SEED = 20261121;

describe.each(MODES.map((m) => [m.id, m] as const))('workloads of %s', (_id, mode) => {
  const recipe = RECIPES.find((r) => applicable(mode, r))!;
  test.prop([workloadArbitrary(mode), fc.constantFrom<PlatformName>('adr', 'eadr')], { seed: SEED, numRuns: 30 })('print as valid litmus that reads back the same', (w, platform) => {
    const litmus = workloadTest(mode, { platform }, recipe, w).test;
    expect(comparable(parseLitmus(printLitmus(litmus)))).toEqual(comparable(litmus));
  });
});

describe('generated workloads', () => {
  it('run without errors in a mode that accepts them', () => {
    const mode = modeById('buffered')!;
    for (const w of fc.sample(workloadArbitrary(mode), { seed: SEED, numRuns: 10 })) {
      expect(() => checkLitmus(workloadTest(mode, { platform: 'adr' }, 'fsync', w).test)).not.toThrow();
    }
  });

  it('keep O_DIRECT writes aligned to 512 bytes', () => {
    const mode = modeById('odirect')!;
    for (const w of fc.sample(workloadArbitrary(mode), { seed: SEED, numRuns: 50 })) {
      for (const write of w.writes) expect([write.off % 512, write.len % 512]).toEqual([0, 0]);
    }
  });

  it('are the same programs for the same seed (regression snapshot)', () => {
    const programs = ['fsdax-shared', 'buffered', 'odirect', 'nova-write'].map((id) => {
      const mode = modeById(id)!;
      const [w] = fc.sample(workloadArbitrary(mode), { seed: SEED, numRuns: 1 });
      return printLitmus(workloadTest(mode, { platform: 'adr' }, RECIPES.find((r) => applicable(mode, r) && r !== 'none')!, w!).test);
    });
    expect(programs.join('\n')).toMatchSnapshot();
  });
});
