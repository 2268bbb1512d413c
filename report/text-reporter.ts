import { formatUserError } from '../lang/errors.js';
import type { CatalogueStatus, FileRun, Reporter, ReportEvent, ReportSink } from './events.js';
import { lineReporter } from './line-reporter.js';
import { matrixTable } from './matrix-table.js';
import { showText } from './show.js';
import { textReport } from './text.js';

/** The herd-style text every command prints by default; errors go to stderr as `FILE:LINE:COL: message`. */
export const textReporter: Reporter = lineReporter({
  write(event: ReportEvent, sink: ReportSink): void {
    switch (event.kind) {
      case 'test':
        if (event.run.kind === 'ran') sink.out(textReport(event.run.test, event.run.result).trimEnd());
        else sink.err(formatUserError(event.run.file, event.run.error));
        return;
      case 'catalogue-entry':
        sink.out(`${event.status.padEnd(9)} ${event.name.padEnd(48)} ${catalogueSummary(event.run)}`);
        return;
      case 'catalogue-summary':
        sink.out(catalogueTotals(event.total, event.counts));
        return;
      case 'replayed': {
        const { file, cx, result } = event;
        sink.out(result.reproduces ? `reproduces ${file}: ${cx.violated ?? cx.property} (${cx.crashPoint.description})` : `does not reproduce ${file}: ${result.reason}`);
        return;
      }
      case 'shown':
        if (!event.first) sink.out('');
        if (event.litmus !== undefined) sink.out(event.litmus.trimEnd());
        else for (const line of showText(event.story)) sink.out(line);
        return;
      case 'matrix':
        for (const line of matrixTable(event.run)) sink.out(line);
        return;
      case 'stopped': {
        const resume = event.resume ? `; continue with: ${event.resume}` : '';
        sink.out(`stopped by ${event.by}: ${event.done} of ${event.total} ${event.unit} done, ${event.total - event.done} not${resume}`);
        return;
      }
      case 'wrote':
        sink.out(`wrote ${event.file} (${event.what})`);
        return;
      case 'file-error':
        sink.err(formatUserError(event.file, event.error));
        return;
    }
  },
});

function catalogueSummary(run: FileRun): string {
  if (run.kind === 'error') return formatUserError(run.file, run.error);
  const s = run.result.stats;
  const obs = run.result.observation?.frequency ?? '-';
  return `${obs.padEnd(9)} points=${s.crashPoints} states=${s.crashStates} evaluations=${s.evaluations}`;
}

function catalogueTotals(total: number, counts: ReadonlyMap<CatalogueStatus, number>): string {
  const ok = counts.get('ok') ?? 0;
  const rest = [...counts].filter(([s]) => s !== 'ok').map(([s, n]) => `${n} ${s}`);
  return `${total} tests: ${ok} ok${rest.length ? ', ' + rest.join(', ') : ''}`;
}
