import type { Litmus } from '../lang/ast.js';
import type { Loaded } from './counterexample-load.js';
import type { Story } from './story-shape.js';
import { fixSentence } from './fix-summary.js';

/**
 * `daxcheck show FILE`: the counterexample on one screen — the program with the crash point
 * marked, what had persisted (lines, pages, journal handles), recovered against expected values,
 * and a sentence on why.
 */
export function showText(story: Story): string[] {
  return [
    `${story.name}: ${story.property} violated${story.violated ? `: ${story.violated}` : ''}`,
    `config ${story.config || '(defaults)'}`,
    '',
    'program',
    ...programLines(story),
    '',
    'persisted at the crash',
    ...(story.choices.length === 0 ? ['  nothing was left to chance: every crash state at this point looks the same'] : story.choices.map((c) => `  ${c.text}${c.lines.length ? ` (line ${c.lines.join(', ')})` : ''}`)),
    ...story.handles.map((h) => `  journal handle of line ${h.line} (${h.text}): ${h.committed ? 'committed' : 'not committed'}`),
    '',
    'recovered vs expected',
    ...story.bytes.map((b) => `  ${`${b.name} = ${b.target}${b.range}`.padEnd(24)} recovered ${b.recovered.padEnd(20)}${b.expected !== undefined ? ` expected ${b.expected}${b.expected === b.recovered ? '' : '   <- differs'}` : ''}`),
    '',
    'why',
    `  ${story.why}`,
    '',
    'fix',
    `  ${fixSentence(story.fix)}`,
  ];
}

/** The program's operations, with a marker line where the crash happened. */
function programLines(story: Story): string[] {
  const out: string[] = [];
  const marker = `  >>> crash ${story.crash.description}`;
  if (story.crash.index === 0 && !story.ops.some((o) => o.status !== 'not-run')) out.push(marker);
  story.ops.forEach((op, i) => {
    const tag = op.status === 'cut' ? ' (cut by the crash)' : '';
    out.push(`  ${String(op.line).padStart(4)}  ${op.text}${tag}`);
    const next = story.ops[i + 1];
    const lastDone = op.status === 'done' && (!next || next.status === 'not-run');
    if (op.status === 'cut' || lastDone) out.push(marker);
  });
  return out;
}

/**
 * `daxcheck show FILE --litmus`: the counterexample as a litmus test for a catalogue. It claims
 * the loss is possible: the negation of the violated `forall`, or the condition of the violated
 * `~exists`, as an `exists` with the same scope (Result: Sometimes). For a safety property, the
 * first `forall` or `~exists` of the program stands in.
 */
export function showLitmus({ cx, test, violated: id }: Loaded, story: Story, print: (t: Litmus) => string): string {
  const violated = id === null ? test.expectations.find((e) => e.quantifier !== 'exists') : test.expectations[id];
  if (!violated || violated.quantifier === 'exists') return print(test);
  const cond = violated.quantifier === 'forall' ? { kind: 'not' as const, inner: violated.cond } : violated.cond;
  const comment = ` Result: Sometimes. ${capitalize(story.why)}.\n   Source: daxcheck counterexample ${cx.name}${cx.fastCheck ? ` (fast-check seed ${cx.fastCheck.seed})` : ''}. `;
  return print({ ...test, name: `cx-${cx.name}`, comment, expectations: [{ quantifier: 'exists', scope: violated.scope, cond }] });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
