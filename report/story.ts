import { NO_BUGS } from '../profiles/bugs.js';
import { prepare } from '../model/check/check.js';
import type { Cond, Litmus } from '../lang/ast.js';
import { replayCrashState } from '../model/check/replay-state.js';
import { showObserved } from '../model/check/observe.js';
import type { Counterexample } from './counterexample.js';
import { BadCounterexample } from './counterexample-load.js';
import { printOp } from '../lang/print-op.js';
import { printExpectation } from '../lang/print.js';
import { explainWhy } from './why.js';

import type { Story, StoryBytes, StoryChoice, StoryHandle, StoryOp } from './story-shape.js';

/** The story of a counterexample, recomputed from its program and crash state. */
export function storyOf(cx: Counterexample, test: Litmus): Story {
  const { execution } = prepare(test, NO_BUGS);
  const point = execution.points[cx.crashPoint.index];
  if (!point) throw new BadCounterexample('crashPoint.index', `crash point ${cx.crashPoint.index} does not exist (the program has ${execution.points.length})`);
  if (cx.violated !== null && !test.expectations.some((e) => printExpectation(e) === cx.violated)) {
    throw new BadCounterexample('violated', `the program has no expectation '${cx.violated}'`);
  }
  const cutAt = point.inside ? point.completed : -1;
  // Labels take no time: one right after the last completed operation is reached at the crash too.
  const reached = (index: number) => index < point.completed || (!point.inside && test.program.slice(point.completed, index + 1).every((op) => op.op === 'label'));
  const ops = test.program.map((op, index): StoryOp => ({
    index,
    line: op.at?.line ?? 0,
    text: printOp(op),
    status: index === cutAt ? 'cut' : reached(index) ? 'done' : 'not-run',
  }));
  const committed = point.state.fs.committed + (cx.crashState.find((c) => c.site === 'journal')?.chosen ?? 0);
  const handles = point.state.fs.handles.slice(point.state.fs.committed).map((h, i): StoryHandle => ({
    line: test.program[h.op]?.at?.line ?? 0,
    text: printOp(test.program[h.op]!),
    committed: point.state.fs.committed + i < committed,
  }));
  const choices = cx.crashState.map((c, i) => classify(c, cx.persisted[i] ?? c.site, test, execution.points, cx.crashPoint.index));
  const bytes = observed(cx, test);
  const crashOp = point.inside ? test.program[point.completed] : test.program[point.completed - 1];
  const story = { name: cx.name, property: cx.property, violated: cx.violated, config: test.config.map((e) => `${e.key}=${e.value}`).join(' '), ops, crash: { index: cx.crashPoint.index, description: cx.crashPoint.description, line: crashOp?.at?.line ?? null }, choices, handles, bytes };
  return { ...story, why: explainWhy(story, test) };
}

function classify(c: Counterexample['crashState'][number], text: string, test: Litmus, points: ReturnType<typeof prepare>['execution']['points'], at: number): StoryChoice {
  const kind = c.site.split(' ')[0] as StoryChoice['kind'];
  return { kind, site: c.site, chosen: c.chosen, of: c.of, text, lines: linesOf(kind, c.site, test, points, at) };
}

/** The source lines behind a choice: the operations that left pending stores on a line, or writes on a page. */
function linesOf(kind: StoryChoice['kind'], site: string, test: Litmus, points: ReturnType<typeof prepare>['execution']['points'], at: number): number[] {
  const point = points[at]!;
  if (kind === 'line' || kind === 'nt') {
    const id = Number(site.split(' ')[1]);
    const seqs = kind === 'nt' ? [id] : point.state.cpu.cached.filter((p) => p.line === id).map((p) => p.seq);
    return [...new Set(seqs.map((seq) => opOfSeq(seq, test, points)).filter((l): l is number => l !== undefined))];
  }
  if (kind === 'page' || kind === 'meta' || kind === 'landed') {
    const key = site.split(' ')[1]!;
    const writes = point.state.fs.pages[key]?.writes.length ?? 0;
    return writes > 0 ? pageWriteLines(key, test, points, at) : [];
  }
  return [];
}

/** The source line of the operation that made store piece `seq`: the first crash point whose CPU has passed it. */
function opOfSeq(seq: number, test: Litmus, points: ReturnType<typeof prepare>['execution']['points']): number | undefined {
  const after = points.find((p) => p.state.cpu.seq > seq);
  if (!after) return undefined;
  const index = after.inside ? after.completed : after.completed - 1;
  return test.program[index]?.at?.line;
}

/** Source lines of the operations that added writes to cached page `key`, up to crash point `at`. */
function pageWriteLines(key: string, test: Litmus, points: ReturnType<typeof prepare>['execution']['points'], at: number): number[] {
  const lines: number[] = [];
  let before = 0;
  for (const p of points.slice(0, at + 1)) {
    const count = p.state.fs.pages[key]?.writes.length ?? 0;
    if (count > before) lines.push(test.program[p.inside ? p.completed : p.completed - 1]?.at?.line ?? 0);
    before = count;
  }
  return [...new Set(lines)];
}

/** Recovered values against the values the violated expectation wanted (its `name=value` atoms). */
function observed(cx: Counterexample, test: Litmus): StoryBytes[] {
  const expected = new Map<string, string>();
  const violated = test.expectations.find((e) => printExpectation(e) === cx.violated);
  if (violated) collect(violated.cond, expected);
  const state = replayCrashState(test, cx.crashPoint.index, cx.crashState, NO_BUGS);
  const values = state.ok ? Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, showObserved(v)])) : cx.observed;
  return test.observations.map((o) => {
    const range = o.kind === 'bytes' ? `[${o.off}:${o.len}]` : `${o.kind}()`;
    const want = expected.get(o.name);
    const base = { name: o.name, target: o.target, range, recovered: values[o.name] ?? cx.observed[o.name] ?? '?' };
    return want === undefined ? base : { ...base, expected: want };
  });
}

/** The `name=value` atoms of a condition that must hold together (under `/\`), as display values. */
function collect(cond: Cond, into: Map<string, string>): void {
  if (cond.kind === 'eq') into.set(cond.name, cond.value.kind === 'int' ? showObserved({ kind: 'int', value: cond.value.value }) : JSON.stringify(cond.value.text));
  else if (cond.kind === 'and') {
    collect(cond.left, into);
    collect(cond.right, into);
  }
}
