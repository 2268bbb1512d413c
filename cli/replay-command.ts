import type { Reporter } from '../report/events.js';
import { counterexampleFrom, readCounterexampleJson } from '../report/counterexample-load.js';
import { isTraceCounterexample, replayTrace, traceCounterexampleFrom } from '../report/trace-replay.js';
import { message } from '../lang/messages.js';
import { replay } from '../report/replay.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';

/** `daxcheck replay FILE...`: 0 when every recorded violation reproduces, 1 when one does not, 2 on a bad file. */
export function runReplay(files: readonly string[], reporter: Reporter, io: Io): Promise<number> {
  return perFile(files, reporter, io, async (file) => {
    const json = readCounterexampleJson(file);
    if (isTraceCounterexample(json)) {
      const cx = traceCounterexampleFrom(json);
      const result = await replayTrace(file, cx);
      io.out(result.reproduces ? message('traceReproduces', file, cx.verdict.detail ?? cx.name) : message('traceDoesNotReproduce', file, result.reason));
      return result.reproduces ? 0 : 1;
    }
    const loaded = counterexampleFrom(json);
    const result = replay(loaded);
    reporter.write({ kind: 'replayed', file, cx: loaded.cx, result }, io);
    return result.reproduces ? 0 : 1;
  });
}
