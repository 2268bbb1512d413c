import type { Io } from './io.js';
import { exitStatus, runFile } from './run-file.js';

/** `daxcheck run FILE... [--json]`: a report per file (text, or one JSON object per line). */
export function runRun(files: readonly string[], json: boolean, io: Io): number {
  const runs = files.map((file) => runFile(file));
  for (const run of runs) {
    if (json) io.out(JSON.stringify(run.json));
    else if (run.kind === 'ran') io.out(run.text.trimEnd());
    else io.err(run.message);
  }
  return exitStatus(runs);
}
