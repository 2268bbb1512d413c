import { NO_BUGS } from '../profiles/bugs.js';
import { prepare } from '../model/check/check.js';
import type { Cond, Litmus } from '../lang/ast.js';
import type { CrashPoint } from '../model/check/execute.js';
import { replayCrashState } from '../model/check/replay-state.js';
import { showObserved } from '../model/check/observe.js';
import { explain, sourceOps } from '../model/check/explain.js';
import { printSite } from '../model/core/site.js';
import { BadCounterexample } from './bad-counterexample.js';
import type { Loaded } from './counterexample-load.js';
import { printOp } from '../lang/print-op.js';
import { explainWhy } from './why.js';
import { describePoint, pointOp } from './describe.js';
import { findFix } from '../fix/search.js';
import { fixSummary } from './fix-summary.js';

import type { Story, StoryBytes, StoryChoice, StoryHandle, StoryOp } from './story-shape.js';
import { message } from '../lang/messages.js';

/** A smaller bound than `daxcheck fix` has: `show` of a mutated program stays quick, and says when it stopped. */
const SHOWN_FIX = { maxChecks: 300 } as const;

/** The story of a counterexample, from its program, its crash state and what the model explains of it. */
export function storyOf(loaded: Loaded): Story {
  const { cx, test, choices } = loaded;
  const { world, execution } = prepare(test, NO_BUGS);
  const point = execution.points.get(cx.crashPoint.index);
  if (!point) throw new BadCounterexample('crashPoint.index', message('noSuchCrashPoint', cx.crashPoint.index, execution.points.length));
  const story = {
    name: cx.name,
    property: cx.property,
    violated: cx.violated,
    config: test.config.map((e) => `${e.key}=${e.value}`).join(' '),
    ops: opsOf(test, point),
    // Described from the program, not read from the file: files written before labels were named say less.
    crash: { index: cx.crashPoint.index, description: describePoint(point, test), line: pointOp(point, test)?.at?.line ?? null },
    choices: choices.map((c, i): StoryChoice => {
      const lines = sourceOps(c.site, point.state).flatMap((op) => test.program[op]?.at?.line ?? []);
      return { kind: c.site.kind, site: printSite(c.site), chosen: c.chosen, of: c.of, text: cx.persisted[i] ?? printSite(c.site), lines };
    }),
    handles: handlesOf(test, point, choices),
    bytes: observed(loaded),
  };
  return { ...story, why: explainWhy(story, explain({ point, choices }, test, world)), fix: fixSummary(findFix(test, SHOWN_FIX)) };
}

/** Each operation, and whether the crash came after it, inside it or before it. */
function opsOf(test: Litmus, point: CrashPoint): StoryOp[] {
  const cutAt = point.inside ? point.completed : -1;
  // Labels take no time: one right after the last completed operation is reached at the crash too.
  const reached = (index: number) => index < point.completed || (!point.inside && test.program.slice(point.completed, index + 1).every((op) => op.op === 'label'));
  return test.program.map((op, index) => ({
    index,
    line: op.at?.line ?? 0,
    text: printOp(op),
    status: index === cutAt ? 'cut' : reached(index) ? 'done' : 'not-run',
  }));
}

/** The handles not committed for certain at the crash, and whether the crash state's journal prefix committed each. */
function handlesOf(test: Litmus, point: CrashPoint, choices: Loaded['choices']): StoryHandle[] {
  const { fs } = point.state;
  const committed = fs.committed + (choices.find((c) => c.site.kind === 'journal')?.chosen ?? 0);
  return fs.handles.slice(fs.committed).map((h, i) => ({
    line: test.program[h.op]?.at?.line ?? 0,
    text: printOp(test.program[h.op]!),
    committed: fs.committed + i < committed,
  }));
}

/** Recovered values against the values the violated expectation wanted (its `name=value` atoms). */
function observed({ cx, test, violated, choices }: Loaded): StoryBytes[] {
  const expected = new Map<string, string>();
  if (violated !== null) collect(test.expectations[violated]!.cond, expected);
  const state = replayCrashState(test, cx.crashPoint.index, choices, NO_BUGS);
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
