import { describe, expect, it } from 'vitest';
import { checkLitmus, prepare } from '../../../model/check/check.js';
import { KEPT_POINTS } from '../../../model/check/crash-points.js';
import { NO_BUGS } from '../../../profiles/bugs.js';
import { devdax, parse } from '../../helpers.js';

/** A program of more crash points than are kept, with a torn store (points inside an operation) and a label halfway. */
const triples = Math.ceil(KEPT_POINTS / 3);
const body = Array.from({ length: triples }, (_, i) => `  store m[${(i % 4) * 64}] ${(i % 250) + 1}\n  clwb m[${(i % 4) * 64}]\n  sfence`);
const long = parse(devdax('adr', [...body.slice(0, triples / 2), '  store m[60] 0x1122334455667788', '  half:', ...body.slice(triples / 2)].join('\n'), 'observe x = d[0:8]\nobserve y = d[56:72]\nexists after half: x = 0 /\\ y = 0'));

describe('the crash points of a run longer than those kept', () => {
  const { execution } = prepare(long, NO_BUGS);
  const walked = [...execution.points];
  const label = long.program.findIndex((op) => op.op === 'label');

  it('are walked again, the same each time, one per crash point', () => {
    expect(execution.points.length).toBeGreaterThan(KEPT_POINTS);
    expect(walked).toHaveLength(execution.points.length);
    expect([...execution.points][walked.length - 1]).toEqual(walked[walked.length - 1]);
    expect(walked[walked.length - 1]!.state).toEqual(execution.final);
  });

  it('are found one at a time by index, and only at an index that exists', () => {
    for (const index of [0, execution.labels.get('half')!, walked.length - 1]) expect(execution.points.get(index)).toEqual(walked[index]);
    expect(walked[execution.labels.get('half')!]).toMatchObject({ completed: label });
    expect(walked.filter((p) => p.inside)).toEqual([expect.objectContaining({ completed: label - 1, inside: { step: 1, of: 2 } })]);
    for (const index of [-1, walked.length, 0.5]) expect(execution.points.get(index)).toBeUndefined();
  });

  it('give the check the results of crash points that were kept', () => {
    const r = checkLitmus(long);
    // The numbers of the same check with every crash point kept.
    expect(r.stats).toEqual({ crashPoints: walked.length, crashStates: 16704n, evaluations: 13366 });
    expect(r.expectations[0]).toMatchObject({ holds: false });
  });
});
