import { printLitmus } from '../lang/print.js';
import { counterexampleFrom, readCounterexampleJson } from '../report/counterexample-load.js';
import { isTraceCounterexample, traceCounterexampleFrom } from '../report/trace-replay.js';
import { showTrace } from '../report/trace-show.js';
import type { Reporter } from '../report/events.js';
import { showLitmus } from '../report/show.js';
import { storyOf } from '../report/story.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';

/** `daxcheck show FILE... [--litmus]`: 0 when every file was shown, 2 on a bad file. */
export function runShow(files: readonly string[], litmus: boolean, reporter: Reporter, io: Io): Promise<number> {
  return perFile(files, reporter, io, (file, index) => {
    const json = readCounterexampleJson(file);
    if (isTraceCounterexample(json)) {
      for (const line of showTrace(traceCounterexampleFrom(json))) io.out(line);
      return 0;
    }
    const loaded = counterexampleFrom(json);
    const story = storyOf(loaded);
    const shown = litmus ? { litmus: showLitmus(loaded, story, printLitmus) } : {};
    reporter.write({ kind: 'shown', file, first: index === 0, story, ...shown }, io);
    return 0;
  });
}
