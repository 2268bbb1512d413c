import fc from 'fast-check';
import { expect } from 'vitest';
import { BOUND_MS, type Outcome, type Problem } from '../../properties/fuzz/outcome.js';
import { describeOutcome } from './attempt.js';

/**
 * How many times more inputs than in the suite to try: 1 in `npm test` (a few seconds in all, with a
 * fixed seed), larger for `npm run fuzz` (DAXCHECK_FUZZ_SCALE), which then counts every problem
 * instead of stopping at the first.
 */
const SCALE = Number(process.env.DAXCHECK_FUZZ_SCALE ?? 1);
const LONG = SCALE > 1;
/** The suite's seed is fixed; a long run takes DAXCHECK_FUZZ_SEED, or a new one it prints. */
const SEED = Number(process.env.DAXCHECK_FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 1));

/** What one input did: its problems and its outcome. */
export interface Tried {
  readonly problems: readonly Problem[];
  readonly outcome: Outcome;
}

/**
 * Tries `runs` inputs of `kind` (times the scale) through `run`: in the suite a problem fails the
 * test at once, with fast-check's shrunk input; a long run tries them all, then prints what it
 * found (inputs, crashes, hangs, stack traces, peak memory, time) and fails if it found anything.
 */
export async function fuzz<T>(kind: string, inputs: fc.Arbitrary<T>, runs: number, run: (input: T) => Promise<Tried>): Promise<void> {
  const counts = new Map<Problem | 'inputs', number>();
  const found: string[] = [];
  const start = performance.now();
  let peak = 0;
  let slowest = { ms: 0, input: '' };
  const property = fc.asyncProperty(inputs, async (input) => {
    const { problems, outcome } = await run(input);
    for (const key of ['inputs', ...new Set(problems)] as const) counts.set(key, (counts.get(key) ?? 0) + 1);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, input: fc.stringify(input) };
    if (problems.length > 0 && found.length < 10) found.push(`${problems.join(', ')}: ${fc.stringify(input)}\n${describeOutcome(outcome)}`);
    if (!LONG) expect(problems, describeOutcome(outcome)).toEqual([]);
  });
  await fc.assert(property, { seed: SEED, numRuns: runs * SCALE });
  if (LONG) console.log(summary(kind, counts, { peak, slowest, ms: performance.now() - start }), ...found.map((f) => `\n${f}`));
  expect(found).toEqual([]);
}

interface Measured {
  readonly peak: number;
  readonly slowest: { readonly ms: number; readonly input: string };
  readonly ms: number;
}

function summary(kind: string, counts: ReadonlyMap<string, number>, { peak, slowest, ms }: Measured): string {
  const n = (key: string) => counts.get(key) ?? 0;
  const labels = { crash: 'crashes', hang: `hangs (over ${BOUND_MS / 1000} s)`, 'stack trace': 'stack traces', 'misplaced error': 'misplaced errors' } as const satisfies Record<Problem, string>;
  const problems = Object.entries(labels).map(([p, label]) => `${n(p)} ${label}`).join(', ');
  return `fuzz ${kind}: ${n('inputs')} inputs (seed ${SEED}); ${problems}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB; ${(ms / 1000).toFixed(0)} s; slowest ${(slowest.ms / 1000).toFixed(2)} s: ${slowest.input.slice(0, 300)}`;
}
