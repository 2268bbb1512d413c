/**
 * A user's own persistence recipes, checked with daxcheck as property tests. The recipes follow
 * libpmem: `pmem_persist` flushes each cache line the data touches and then drains (CLWB, SFENCE);
 * `pmem_flush` alone does not drain, so the data may still be on its way when the power fails.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkRecipe, recipeHolds, workloads, writeCounterexample, type PropertySpec, type RecipeSpec, allOf, not, never } from 'daxcheck';

const pmemPersist: RecipeSpec = { name: 'pmem_persist', steps: [{ op: 'clwb' }, { op: 'sfence' }] };
const pmemFlushOnly: RecipeSpec = { name: 'pmem_flush', steps: [{ op: 'clwb' }] };

/** A log's promise: a later record never survives without the earlier one. */
const inOrder: PropertySpec = {
  name: 'in-order',
  claims: (writes) => Array.from({ length: writes.count - 1 }, (_, i) => ({ writes: [i, i + 1], expectation: never(allOf(writes.written(i + 1), not(writes.written(i)))) })),
};

describe('pmem_persist after each store, MAP_SYNC mapping of an ext4-dax file, ADR platform', () => {
  const mine = { mode: 'fsdax-mapsync', platform: 'adr', recipe: pmemPersist, properties: ['durability', inOrder] } as const;

  test.prop([workloads('fsdax-mapsync')], { numRuns: 20, seed: 1 })('every acknowledged write survives every crash, in order', (workload) => {
    recipeHolds(mine)(workload);
  });
});

describe('pmem_flush without pmem_drain', () => {
  it('loses data, and the minimized counterexample is written for daxcheck show and replay', () => {
    const verdict = checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: pmemFlushOnly, seed: 1, numRuns: 20 });
    expect(verdict.verdict).toBe('lost');
    if (verdict.verdict !== 'lost') return;
    expect(verdict.counterexample.violated).toMatch(/^forall after ack0:/);
    const file = writeCounterexample(verdict.counterexample, 'counterexamples');
    expect(file).toBe('counterexamples/fsdax-mapsync.adr.pmem_flush.durability.json');
  });

  it('is fine on eADR without any flush, where the caches are persistent and a fence drains the stores', () => {
    const fenceOnly: RecipeSpec = { name: 'sfence', steps: [{ op: 'sfence' }] };
    fc.assert(fc.property(workloads('fsdax-mapsync'), recipeHolds({ mode: 'fsdax-mapsync', platform: 'eadr', recipe: fenceOnly })), { numRuns: 20, seed: 1 });
  });
});
