import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { counterexampleOf, serialize } from '../../report/counterexample.js';
import { resolveCounterexample } from '../../report/counterexample-load.js';
import { replay } from '../../report/replay.js';
import type { Bug } from '../../profiles/bugs.js';
import { checkLitmus } from '../../model/check/check.js';
import { checkCell, type Cell, type CellResult } from '../../matrix/cell.js';
import { modeById } from '../../matrix/modes.js';
import type { Recipe } from '../../matrix/recipes.js';
import { workloadArbitrary, workloadTest } from '../../matrix/workload.js';
import type { PlatformName } from '../../profiles/platforms.js';

const SEED = 20261121;
const cell = (mode: string, platform: PlatformName, recipe: Recipe): Cell => ({ mode: modeById(mode)!, platform, failure: 'host', recipe });
const lost = (r: CellResult) => {
  if (r.verdict !== 'lost') throw new Error(`expected lost, got ${r.verdict}`);
  return r;
};

/** Recipes that should hold, each with the seeded bug that must break it. */
const HOLDING: [string, PlatformName, Recipe, Bug][] = [
  ['fsdax-mapsync', 'adr', 'flush+fence', 'mapsync-fault-skips-commit'],
  ['devdax', 'adr', 'flush+fence', 'sfence-noop'],
  ['devdax', 'eadr', 'fence', 'eadr-as-adr'],
  ['buffered', 'adr', 'fsync', 'fsync-skips-commit'],
  ['fsdax-shared', 'adr', 'msync', 'fsync-skips-commit'],
  ['static-dax', 'adr', 'flush+fence', 'sfence-noop'],
  ['buffered-journal', 'adr', 'o_dsync', 'fsync-skips-commit'],
];

describe.each(HOLDING)('durability of %s on %s with %s', (mode, platform, recipe, bug) => {
  const c = cell(mode, platform, recipe);
  test.prop([workloadArbitrary(c.mode)], { seed: SEED, numRuns: 40 })('holds for generated workloads', (w) => {
    expect(checkLitmus(workloadTest(c.mode, { platform }, recipe, w).test).verdict).toBe('pass');
  });
  it(`fails with the seeded bug ${bug}`, () => {
    expect(checkCell(c, { seed: SEED, numRuns: 40, bugs: new Set([bug]) }).verdict).toBe('lost');
  });
});

describe('broken recipes', () => {
  it.each<[string, PlatformName, Recipe]>([
    ['fsdax-shared', 'adr', 'flush+fence'],
    ['pagecache-shared', 'eadr', 'flush+fence'],
    ['buffered', 'adr', 'none'],
    ['private', 'adr', 'msync'],
  ])('%s on %s with %s loses data, with a small counterexample that replays', (mode, platform, recipe) => {
    const r = lost(checkCell(cell(mode, platform, recipe), { seed: SEED, numRuns: 40 }));
    expect(r.found.operations.minimized).toBeLessThanOrEqual(6);
    expect(r.found.evidence.choices.length).toBeLessThanOrEqual(2);
    const cx = counterexampleOf(r);
    expect(replay(resolveCounterexample(cx))).toEqual({ reproduces: true });
  });

  it('shrinks to the same counterexamples for the same seed (regression snapshot)', () => {
    const files = [cell('fsdax-shared', 'adr', 'flush+fence'), cell('odirect', 'adr', 'none'), cell('nova-mmap', 'adr', 'fence')].map((c) => serialize(counterexampleOf(lost(checkCell(c, { seed: SEED, numRuns: 40 })))));
    expect(files.join('\n')).toMatchSnapshot();
  });

  it('says n/a, with the errno, when the mode refuses the recipe', () => {
    expect(checkCell(cell('devdax', 'adr', 'msync'), { seed: SEED, numRuns: 5 })).toMatchObject({ verdict: 'n/a', errno: 'EINVAL' });
  });

  it('shows where mechanics and contract differ: an fsdax overwrite with flush+fence', () => {
    const r = checkCell(cell('fsdax-overwrite', 'adr', 'flush+fence'), { seed: SEED, numRuns: 20 });
    expect(r.verdict).toBe('durable');
    expect(r.contract.promised).toBe(false);
  });
});
