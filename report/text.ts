import type { Evidence, TestResult } from '../model/check/check.js';
import { showObserved } from '../model/check/observe.js';
import type { Litmus } from '../lang/ast.js';
import { describePoint } from './describe.js';
import { fnv1a64 } from './hash.js';
import { printExpectation, printLitmus } from '../lang/print.js';
import { printOp } from '../lang/print-op.js';

/**
 * The herd-style text report of one test: deterministic, sorted, no paths or times, so that it can
 * be diffed against its golden `.expected` file.
 */
export function textReport(test: Litmus, r: TestResult): string {
  const lines = [`Test ${r.name}`, `Config ${test.config.map((c) => `${c.key}=${c.value}`).join(' ') || '(defaults)'}`];
  const loads = Object.entries(r.execution.final.registers).map(([k, v]) => `${k}=${v}`);
  if (loads.length > 0) lines.push(`Loads ${loads.join('; ')}`);
  lines.push(`Outcomes ${r.outcomes.length}`, ...r.outcomes.map((o) => `  ${o.text}  (${o.count})`));
  if (r.annotations.length > 0) lines.push('Annotations');
  for (const a of r.annotations) {
    const op = test.program[a.index]!;
    const what = a.actual ? `failed with ${a.actual.name}: ${a.reason}` : 'succeeded';
    lines.push(`  ${a.holds ? 'Ok' : 'No'}  line ${op.at?.line ?? '?'}: ${printOp(op)}`, `      ${what}`);
  }
  lines.push('Expectations');
  for (const e of r.expectations) {
    lines.push(`  ${e.holds ? 'Ok' : 'No'}  ${printExpectation(e.expectation)}`);
    if (e.evidence) lines.push(...evidenceLines(test, e.expectation.quantifier === 'exists' && e.holds ? 'witness' : 'counterexample', e.evidence));
  }
  if (r.safety.length > 0) lines.push('Safety');
  for (const s of r.safety) {
    lines.push(`  ${s.holds ? 'Ok' : 'No'}  ${s.property}${s.expectedToFail ? ` (the header expects it to fail: ${s.holds ? 'No' : 'Ok'})` : ''}`);
    if (s.evidence) lines.push(...evidenceLines(test, `violation (${s.detail})`, s.evidence));
  }
  if (r.observation) {
    const o = r.observation;
    const claim = o.claimed ? `; Result: ${o.claimed} ${o.claimed === o.frequency ? 'Ok' : 'No'}` : '';
    lines.push(`Observation ${r.name} ${o.frequency} ${o.positive} ${o.negative}${claim}`);
  }
  lines.push(`Crash points ${r.stats.crashPoints}, crash states ${r.stats.crashStates}, evaluations ${r.stats.evaluations}`);
  if (r.stopped) lines.push(`Stopped at --${r.stopped.limit}=${r.stopped.value} after ${r.stopped.explored} of ${r.stopped.points} crash points: the result covers only those`);
  lines.push(`Verdict ${r.verdict}`, `Hash ${fnv1a64(printLitmus(test))}`);
  return `${lines.join('\n')}\n`;
}

function evidenceLines(test: Litmus, kind: string, e: Evidence): string[] {
  const values = Object.entries(e.values).map(([k, v]) => `${k}=${showObserved(v)}`).join('; ');
  return [`      ${kind}: crash ${describePoint(e.point, test)}`, ...e.persisted.map((p) => `        ${p}`), ...(values ? [`        observed ${values}`] : [])];
}
