import { UserError, formatUserError } from '../lang/errors.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import type { Io } from './io.js';
import { printLitmus } from '../lang/print.js';
import { showLitmus, showText } from '../report/show.js';
import { storyOf } from '../report/story.js';

/** `daxcheck show FILE... [--litmus]`: 0 when every file was shown, 2 on a bad file. */
export function runShow(files: readonly string[], litmus: boolean, io: Io): number {
  let status = 0;
  files.forEach((file, i) => {
    try {
      const loaded = loadCounterexample(file);
      const { cx, test } = loaded;
      const story = storyOf(loaded);
      if (i > 0) io.out('');
      if (litmus) io.out(showLitmus(cx, test, story, printLitmus).trimEnd());
      else for (const line of showText(story)) io.out(line);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      io.err(formatUserError(file, e));
      status = 2;
    }
  });
  return status;
}
