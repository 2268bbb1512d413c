import { createHash } from 'node:crypto';
import { basename, dirname, relative, resolve } from 'node:path';
import { logBytes } from '../lang/trace/read-log.js';
import type { Choice } from '../model/check/explore.js';
import { printSite } from '../model/core/site.js';
import type { StoreInFlight } from '../trace/explain.js';
import type { Verdict } from '../trace/judge.js';
import type { CrashAt } from '../trace/machine.js';
import type { Witness } from '../trace/witness.js';
import { checkerWithPath, type Checker } from '../trace/judge-of.js';
import { COUNTEREXAMPLE_VERSION } from './counterexample.js';
import { packageVersion } from './package-root.js';

/** The `schema` of a trace counterexample file (counterexamples/trace-schema.json): what `replay` and `show` dispatch on. */
export const TRACE_SCHEMA = 'daxcheck-trace-counterexample';

/** A recorded choice, its site as text. */
type StoredChoice = { readonly site: string; readonly chosen: number; readonly of: number };

/**
 * An inconsistent crash image of a pmemcheck log, as stored: everything `replay` needs to rebuild
 * the image and ask the checker again. Paths are relative to the file's folder.
 */
export interface TraceCounterexample {
  readonly schema: typeof TRACE_SCHEMA;
  readonly version: number;
  readonly daxcheck: string;
  readonly name: string;
  readonly log: { readonly path: string; readonly sha256: string };
  /** The pre-run images, one per registered file, in order of registration. */
  readonly images: readonly string[];
  readonly platform: string;
  readonly crashAt: CrashAt;
  readonly checker: Checker;
  readonly crashPoint: { readonly record: number; readonly at: string; readonly markers: readonly string[] };
  /** The crash state that persisted the fewest stores in flight. */
  readonly crashState: readonly StoredChoice[];
  /** The same state with its "not persisted" side shrunk: the most each line may persist while the checker still fails. */
  readonly lostState: readonly StoredChoice[];
  /** The stores in flight on the lines read (ADR), in program order; empty on eADR. */
  readonly stores: readonly { readonly record: number; readonly addr: string; readonly size: number; readonly frames: readonly string[]; readonly persisted: StoreInFlight['persisted'] }[];
  readonly verdict: { readonly consistent: false; readonly detail?: string };
}

/** What a run says about where its counterexamples come from. */
export interface TraceRun {
  readonly log: string;
  readonly images: readonly string[];
  readonly platform: string;
  readonly crashAt: CrashAt;
  readonly checker: Checker;
}

/** The counterexample of the `n`-th inconsistent image, to be written in folder `out` (its paths relative to it). */
export function traceCounterexample(run: TraceRun, out: string, found: { witness: Witness; verdict: Verdict; lost: readonly Choice[]; stores: readonly StoreInFlight[] }, n: number): TraceCounterexample {
  const from = (path: string) => relative(resolve(out), resolve(path));
  const { point } = found.witness;
  return {
    schema: TRACE_SCHEMA,
    version: COUNTEREXAMPLE_VERSION,
    daxcheck: packageVersion(),
    name: `${basename(run.log).replace(/\.log$/, '')}.r${point.record}.${n}`,
    log: { path: from(run.log), sha256: logDigest(run.log) },
    images: run.images.map(from),
    platform: run.platform,
    crashAt: run.crashAt,
    checker: checkerWithPath(run.checker, from),
    crashPoint: { record: point.record, at: point.at, markers: point.markers },
    crashState: found.witness.choices.map(stored),
    lostState: found.lost.map(stored),
    stores: found.stores.map((s) => ({ record: s.store.index, addr: `0x${s.store.addr.toString(16)}`, size: s.store.bytes.length, frames: s.store.frames, persisted: s.persisted })),
    verdict: { consistent: false, ...(found.verdict.detail ? { detail: found.verdict.detail } : {}) },
  };
}

const stored = (c: Choice): StoredChoice => ({ site: printSite(c.site), chosen: c.chosen, of: c.of });

/** The sha256 of a log's bytes, read in chunks (a log may be larger than memory): a replay of another log says so. */
export function logDigest(log: string): string {
  const hash = createHash('sha256');
  for (const bytes of logBytes(log)) hash.update(bytes);
  return hash.digest('hex');
}

/** A path stored in counterexample `file`, as a path from here. */
export function storedPath(file: string, path: string): string {
  return resolve(dirname(file), path);
}
