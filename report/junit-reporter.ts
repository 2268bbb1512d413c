import { escapeHtml } from './escape.js';
import type { Piece, Reporter, ReportEvent } from './events.js';
import type { TestCase } from './test-case.js';
import { casesOf } from './test-cases.js';

/** Text safe in XML 1.0: escaped, without the control characters XML cannot hold. */
function xml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd'));
}

/**
 * JUnit XML, the report CI systems read: one test case per litmus test, catalogue entry, matrix
 * cell or replayed counterexample, written as one document when the command ends.
 */
export function junitReporter(): Reporter {
  const cases: TestCase[] = [];
  const render = (event: ReportEvent): Piece[] => casesOf(event).map((c) => ({ case: c }));
  const put = (pieces: readonly Piece[]) => {
    for (const piece of pieces) if ('case' in piece) cases.push(piece.case);
  };
  return {
    write: (event) => put(render(event)),
    render,
    put,
    finish(sink) {
      const count = (status: TestCase['status']) => cases.filter((c) => c.status === status).length;
      const totals = `tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skipped')}"`;
      sink.out('<?xml version="1.0" encoding="UTF-8"?>');
      sink.out(`<testsuites ${totals}>`);
      sink.out(`  <testsuite name="daxcheck" ${totals}>`);
      for (const c of cases) sink.out(`    ${testcase(c)}`);
      sink.out('  </testsuite>');
      sink.out('</testsuites>');
    },
  };
}

function testcase(c: TestCase): string {
  const open = `<testcase name="${xml(c.name)}" classname="${xml(c.file ?? 'daxcheck')}"`;
  const out = c.detail === undefined ? '' : `<system-out>${xml(c.detail)}</system-out>`;
  const message = xml(c.message ?? '');
  switch (c.status) {
    case 'pass':
      return `${open}>${out}</testcase>`;
    case 'skipped':
      return `${open}><skipped message="${message}"/>${out}</testcase>`;
    case 'fail':
      return `${open}><failure message="${message}">${message}</failure>${out}</testcase>`;
    case 'error':
      return `${open}><error message="${message}">${message}</error>${out}</testcase>`;
  }
}
