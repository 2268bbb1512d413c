import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';
import type { Outcome } from '../../properties/fuzz/outcome.js';
import { memoryIo } from '../helpers.js';

/** Runs the command line in this process with `argv`, as a fuzz input: never throws, always timed. */
export async function attempt(argv: readonly string[]): Promise<Outcome> {
  const io = memoryIo();
  const start = performance.now();
  const ran = (more: { status: number } | { thrown: string }): Outcome => ({ ...more, stdout: io.stdout, stderr: io.stderr, ms: performance.now() - start });
  try {
    return ran({ status: await main(argv, io) });
  } catch (e) {
    return ran({ thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

/** A fresh temporary folder for one fuzz test's files. */
export function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'daxcheck-fuzz-'));
}

/** How an outcome is shown when a fuzz property fails: the status and everything printed. */
export function describeOutcome(outcome: Outcome): string {
  const status = outcome.thrown !== undefined ? `threw ${outcome.thrown}` : `exit ${outcome.status}`;
  return [`${status} after ${outcome.ms.toFixed(0)} ms`, ...outcome.stdout.map((l) => `stdout: ${l}`), ...outcome.stderr.map((l) => `stderr: ${l}`)].join('\n').slice(0, 4000);
}
