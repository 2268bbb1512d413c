import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { printLitmus } from '../../lang/print.js';
import type { Bug } from '../../profiles/bugs.js';
import { checkLitmus } from '../../model/check/check.js';
import type { Op } from '../../lang/ast.js';
import { LAWS, lawTest, type Law } from '../../properties/cpu-laws.js';
import { cpuWorkload, WORKLOAD_LINES } from '../../properties/cpu-workload.js';
import type { PlatformName } from '../../profiles/platforms.js';

const SEED = 20261121;
const flushes = fc.array(fc.boolean(), { minLength: WORKLOAD_LINES, maxLength: WORKLOAD_LINES });
const platform = fc.constantFrom<PlatformName>('adr', 'eadr');

/** The law's test passes for this workload under these seeded bugs. */
function lawHolds(law: Law, workload: Op[], p: PlatformName, f: boolean[], bugs: Bug[] = []): boolean {
  return checkLitmus(lawTest(law, workload, p, f), { bugs: new Set(bugs) }).verdict === 'pass';
}

/** Each law: which workloads, platforms and seeded bug break it. */
const CASES: { law: Law; nt: boolean; platforms: fc.Arbitrary<PlatformName>; bug: Bug; bugPlatform: PlatformName }[] = [
  { law: 'flush-fence-durable', nt: true, platforms: platform, bug: 'sfence-noop', bugPlatform: 'adr' },
  { law: 'flush-fence-durable', nt: false, platforms: platform, bug: 'clflush-unordered', bugPlatform: 'adr' },
  { law: 'line-fifo', nt: false, platforms: fc.constant('adr'), bug: 'line-out-of-order', bugPlatform: 'adr' },
  { law: 'eadr-prefix', nt: false, platforms: fc.constant('eadr'), bug: 'eadr-as-adr', bugPlatform: 'eadr' },
  { law: 'all-may-persist', nt: true, platforms: platform, bug: 'no-eviction', bugPlatform: 'adr' },
];

describe.each(CASES)('law $law', ({ law, nt, platforms, bug, bugPlatform }) => {
  test.prop([cpuWorkload({ nt }), platforms, flushes], { seed: SEED, numRuns: 120 })(`holds for generated workloads: ${LAWS[law]}`, (w, p, f) => {
    expect(lawHolds(law, w, p, f)).toBe(true);
  });

  it(`fails with the seeded bug ${bug}, shrunk to a small workload`, () => {
    const run = fc.check(fc.property(cpuWorkload({ nt }), flushes, (w, f) => lawHolds(law, w, bugPlatform, f, [bug])), { seed: SEED, numRuns: 300 });
    expect(run.failed).toBe(true);
    const [workload] = run.counterexample!;
    expect(workload.length).toBeLessThanOrEqual(4);
    expect(printLitmus(lawTest(law, workload, bugPlatform))).toContain('program');
  });
});
