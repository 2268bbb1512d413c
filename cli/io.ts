import { EXIT } from './exit.js';

/** A signal that asks a long run to stop. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Where the command line writes: results to `out`, errors to `err`, a live progress line to `progress`. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Replaces the live progress line (terminals only); an empty string clears it. */
  progress(line: string): void;
  /** Progress of a long run: the live line on a terminal, a plain line on stderr otherwise. */
  status(line: string): void;
  /** Whether stderr is a terminal, where progress is a live line. */
  readonly interactive: boolean;
  /** Whether a signal has asked the run to stop: long commands check it between units of work. */
  stopRequested(): StopSignal | undefined;
}

/** The exit status of a run stopped by `signal`, as a shell reports it (128 + the signal's number). */
export function stoppedStatus(signal: StopSignal): number {
  return signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
}

/**
 * The process's own streams; progress is drawn only when stderr is a terminal. The first SIGINT or
 * SIGTERM asks the run to stop (after the unit it is in, or at once on worker threads) and print
 * what it has; a second stops at once.
 */
export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  let stop: StopSignal | undefined;
  // A reader that goes away (`daxcheck run ... | head`) is not an error of ours: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stop) process.exit(stoppedStatus(signal));
      stop = signal;
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}daxcheck: ${signal}: stopping with what is done (again to stop at once)\n`);
    });
  }
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    progress: (line) => {
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    },
    status: (line) => void process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`),
    interactive: tty,
    stopRequested: () => stop,
  };
}

/** Lets pending events (a signal) run between two units of synchronous work. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
