import type { TraceRecord } from '../lang/trace/records.js';
import { countStates } from '../model/core/source.js';
import { cpuSources } from '../model/x86/crash.js';
import type { PersistContext } from '../model/x86/persist.js';
import { crashStates, type Coverage, type StateBudget } from './crash-states.js';
import type { Judge, Verdict } from './judge.js';
import type { Layout } from './layout.js';
import { TraceMachine, type CrashAt, type CrashPoint } from './machine.js';
import { persistedCount, snapshotOf, type PointSnapshot, type Witness } from './witness.js';

/** Records read between waits for the verdicts given so far, and between asks whether to go on. */
const SETTLE_EVERY = 4096;

/** What a run has done so far, for a progress line. */
export interface TraceProgress {
  readonly records: number;
  readonly explored: number;
  readonly checkerCalls: number;
  readonly distinct: number;
}

/** How a run is told of: its progress, every few thousand records, and whether to stop reading (a signal). */
export interface TraceWatch {
  progress(p: TraceProgress): void;
  /** Whether to stop reading the log and report what is done; it may wait for events (a signal) first. */
  stop(): Promise<boolean>;
}

/** What `checkTrace` found. */
export interface TraceResult {
  readonly records: number;
  readonly stores: number;
  /** Stores outside every registered file (to memory the model does not persist). */
  readonly storesOutside: number;
  readonly crashPoints: number;
  /** The crash points explored, by coverage, as record numbers. */
  readonly coverage: Readonly<Record<Coverage, readonly number[]>>;
  /** Crash states evaluated. */
  readonly states: number;
  /** Whether the checker was in-process, reading lines lazily: then `distinct` counts distinct views of what it read. */
  readonly lazy: boolean;
  /** Distinct images (or, for an in-process checker, distinct views of what it read). */
  readonly distinct: number;
  readonly checkerCalls: number;
  /** When the run was stopped before the end of the log (`TraceWatch.stop`): the last record read. */
  readonly stoppedAfter?: number;
  /** The distinct images the checker found inconsistent, each with the crash state that persisted least. */
  readonly inconsistent: readonly { readonly verdict: Verdict; readonly witness: Witness }[];
}

/**
 * Runs the log's records through the x86 model and judges the crash states at every crash point:
 * each distinct image once, its verdict kept with the crash state that persisted the fewest stores
 * in flight (the minimized counterexample).
 */
export async function checkTrace(records: Iterable<TraceRecord>, ctx: PersistContext, judge: Judge, layout: Layout, options: { crashAt: CrashAt; budget: StateBudget; checked?: (markers: readonly string[]) => boolean; watch?: TraceWatch }): Promise<TraceResult> {
  // Each distinct image's witness, dropped (undefined) once its verdict is consistent, so memory follows the inconsistent images, not the log.
  const witnesses = new Map<string, Witness | undefined>();
  const inconsistent = new Map<string, Verdict>();
  const failures: unknown[] = [];
  const answers = new Set<Promise<void>>();
  const coverage: Record<Coverage, number[]> = { exhaustive: [], bounded: [], truncated: [] };
  let states = 0;
  const settle = (key: string, v: Verdict) => (v.consistent ? witnesses.set(key, undefined) : inconsistent.set(key, v));
  const onCrash = (point: CrashPoint) => {
    const count = countStates(cpuSources({ cpu: point.cpu, persistence: ctx.persistence, bugs: ctx.bugs }));
    const found = crashStates((oracle) => judge.evaluate(point, oracle), count, judge.lazy, options.budget);
    coverage[found.coverage].push(point.record);
    states += found.leaves.length;
    let snapshot: PointSnapshot | undefined;
    for (const { result, choices } of found.leaves) {
      const persisted = persistedCount(choices);
      const known = witnesses.has(result.key);
      const witness = witnesses.get(result.key);
      if (known && (!witness || persisted >= witness.persisted)) continue;
      witnesses.set(result.key, { point: (snapshot ??= snapshotOf(point)), choices, persisted });
      if (known) continue;
      const { key, verdict } = result;
      if (!(verdict instanceof Promise)) {
        settle(key, verdict);
        continue;
      }
      const answer: Promise<void> = verdict.then((v) => void settle(key, v), (e: unknown) => void failures.push(e)).finally(() => answers.delete(answer));
      answers.add(answer);
    }
  };
  const machine = new TraceMachine(layout, ctx, options.crashAt, onCrash, options.checked);
  let count = 0;
  let stores = 0;
  let stoppedAfter: number | undefined;
  try {
    for (const record of records) {
      count++;
      if (record.kind === 'store') stores++;
      machine.apply(record);
      if (count % SETTLE_EVERY !== 0) continue;
      // Lets the verdicts given so far settle, so that the witnesses of consistent images are dropped as the log is read.
      await Promise.all(answers);
      options.watch?.progress({ records: count, explored: machine.counts.explored, checkerCalls: judge.calls, distinct: witnesses.size });
      if (await options.watch?.stop()) {
        stoppedAfter = count;
        break;
      }
    }
    await Promise.all(answers);
    if (failures.length > 0) throw failures[0];
  } finally {
    judge.close();
  }
  const found = [...inconsistent].map(([key, verdict]) => ({ verdict, witness: witnesses.get(key)! }));
  found.sort((a, b) => a.witness.persisted - b.witness.persisted || a.witness.point.record - b.witness.point.record);
  return { records: count, stores, storesOutside: machine.counts.storesOutside, crashPoints: machine.counts.points, coverage, states, lazy: judge.lazy, distinct: witnesses.size, checkerCalls: judge.calls, ...(stoppedAfter === undefined ? {} : { stoppedAfter }), inconsistent: found };
}
