import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError, formatUserError } from '../lang/errors.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import { renderReport, type ReportEntry } from '../report/html/report.js';
import type { Io } from './io.js';
import { storyOf } from '../report/story.js';

/** Loads one counterexample file as a report entry, or reports its one-line error and gives null. */
function entryOf(file: string, io: Io): ReportEntry | null {
  try {
    // The page names files by base name only, so that it does not depend on where it was made.
    return { file: basename(file), story: storyOf(loadCounterexample(file)) };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(formatUserError(file, e));
    return null;
  }
}

/**
 * `daxcheck report FILE... --html OUT`: writes one HTML page for all the counterexample files.
 * Exits 2 on a bad file (each reported like `replay` does) and then writes nothing; 0 otherwise.
 */
export function runHtmlReport(files: readonly string[], out: string, io: Io): number {
  const entries = files.map((file) => entryOf(file, io));
  if (entries.some((e) => e === null)) return 2;
  try {
    writeFileSync(out, renderReport(entries as ReportEntry[]));
  } catch (e) {
    io.err(`daxcheck: cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 2;
  }
  io.out(`wrote ${out} (${entries.length} counterexample${entries.length === 1 ? '' : 's'})`);
  return 0;
}
