import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The provided logs' fixtures: logs, pre-run images, checkers (test/trace/fixtures/README.md). */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Builds the C checkers flag_check and true_check into `bin`, as the fixtures' README says. */
export function buildCheckers(bin: string): void {
  execFileSync('gcc', ['-O2', '-I', join(FIXTURES, 'stub'), '-o', join(bin, 'flag_check'), join(FIXTURES, 'checkers/flag_check.c')]);
  execFileSync('gcc', ['-O2', '-o', join(bin, 'true_check'), join(FIXTURES, 'checkers/true_check.c')]);
}
