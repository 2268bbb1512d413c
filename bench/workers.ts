import { setAutoFreeze } from 'immer';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MATRIX_DEFAULTS } from '../cli/defaults.js';
import { checkCells } from '../cli/matrix.js';
import type { Io } from '../cli/io.js';
import { allCells } from '../matrix/cells.js';

/**
 * Benchmark: the main job (every cell of the matrix, the default seed and workloads per cell, or
 * `node dist/bench/workers.js N` workloads) checked with 1 and then 2 worker threads, on the same
 * inputs; prints the machine, its load, the cells per second of each and the ratio.
 */
// As in main() and in each worker thread: without it --workers 1 would freeze every state and be measured slower than the CLI runs it.
setAutoFreeze(false);

const numRuns = Number(process.argv[2] ?? MATRIX_DEFAULTS.numRuns);
const cells = allCells();
const quiet: Io = { out: () => {}, err: () => {}, progress: () => {}, status: () => {}, interactive: false, stopRequested: () => undefined };

/** Seconds of wall time and of CPU time (every thread) to check every cell with `workers` threads. */
async function timed(workers: number): Promise<{ wall: number; cpu: number }> {
  const out = mkdtempSync(join(tmpdir(), 'daxcheck-bench-'));
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  await checkCells(cells, { seed: MATRIX_DEFAULTS.seed, numRuns, out }, quiet, { workers });
  const cpu = process.cpuUsage(c0);
  rmSync(out, { recursive: true });
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, ${platform()} ${release()}, node ${process.version}, load ${loadavg()[0]!.toFixed(2)}`);
console.log(`inputs: the matrix, ${cells.length} cells, seed ${MATRIX_DEFAULTS.seed}, ${numRuns} workloads per cell`);
const results = [];
for (const workers of [1, 2]) {
  const { wall, cpu } = await timed(workers);
  results.push(wall);
  console.log(`--workers ${workers}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${(cells.length / wall).toFixed(2)} cells/s`);
}
console.log(`--workers 2 against --workers 1: ${(results[0]! / results[1]!).toFixed(2)}x cells per second (load after: ${loadavg()[0]!.toFixed(2)})`);
