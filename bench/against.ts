import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Litmus } from '../lang/ast.js';
import { printLitmus } from '../lang/print.js';
import { packageRoot } from '../report/package-root.js';
import { appendProgram, growthProgram } from './programs.js';
import { builtRef } from './ref-build.js';

/** The commit at which issue 12 was filed and its costs measured. */
export const AGAINST_DEFAULT = 'eeac57c';

/** What one `daxcheck run` cost (see against-child.ts), and its exit status: the verdict. */
interface Usage {
  readonly status: number;
  readonly cpuUs: number;
  readonly maxRssKiB: number;
}

/** One input: its label, its program at a length, and the lengths: the issue's, or small ones for a smoke test. */
interface Input {
  readonly label: string;
  readonly program: (n: number) => Litmus;
  readonly lengths: { readonly full: readonly number[]; readonly quick: readonly number[] };
}

/** The inputs, all of which the old language reads too. */
const INPUTS: readonly Input[] = [
  { label: 'startup: a 10-operation cpu test', program: (n) => growthProgram('cpu-few-lines', n), lengths: { full: [10], quick: [10] } },
  { label: 'ext4-dax write+fsync', program: (n) => growthProgram('fs-write-fsync', n), lengths: { full: [1000, 3000], quick: [100] } },
  { label: 'cpu store+clwb+sfence over 10000 lines', program: (n) => growthProgram('cpu-many-lines', n), lengths: { full: [10_000, 30_000], quick: [300] } },
  { label: 'ext4-dax appends without fsync, 1 observation', program: appendProgram, lengths: { full: [1000], quick: [20] } },
];

const CHILD = fileURLToPath(new URL('./against-child.js', import.meta.url));

/**
 * This commit against a previous implementation on the same inputs (issue 12): git ref `ref` built
 * once into a temporary folder, then each input written as a litmus file and checked by
 * `daxcheck run` of both in child processes, printing each one's CPU time and peak memory, the
 * ratios old/new, and whether their verdicts (exit statuses) agree. Skipped, in one line, where
 * the ref cannot be built (no git, an installed package, an unknown ref).
 */
export function againstBench(quick: boolean, ref: string): void {
  console.log(`against ${ref}: each input checked by \`daxcheck run\` of both in child processes; whole-process CPU time and peak RSS`);
  const old = builtRef(ref);
  if ('skipped' in old) {
    console.log(`  against skipped: ${old.skipped}`);
    return;
  }
  const inputs = mkdtempSync(join(tmpdir(), 'daxcheck-bench-against-inputs-'));
  try {
    for (const [i, input] of INPUTS.entries()) {
      for (const n of input.lengths[quick ? 'quick' : 'full']) {
        const file = join(inputs, `input-${i}-${n}.litmus`);
        writeFileSync(file, printLitmus(input.program(n)));
        const [before, now] = [measure(join(old.dir, 'dist/cli/main.js'), file), measure(join(packageRoot(), 'dist/cli/main.js'), file)];
        console.log(`  ${input.label}, N=${n}: ${compared(before, now)}`);
      }
    }
  } finally {
    rmSync(inputs, { recursive: true, force: true });
  }
}

function measure(cli: string, file: string): Usage | string {
  const child = spawnSync(process.execPath, [CHILD, cli, 'run', file], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 2 ** 30, timeout: 20 * 60_000 });
  const usage = child.output[3];
  if (child.status === null || !usage) return `failed (${child.signal ?? child.error?.message ?? 'no usage'}): ${child.stderr.trim().split('\n').pop() ?? ''}`;
  return { status: child.status, ...(JSON.parse(usage) as Omit<Usage, 'status'>) };
}

function compared(before: Usage | string, now: Usage | string): string {
  if (typeof before === 'string') return `old ${before}`;
  if (typeof now === 'string') return `new ${now}`;
  const verdict = before.status === now.status ? `same verdict (exit ${now.status})` : `verdicts differ: old exit ${before.status}, new exit ${now.status}`;
  return `old ${cost(before)}; new ${cost(now)}; old/new ${(before.cpuUs / now.cpuUs).toFixed(2)}x CPU, ${(before.maxRssKiB / now.maxRssKiB).toFixed(2)}x memory; ${verdict}`;
}

function cost(u: Usage): string {
  return `${(u.cpuUs / 1e6).toFixed(2)} CPU s, ${(u.maxRssKiB / 1024).toFixed(0)} MiB`;
}
