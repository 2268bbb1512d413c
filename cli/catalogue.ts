import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckOptions } from '../model/check/check.js';
import { goldenPath } from './golden.js';
import type { Io } from './io.js';
import { runFile, type FileRun } from './run-file.js';

/** Every `.litmus` file under `dir`, sorted so that runs are deterministic. */
export function litmusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return litmusFiles(path);
      return name.endsWith('.litmus') ? [path] : [];
    });
}

/** How one catalogue test went: it passed and matches its golden, or what went wrong. */
export type Status = 'ok' | 'FAIL' | 'DIFF' | 'NO-GOLDEN' | 'ERROR';

/** A catalogue test's status: its own verdict first, then its report against the golden. */
export function statusOf(run: FileRun): Status {
  if (run.kind === 'error') return 'ERROR';
  if (run.result.verdict !== 'pass') return 'FAIL';
  const golden = goldenPath(run.file);
  if (!existsSync(golden)) return 'NO-GOLDEN';
  return readFileSync(golden, 'utf8') === run.text ? 'ok' : 'DIFF';
}

/** `daxcheck catalogue [DIR]`: a line per test and the totals; exit 0 only when every test is ok. */
export function runCatalogue(dir: string, io: Io, options: CheckOptions = {}): number {
  const files = litmusFiles(dir);
  const counts = new Map<Status, number>();
  files.forEach((file, i) => {
    io.progress(`[${i + 1}/${files.length}] ${relative(dir, file)}`);
    const run = runFile(file, options);
    const status = statusOf(run);
    counts.set(status, (counts.get(status) ?? 0) + 1);
    io.out(`${status.padEnd(9)} ${relative(dir, file).padEnd(48)} ${summary(run)}`);
  });
  io.progress('');
  const ok = counts.get('ok') ?? 0;
  const rest = [...counts].filter(([s]) => s !== 'ok').map(([s, n]) => `${n} ${s}`);
  io.out(`${files.length} tests: ${ok} ok${rest.length ? ', ' + rest.join(', ') : ''}`);
  return ok === files.length ? 0 : 1;
}

function summary(run: FileRun): string {
  if (run.kind === 'error') return run.message;
  const s = run.result.stats;
  const obs = run.result.observation?.frequency ?? '-';
  return `${obs.padEnd(9)} points=${s.crashPoints} states=${s.crashStates} evaluations=${s.evaluations}`;
}
