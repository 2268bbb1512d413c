import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../report/package-root.js';

/** The provided logs' fixtures: logs, pre-run images, checkers (test/trace/fixtures/README.md). */
export const TRACE_FIXTURES = join(packageRoot(), 'test/trace/fixtures');
const CHECKERS = join(TRACE_FIXTURES, 'checkers');

/** Builds the C checkers flag_check and true_check into `bin`, as the fixtures' README says. */
export function buildCheckers(bin: string): void {
  execFileSync('gcc', ['-O2', '-I', join(TRACE_FIXTURES, 'stub'), '-o', join(bin, 'flag_check'), join(CHECKERS, 'flag_check.c')]);
  execFileSync('gcc', ['-O2', '-o', join(bin, 'true_check'), join(CHECKERS, 'true_check.c')]);
}

/**
 * Builds hashmap_tx_insert's checker, hashmap_check, into `bin`: checkers/hashmap_check.c with
 * PMDK's example map and hashmap_tx (checkers/pmdk/), against Debian's libpmemobj-dev, which
 * scripts/ensure-test-tools.mjs installs.
 */
export function buildHashmapChecker(bin: string): void {
  const pmdk = join(CHECKERS, 'pmdk');
  const sources = ['map.c', 'map_hashmap_tx.c', 'hashmap_tx.c'].map((f) => join(pmdk, f));
  try {
    execFileSync('gcc', ['-O2', '-I', pmdk, '-o', join(bin, 'hashmap_check'), join(CHECKERS, 'hashmap_check.c'), ...sources, '-lpmemobj'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? e).split('\n')[0];
    throw new Error(`cannot build hashmap_check, which needs Debian's libpmemobj-dev ('sudo apt-get install libpmemobj-dev'): ${stderr}`);
  }
}
