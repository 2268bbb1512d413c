import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

/** pmreorder's engines the bench runs (reorderengines.py `engines`, without NoReorderNoCheck, which checks nothing). */
export type Engine = 'NoReorderDoCheck' | 'ReorderAccumulative' | 'ReorderReverseAccumulative' | 'ReorderPartial' | 'ReorderFull';

/** What one pmreorder run did, counted by a wrapper around the checker. */
export interface PmreorderRun {
  readonly checks: number;
  /** Distinct images checked (by sha256 of the image file the checker was given). */
  readonly distinct: number;
  /** Checks that failed, and the distinct images among them. */
  readonly inconsistent: number;
  readonly inconsistentDistinct: number;
  readonly ms: number;
}

/** Runs the checker given after the tally file, then appends its exit status and the image's digest to the tally. */
const TALLY = `#!/bin/sh
tally=$1; shift
"$@"; status=$?
for last; do :; done
echo "$status $(sha256sum < "$last" | cut -c1-64)" >> "$tally"
exit $status
`;

/**
 * Runs PMDK's pmreorder (`script`, with python3) on `log` with `engine` and the checker `command`,
 * in `dir`: the log's pool path is rewritten to a fresh copy of the pre-run image `image` (pmreorder
 * writes it in place), and every check is tallied.
 */
export function runPmreorder(script: string, dir: string, log: { path: string; image: string }, engine: Engine, command: readonly string[]): PmreorderRun | string {
  const pool = join(dir, 'pool');
  const tally = join(dir, 'tally');
  const wrapper = join(dir, 'tally.sh');
  writeFileSync(wrapper, TALLY, { mode: 0o755 });
  writeFileSync(tally, '');
  writeFileSync(pool, log.image.endsWith('.gz') ? gunzipSync(readFileSync(log.image)) : readFileSync(log.image));
  writeFileSync(join(dir, 'run.log'), readFileSync(log.path, 'utf8').replace(/REGISTER_FILE;[^;|]+;/g, `REGISTER_FILE;${pool};`));
  const t0 = performance.now();
  const run = spawnSync('python3', [script, '-l', join(dir, 'run.log'), '-o', join(dir, 'out'), '-r', engine, '-c', 'prog', '-p', [wrapper, tally, ...command].join(' ')], { encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  const ms = performance.now() - t0;
  if (run.error || (run.status !== 0 && run.status !== 1)) return `failed (${run.error?.message ?? run.signal ?? `exit ${run.status}`})`;
  const checks = readFileSync(tally, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' '));
  rmSync(pool, { force: true });
  const failed = checks.filter(([status]) => status !== '0');
  return { checks: checks.length, distinct: new Set(checks.map(([, digest]) => digest)).size, inconsistent: failed.length, inconsistentDistinct: new Set(failed.map(([, digest]) => digest)).size, ms };
}

/** Why pmreorder cannot run here, or undefined when python3 answers. */
export function pmreorderMissing(): string | undefined {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'python3 is not on PATH';
}

