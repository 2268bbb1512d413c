import { performance } from 'node:perf_hooks';
import type { Progress } from '../model/check/check.js';
import type { Io } from './io.js';

/** On a terminal the live line starts after a second and is redrawn at most every 200 ms; elsewhere a plain line every 10 s. */
const FIRST = 1000;
const REDRAW = 200;
const PLAIN = 10_000;

/**
 * Progress of one long check on stderr: crash points done of all, recovery runs and their rate. A
 * check shorter than a second shows nothing, so short runs stay quiet.
 */
export function checkProgress(io: Io, name: string, now: () => number = () => performance.now()): { update: (p: Progress) => void; done: () => void } {
  const started = now();
  const [first, every] = io.interactive ? [FIRST, REDRAW] : [PLAIN, PLAIN];
  let shown = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - started < first || t - shown < every) return;
      shown = t;
      drawn = true;
      const rate = p.evaluations / Math.max(0.001, (t - started) / 1000);
      io.status(`${name}: crash point ${p.explored} of ${p.points}, ${p.evaluations} evaluations, ${Math.round(rate)}/s`);
    },
    done: () => {
      if (drawn) io.progress('');
    },
  };
}
