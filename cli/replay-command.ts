import { UserError, formatUserError } from '../lang/errors.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import { replay } from '../report/replay.js';
import type { Io } from './io.js';

/** `daxcheck replay FILE...`: 0 when every recorded violation reproduces, 1 when one does not, 2 on a bad file. */
export function runReplay(files: readonly string[], io: Io): number {
  let status = 0;
  for (const file of files) {
    try {
      const loaded = loadCounterexample(file);
      const { cx } = loaded;
      const result = replay(loaded);
      io.out(result.reproduces ? `reproduces ${file}: ${cx.violated ?? cx.property} (${cx.crashPoint.description})` : `does not reproduce ${file}: ${result.reason}`);
      if (!result.reproduces) status = Math.max(status, 1);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      io.err(formatUserError(file, e));
      status = 2;
    }
  }
  return status;
}
