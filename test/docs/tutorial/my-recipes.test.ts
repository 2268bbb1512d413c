import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkRecipe, recipeHolds, recipeProperty, replay, violationOf, workloads, writeCounterexample } from '../../../api/index.js';
import { onPmem, pmemFlushOnly, pmemMsync, pmemPersist } from './my-recipes.js';

describe('my persistence recipes', () => {
  test.prop([workloads('fsdax-mapsync')])('pmem_persist after each write keeps it, and the flag last', (workload) => {
    recipeHolds({ ...onPmem, recipe: pmemPersist })(workload);
  });

  it('pmem_flush without pmem_drain loses a write, and says which', () => {
    let error: unknown;
    try {
      fc.assert(recipeProperty({ ...onPmem, recipe: pmemFlushOnly }), { seed: 1 });
    } catch (e) {
      error = e;
    }
    const violation = violationOf(error);
    expect(violation?.message).toMatch(/^pmem_flush after each write of fsdax-mapsync on adr breaks durability: forall after ack0/);
    expect(violation?.workload.writes.length).toBe(1);
  });

  it('writes the minimized counterexample for daxcheck show and replay', () => {
    const verdict = checkRecipe({ ...onPmem, recipe: pmemFlushOnly });
    if (verdict.verdict !== 'lost') throw new Error(`expected lost, got ${verdict.verdict}`);
    expect(replay(verdict.counterexample)).toEqual({ reproduces: true });
    const file = writeCounterexample(verdict.counterexample, join(tmpdir(), 'my-recipes'));
    expect(file).toBe(join(tmpdir(), 'my-recipes', 'fsdax-mapsync.adr.pmem_flush.durability.json'));
  });

  it('on a page-cache file only pmem_msync keeps the data', () => {
    expect(checkRecipe({ mode: 'pagecache-shared', platform: 'adr', recipe: pmemPersist }).verdict).toBe('lost');
    expect(checkRecipe({ mode: 'pagecache-shared', platform: 'adr', recipe: pmemMsync }).verdict).toBe('durable');
  });
});
