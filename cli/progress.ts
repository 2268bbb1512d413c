import { performance } from 'node:perf_hooks';
import type { Progress } from '../model/check/check.js';
import type { TraceProgress } from '../trace/check-trace.js';
import type { Io } from './io.js';

/** On a terminal the live line starts after a second and is redrawn at most every 200 ms; elsewhere a plain line every 10 s. */
const FIRST = 1000;
const REDRAW = 200;
const PLAIN = 10_000;

/** A progress line of `io`'s, drawn as often as FIRST, REDRAW and PLAIN allow: `line` is given the seconds since the start. */
function throttledStatus(io: Io, now: () => number): { show: (line: (seconds: number) => string) => void; done: () => void } {
  const started = now();
  const [first, every] = io.interactive ? [FIRST, REDRAW] : [PLAIN, PLAIN];
  let shown = -Infinity;
  let drawn = false;
  return {
    show(line) {
      const t = now();
      if (t - started < first || t - shown < every) return;
      shown = t;
      drawn = true;
      io.status(line(Math.max(0.001, (t - started) / 1000)));
    },
    done: () => {
      if (drawn) io.progress('');
    },
  };
}

/**
 * Progress of one long check on stderr: crash points done of all, recovery runs and their rate. A
 * check shorter than a second shows nothing, so short runs stay quiet.
 */
export function checkProgress(io: Io, name: string, now: () => number = () => performance.now()): { update: (p: Progress) => void; done: () => void } {
  const status = throttledStatus(io, now);
  return {
    update: (p) => status.show((seconds) => `${name}: crash point ${p.explored} of ${p.points}, ${p.evaluations} evaluations, ${Math.round(p.evaluations / seconds)}/s`),
    done: status.done,
  };
}

/** Progress of `daxcheck trace` on stderr: records read and their rate, crash points explored, checker calls, distinct images. */
export function traceProgress(io: Io, log: string, now: () => number = () => performance.now()): { update: (p: TraceProgress) => void; done: () => void } {
  const status = throttledStatus(io, now);
  return {
    update: (p) => status.show((seconds) => `${log}: record ${p.records} (${Math.round(p.records / seconds)}/s), crash points explored ${p.explored}, checker calls ${p.checkerCalls}, distinct ${p.distinct}`),
    done: status.done,
  };
}
