import { lineReporter } from './line-reporter.js';
import type { UserError } from '../lang/errors.js';
import type { FileRun, Reporter, ReportEvent, ReportSink } from './events.js';
import { jsonError, jsonReport } from './json.js';
import { matrixJson } from './matrix-json.js';

/** One JSON object per line on stdout for every event, errors included, so that a program can read all of it. */
export const jsonReporter: Reporter = lineReporter({
  write(event: ReportEvent, sink: ReportSink): void {
    sink.out(JSON.stringify(objectOf(event)));
  },
});

function objectOf(event: ReportEvent): object {
  switch (event.kind) {
    case 'test':
      return runObject(event.run);
    case 'catalogue-entry':
      return { test: event.name, status: event.status, report: runObject(event.run) };
    case 'catalogue-summary':
      return { total: event.total, counts: Object.fromEntries(event.counts) };
    case 'replayed': {
      const { file, cx, result } = event;
      return { file, name: cx.name, violated: cx.violated ?? cx.property, crashPoint: cx.crashPoint, reproduces: result.reproduces, reason: result.reproduces ? null : result.reason };
    }
    case 'shown':
      return event.litmus !== undefined ? { file: event.file, litmus: event.litmus } : { file: event.file, story: event.story };
    case 'matrix':
      return matrixJson(event.run);
    case 'stopped':
      return { stopped: event.by, done: event.done, total: event.total, unit: event.unit, resume: event.resume ?? null };
    case 'wrote':
      return { wrote: event.file, what: event.what };
    case 'file-error':
      return errorObject(event.file, event.error);
  }
}

function runObject(run: FileRun): object {
  return run.kind === 'ran' ? jsonReport(run.file, run.test, run.result) : errorObject(run.file, run.error, run.name);
}

function errorObject(file: string, error: UserError, name?: string): Record<string, unknown> {
  return jsonError(file, { ...error.at, message: error.message }, name);
}
