/** Where the command line writes: results to `out`, errors to `err`, a live progress line to `progress`. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Replaces the live progress line (terminals only); an empty string clears it. */
  progress(line: string): void;
  /** Progress of a long run: the live line on a terminal, a plain line on stderr otherwise. */
  status(line: string): void;
}

/** The process's own streams; progress is drawn only when stderr is a terminal. */
export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  // A reader that goes away (`daxcheck run ... | head`) is not an error of ours: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    progress: (line) => {
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    },
    status: (line) => void process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`),
  };
}
