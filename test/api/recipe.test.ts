import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  checkRecipe,
  explain,
  InputError,
  never,
  not,
  readCounterexample,
  recipeProperty,
  recipes,
  replay,
  violationOf,
  writeCounterexample,
  type PropertySpec,
  type RecipeSpec,
} from '../../api/index.js';

/** A user's recipe: clflushopt each line the write touches, then sfence (what libpmem's pmem_persist does on such a CPU). */
const flushoptFence: RecipeSpec = { name: 'clflushopt+sfence', steps: [{ op: 'clflushopt' }, { op: 'sfence' }] };
/** The same without the fence: the flushes may still be in flight at the crash. */
const flushoptOnly: RecipeSpec = { name: 'clflushopt', steps: [{ op: 'clflushopt' }] };
/** A property of the user's: a later write never persists without the earlier one. */
const prefix: PropertySpec = { name: 'prefix', claims: (f) => Array.from({ length: f.count - 1 }, (_, i) => ({ writes: [i, i + 1], expectation: never(allOf(f.written(i + 1), not(f.written(i)))) })) };

const FEW = { seed: 7, numRuns: 15 } as const;

describe('checking a recipe of your own', () => {
  it('finds a correct recipe durable, and a user-defined property kept', () => {
    expect(checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptFence, ...FEW }).verdict).toBe('durable');
    expect(checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptFence, properties: ['durability', prefix], ...FEW }).verdict).toBe('durable');
  });

  it('finds a broken recipe lost, with a minimized counterexample that replays, explains and writes as a file', () => {
    const verdict = checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptOnly, ...FEW });
    if (verdict.verdict !== 'lost') throw new Error(`expected lost, got ${verdict.verdict}`);
    const cx = verdict.counterexample;
    expect(cx.name).toBe('fsdax-mapsync.adr.clflushopt.durability');
    expect(cx.cell).toEqual({ mode: 'fsdax-mapsync', platform: 'adr', recipe: 'clflushopt' });
    expect(verdict.operations.minimized).toBeLessThanOrEqual(verdict.operations.shrunk);
    expect(replay(cx)).toEqual({ reproduces: true });
    expect(explain(cx)).toContain('>>> crash');
    const file = writeCounterexample(cx, join(mkdtempSync(join(tmpdir(), 'daxcheck-api-')), 'out'));
    expect(readCounterexample(file)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('records a violated user property as an expectation of the program, named in the record', () => {
    // Without a fence the second write may persist while the first is still in flight.
    const verdict = checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptOnly, properties: [prefix], seed: 3, numRuns: 60 });
    if (verdict.verdict !== 'lost') throw new Error(`expected lost, got ${verdict.verdict}`);
    expect(verdict.counterexample.name).toBe('fsdax-mapsync.adr.clflushopt.prefix');
    expect(verdict.counterexample.property).toBe('expectation');
    expect(replay(verdict.counterexample)).toEqual({ reproduces: true });
  });

  it('says n/a with the errno when the mode refuses the recipe', () => {
    const verdict = checkRecipe({ mode: 'devdax', platform: 'adr', recipe: 'fsync', ...FEW });
    expect(verdict).toMatchObject({ verdict: 'n/a', errno: expect.stringMatching(/^E/) });
  });

  it('runs as a fast-check property whose failure carries the minimized counterexample', () => {
    expect(() => fc.assert(recipeProperty({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptFence }), FEW)).not.toThrow();
    let caught: unknown;
    try {
      fc.assert(recipeProperty({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushoptOnly }), FEW);
    } catch (e) {
      caught = e;
    }
    const violation = violationOf(caught);
    expect(violationOf(new Error('unrelated'))).toBeUndefined();
    expect(violation?.message).toMatch(/clflushopt after each write of fsdax-mapsync on adr breaks durability: forall after ack0/);
    expect(violation?.workload.writes.length).toBe(1);
    expect(replay(violation!.counterexample)).toEqual({ reproduces: true });
  });

  it('generates recipes from the built-in steps, and a search among them finds the cheapest durable one', () => {
    const candidates = fc.sample(recipes(), { seed: 1, numRuns: 40 }).filter((r) => r.steps.every((s) => s.op !== 'msync' && s.op !== 'fsync' && s.op !== 'fdatasync'));
    const durable = candidates.filter((r) => checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: r, seed: 1, numRuns: 8 }).verdict === 'durable');
    expect(durable.length).toBeGreaterThan(0);
    expect(durable.every((r) => r.steps.some((s) => s.op === 'clflush') || (r.steps.some((s) => s.op === 'clwb' || s.op === 'clflushopt') && r.steps.some((s) => s.op.endsWith('fence'))))).toBe(true);
  });

  it('names an unknown mode, platform or property with the choices', () => {
    expect(() => checkRecipe({ mode: 'fsdax', platform: 'adr', recipe: 'fence' })).toThrow(InputError);
    expect(() => checkRecipe({ mode: 'fsdax', platform: 'adr', recipe: 'fence' })).toThrow(/unknown mode 'fsdax' \(expected one of pagecache-shared,/);
    expect(() => checkRecipe({ mode: 'devdax', platform: 'adr-x' as 'adr', recipe: 'fence' })).toThrow(/unknown platform 'adr-x'/);
    expect(() => checkRecipe({ mode: 'devdax', platform: 'adr', recipe: 'fence', properties: ['durable' as 'durability'] })).toThrow(/unknown property 'durable'/);
  });
});
