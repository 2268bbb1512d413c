import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Format } from '../report/reporters.js';
import { packageRoot } from '../report/package-root.js';
import { yieldToEvents, type Io } from './io.js';
import type { StopReason } from './limits.js';
import type { UnitContext } from './unit-context.js';
import { errorOf } from './unit-failure.js';
import type { Outcome, Task } from './unit-worker.js';
import { runUnit, type Unit, type UnitResults } from './unit.js';

/** How to run a command's units: how many worker threads (1: in-process, no pool), the command's format, and what to show before waiting for each unit. */
export interface PoolOptions {
  readonly workers: number;
  readonly format: Format;
  readonly before?: (index: number) => void;
  /** The worker's script; tests give their own. */
  readonly script?: string;
  /**
   * What each unit is expected to cost, for the pool only: the costliest are handed to workers
   * first, so that none is left to run alone at the end; results are still delivered in order.
   */
  readonly cost?: (index: number) => number;
}

/** How many units were delivered, and why the run stopped before the last, if it did. */
export interface Delivered {
  readonly done: number;
  readonly stopped?: StopReason;
}

/** Hands a unit's result to the command, in the fixed order; a result that must stop the run (a halted cell) says why. */
export type Deliver<U extends Unit> = (result: UnitResults[U['kind']], index: number) => StopReason | undefined;

/**
 * Runs `units` and delivers their results in their order, whatever order they finish in, so that
 * the output is the same for every number of workers. A signal or the timeout stops the run before
 * the next delivery; with a pool a signal also abandons the units in progress at once.
 */
export function inOrder<U extends Unit>(units: readonly U[], context: UnitContext, options: PoolOptions, deliver: Deliver<U>): Promise<Delivered> {
  return options.workers > 1 && units.length > 0 ? onPool(units, context, options, deliver) : inProcess(units, context, options, deliver);
}

async function inProcess<U extends Unit>(units: readonly U[], context: UnitContext, { before }: PoolOptions, deliver: Deliver<U>): Promise<Delivered> {
  for (const [index, unit] of units.entries()) {
    const stopped = context.limits.stopReason(context.io);
    if (stopped) return { done: index, stopped };
    before?.(index);
    const halted = deliver(runUnit(unit, context), index);
    if (halted) return { done: index, stopped: halted };
    await yieldToEvents();
  }
  return { done: units.length };
}

async function onPool<U extends Unit>(units: readonly U[], { reporter, io, limits }: UnitContext, options: PoolOptions, deliver: Deliver<U>): Promise<Delivered> {
  const threads = Math.min(options.workers, units.length);
  const pool = new Tinypool({ filename: options.script ?? workerScript(), minThreads: threads, maxThreads: threads, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const outcomes: Promise<Outcome>[] = new Array(units.length);
  for (const i of costliestFirst(units.length, options.cost)) outcomes[i] = pool.run({ unit: units[i]!, format: options.format, limits: limits.shared() } satisfies Task) as Promise<Outcome>;
  // Each is awaited in order below; those still pending when the run stops are rejected by destroy(), which is no error.
  for (const outcome of outcomes) outcome.catch(() => {});
  const signal = signalled(io);
  try {
    for (const [index, outcome] of outcomes.entries()) {
      const stopped = limits.stopReason(io);
      if (stopped) return { done: index, stopped };
      options.before?.(index);
      const next = await Promise.race([outcome, signal.stop]);
      if (next === 'signal') return { done: index, stopped: limits.stopReason(io)! };
      if ('failed' in next) throw errorOf(next.failed);
      reporter.put(next.pieces, io);
      const halted = deliver(next.result as UnitResults[U['kind']], index);
      if (halted) return { done: index, stopped: halted };
    }
    return { done: units.length };
  } finally {
    signal.cancel();
    await pool.destroy();
  }
}

/**
 * Each worker's young generation, in MiB: small enough that a scavenge works within a core's own
 * cache while every core runs a worker (the matrix on 2 workers took 37.7 s with 12 MiB, 40.4 s
 * with V8's default and 39.9 s with 96 MiB; bench/workers.ts measures it).
 */
const YOUNG_GENERATION_MB = 12;

/** Unit indices, costliest first, in their order among equals (the pool queues them as handed over). */
function costliestFirst(count: number, cost: ((index: number) => number) | undefined): number[] {
  const indices = Array.from({ length: count }, (_, i) => i);
  return cost ? indices.sort((a, b) => cost(b) - cost(a) || a - b) : indices;
}

/** Resolves once a signal asks the run to stop (the main thread is idle while it waits for workers, so it looks every 50 ms). */
function signalled(io: Io): { stop: Promise<'signal'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<'signal'>((resolve) => {
    timer = setInterval(() => io.stopRequested() && resolve('signal'), 50);
  });
  return { stop, cancel: () => clearInterval(timer) };
}

/**
 * The worker's entry, built beside this module. Under vitest this module runs from its TypeScript
 * source, which a worker thread cannot load, so the build in dist/ (test/global-setup.ts makes it) stands in.
 */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./unit-worker.js', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'cli', 'unit-worker.js');
}
