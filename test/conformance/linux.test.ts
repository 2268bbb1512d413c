import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { parseLitmus } from '../../lang/parse.js';
import { modelAtCrash, outcomeText } from './model-at-crash.js';
import { loadObserved } from './observed.js';

const root = `${packageRoot()}/conformance`;
const recorded = loadObserved(`${root}/observed`);

/**
 * Crash points where the kernel did what the model calls impossible, as `SCENARIO kK`: each is
 * expected to fail until the model fixes of issue 10 land, and then leaves this list.
 */

/** How many outcomes the kernel showed and the model allows at one crash point. */
interface Width {
  readonly point: string;
  readonly kernel: number;
  readonly model: number;
  readonly missed: number;
}
const widths: Width[] = [];

describe('the model against the real Linux kernel (conformance/observed)', () => {
  it('has at least 60 recorded crash points, on each of ext4, ext4-dax, xfs and xfs-dax', () => {
    const points = recorded.flatMap((s) => s.points.map(() => s.fs));
    expect(points.length).toBeGreaterThanOrEqual(60);
    expect(new Set(points)).toEqual(new Set(['ext4', 'ext4-dax', 'xfs', 'xfs-dax']));
  });

  for (const scenario of recorded) {
    const test = parseLitmus(readFileSync(`${root}/scenarios/${scenario.scenario}.litmus`, 'utf8'));
    for (const point of scenario.points) {
      const id = `${scenario.scenario} ${point.crash}`;
      it(`${id} (${scenario.fs}): the model's outcome set contains every outcome the kernel showed`, () => {
        const model = modelAtCrash(test, point.afterOp, point.errnos);
        const kernel = point.outcomes.map((o) => outcomeText(test, (name) => o.values[name]!));
        const missed = kernel.filter((o) => !model.outcomes.includes(o));
        widths.push({ point: `${id} (${scenario.fs})`, kernel: kernel.length, model: model.outcomes.length, missed: missed.length });
        expect(model.errnoMismatches).toEqual([]);
        expect({ missed, model: model.outcomes }).toEqual({ missed: [], model: model.outcomes });
      });
    }
  }

  afterAll(() => console.log(widthTable(widths)));
});

/** The over-approximation, per point where the model allows more than the kernel showed, and in total. */
function widthTable(rows: readonly Width[]): string {
  const wider = rows.filter((r) => r.model - r.kernel + r.missed > 0).sort((a, b) => b.model - b.kernel - (a.model - a.kernel));
  const sum = (f: (r: Width) => number) => rows.reduce((n, r) => n + f(r), 0);
  const kernel = recorded[0]?.kernel;
  const fsck = recorded.flatMap((s) => s.points.flatMap((p) => p.fsck));
  return [
    `Linux ${kernel?.release} (${kernel?.package} ${kernel?.version}) against the model: ${rows.length} crash points,`,
    `  ${rows.filter((r) => r.missed === 0).length} contained, ${sum((r) => (r.missed > 0 ? 1 : 0))} with ${sum((r) => r.missed)} outcomes missed;`,
    `  the kernel showed ${sum((r) => r.kernel)} outcomes, the model allows ${sum((r) => r.model)}: ${sum((r) => r.model - r.kernel + r.missed)} the kernel never showed,`,
    `  at ${wider.length} points (exact at ${rows.length - wider.length}); fsck clean after ${fsck.filter((rc) => rc === 0).length} of ${fsck.length} recoveries:`,
    ...wider.map((r) => `    ${r.point.padEnd(44)} kernel ${r.kernel}  model ${r.model}  never shown ${r.model - r.kernel + r.missed}${r.missed ? `  MISSED ${r.missed}` : ''}`),
  ].join('\n');
}
