import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadCounterexample } from '../report/counterexample-load.js';
import type { Reporter } from '../report/events.js';
import { renderReport, type ReportEntry } from '../report/html/report.js';
import { storyOf } from '../report/story.js';
import type { Io } from './io.js';
import { perFile } from './per-file.js';
import { message } from '../lang/messages.js';

/**
 * `daxcheck report FILE... --html OUT`: writes one HTML page for all the counterexample files.
 * Exits 2 on a bad file (each reported like `replay` does) and then writes nothing; 0 otherwise.
 */
export async function runHtmlReport(files: readonly string[], out: string, reporter: Reporter, io: Io): Promise<number> {
  const entries: ReportEntry[] = [];
  const status = await perFile(files, reporter, io, (file) => {
    // The page names files by base name only, so that it does not depend on where it was made.
    entries.push({ file: basename(file), story: storyOf(loadCounterexample(file)) });
    return 0;
  });
  if (status !== 0) return status;
  try {
    writeFileSync(out, renderReport(entries));
  } catch (e) {
    io.err(`daxcheck: ${message('cannotWrite', out, (e as NodeJS.ErrnoException).code ?? String(e))}`);
    return 2;
  }
  reporter.write({ kind: 'wrote', file: out, what: `${entries.length} counterexample${entries.length === 1 ? '' : 's'}` }, io);
  return 0;
}
