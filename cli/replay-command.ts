import type { Reporter } from '../report/events.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import { replay } from '../report/replay.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';

/** `daxcheck replay FILE...`: 0 when every recorded violation reproduces, 1 when one does not, 2 on a bad file. */
export function runReplay(files: readonly string[], reporter: Reporter, io: Io): Promise<number> {
  return perFile(files, reporter, io, (file) => {
    const loaded = loadCounterexample(file);
    const result = replay(loaded);
    reporter.write({ kind: 'replayed', file, cx: loaded.cx, result }, io);
    return result.reproduces ? 0 : 1;
  });
}
