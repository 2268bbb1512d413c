import type { Reporter } from './events.js';
import { lineReporter } from './line-reporter.js';
import type { TestCase } from './test-case.js';
import { casesOf } from './test-cases.js';
import { textReporter } from './text-reporter.js';

/** A workflow command's value, escaped as GitHub Actions requires (%, CR and LF; and , : in properties). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=F,line=L,col=C,title=T::message` for a case that did not pass (a skipped one is a warning). */
export function annotation(c: TestCase): string | undefined {
  if (c.status === 'pass') return undefined;
  const where = [c.file && `file=${escapeProperty(c.file)}`, c.line && `line=${c.line}`, c.col && `col=${c.col}`, `title=${escapeProperty(c.name)}`].filter(Boolean).join(',');
  return `::${c.status === 'skipped' ? 'warning' : 'error'} ${where}::${escapeData(c.message ?? c.status)}`;
}

/** The text report, with a GitHub Actions annotation for each case that did not pass, so a failure shows on the line that failed. */
export const githubReporter: Reporter = lineReporter({
  write(event, sink) {
    textReporter.write(event, sink);
    for (const c of casesOf(event)) {
      const line = annotation(c);
      if (line) sink.out(line);
    }
  },
});
