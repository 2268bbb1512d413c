import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import type { Budget } from '../model/check/budget.js';
import { EXIT } from './exit.js';
import { stoppedStatus, type Io } from './io.js';
import { atLeastOne } from './number-options.js';

/** The limits a user sets on a long command: `--max-evaluations`, `--max-states` (per test) and `--timeout` (the whole command). */
export interface LimitOptions {
  readonly maxEvaluations?: number;
  readonly maxStates?: number;
  /** Seconds. */
  readonly timeout?: number;
}

/** Why a long command stops before its end, as its report names it, and the exit status that follows. */
export interface StopReason {
  readonly by: string;
  readonly status: number;
}

/** Limits as data a worker thread rebuilds them from: the options, and the deadline on the clock every thread shares. */
export interface SharedLimits {
  readonly options: LimitOptions;
  readonly deadline?: number;
}

/** Milliseconds since the epoch, monotonic within a thread and the same in every thread (each thread's `performance.now()` starts apart). */
const sharedClock = () => performance.timeOrigin + performance.now();

/** The limits of one command, with its deadline counted from when the command started. */
export class RunLimits {
  constructor(
    private readonly options: LimitOptions = {},
    /** Milliseconds; tests pass their own. */
    private readonly clock: () => number = sharedClock,
    private readonly deadline = options.timeout === undefined ? undefined : clock() + options.timeout * 1000,
  ) {}

  /** The same limits in a worker thread. */
  static of({ options, deadline }: SharedLimits): RunLimits {
    return new RunLimits(options, sharedClock, deadline);
  }

  /** These limits as data for a worker thread. */
  shared(): SharedLimits {
    return { options: this.options, ...(this.deadline === undefined ? {} : { deadline: this.deadline }) };
  }

  /** What each check may do; a check the deadline overtakes stops with a partial result. */
  budget(): Budget {
    const { maxEvaluations, maxStates, timeout } = this.options;
    return {
      ...(maxEvaluations !== undefined ? { maxEvaluations } : {}),
      ...(maxStates !== undefined ? { maxStates: BigInt(maxStates) } : {}),
      ...(timeout !== undefined ? { expired: () => this.expired(), timeout: `${timeout}` } : {}),
    };
  }

  /** Whether the command should stop before its next unit of work: a signal (130 or 143), or the timeout (2). */
  stopReason(io: Io): StopReason | undefined {
    const signal = io.stopRequested();
    if (signal) return { by: signal, status: stoppedStatus(signal) };
    return this.expired() ? { by: `--timeout=${this.options.timeout}`, status: EXIT.usage } : undefined;
  }

  private expired(): boolean {
    return this.deadline !== undefined && this.clock() >= this.deadline;
  }
}

/** Adds `--max-evaluations`, `--max-states` and `--timeout` to a command. */
export function withLimits(command: Command): Command {
  return command
    .option('--max-evaluations <n>', 'stop a test after this many recovery runs, with a partial report (exit 2)', atLeastOne('--max-evaluations'))
    .option('--max-states <n>', 'stop a test before a crash point that takes its crash states past this many (exit 2)', atLeastOne('--max-states'))
    .option('--timeout <seconds>', 'stop the whole command after this many seconds, with what it has done (exit 2)', atLeastOne('--timeout'));
}
