import { formatUserError } from '../lang/errors.js';
import { printExpectation } from '../lang/print.js';
import { promisedButLost, rowId } from '../matrix/row.js';
import type { ReportEvent } from './events.js';
import type { TestCase } from './test-case.js';
import { fileOf } from './matrix-run.js';
import { textReport } from './text.js';

/** The test cases an event stands for (none for events that check nothing, like `show`). */
export function casesOf(event: ReportEvent): TestCase[] {
  switch (event.kind) {
    case 'test':
      return [runCase(event.run.file, event.run)];
    case 'catalogue-entry':
      return [{ ...runCase(event.name, event.run), ...(event.status === 'DIFF' || event.status === 'NO-GOLDEN' ? { status: 'fail', message: `${event.status}: the report is not its golden` } : {}) }];
    case 'matrix':
      return event.run.rows.map((row) => ({
        name: rowId(row),
        status: row.verdict === 'n/a' ? 'skipped' : promisedButLost(row) ? 'fail' : 'pass',
        message: row.verdict === 'n/a' ? `n/a: ${row.errno}` : `${row.verdict}${row.contract.promised ? ', promised' : ''}${row.property ? `: ${row.property}, ${fileOf(event.run, row)}` : ''}`,
      }));
    case 'replayed':
      return [{ name: event.cx.name, file: event.file, status: event.result.reproduces ? 'pass' : 'fail', ...(event.result.reproduces ? {} : { message: event.result.reason }) }];
    case 'file-error':
      return [{ name: event.file, file: event.file, ...event.error.at, status: 'error', message: formatUserError(event.file, event.error) }];
    case 'stopped':
      return [{ name: `stopped by ${event.by}`, status: 'error', message: `${event.done} of ${event.total} ${event.unit} done` }];
    case 'catalogue-summary':
    case 'shown':
    case 'wrote':
      return [];
  }
}

function runCase(name: string, run: Extract<ReportEvent, { kind: 'test' }>['run']): TestCase {
  if (run.kind === 'error') return { name, file: run.file, ...run.error.at, status: 'error', message: formatUserError(run.file, run.error) };
  const { result, test } = run;
  const detail = textReport(test, result);
  if (result.verdict === 'pass') return { name, file: run.file, status: 'pass', detail };
  if (result.verdict === 'incomplete') return { name, file: run.file, status: 'skipped', message: `stopped at --${result.stopped?.limit}=${result.stopped?.value}`, detail };
  const failed = result.expectations.find((e) => !e.holds);
  const where = failed?.expectation.at ?? result.annotations.map((a) => test.program[a.index]?.at).find((at) => at);
  const message = failed ? `No: ${printExpectation(failed.expectation)}` : 'an annotation, a safety property or the Result: claim does not hold';
  return { name, file: run.file, ...where, status: 'fail', message, detail };
}
