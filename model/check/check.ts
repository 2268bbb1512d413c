import { NO_BUGS, type Bugs } from '../../profiles/bugs.js';
import { resolveConfig } from '../../profiles/config.js';
import { TABLES, chosen, type Tables } from '../../profiles/tables.js';
import { cpuSources, crashView } from '../x86/crash.js';
import { periodicFlushFloor } from '../kernel/periodic-flush.js';
import { initialCpu } from '../x86/cpu.js';
import { countStates, type Oracle } from '../core/source.js';
import { reached, type Budget } from './budget.js';
import { describeChoice } from './evidence.js';
import { execute, refusalError, type CrashPoint, type Execution, type Refused } from './execute.js';
import { enumerateLazily, evaluateWith, type Choice, type Leaf } from './explore.js';
import { fsSources } from '../kernel/fs-sources.js';
import { fsView, type FsView } from '../kernel/recover.js';
import { liveMeta } from '../fs/state.js';
import { RecoveredSafety } from './recovered-safety.js';
import { layOut } from '../kernel/layout.js';
import { makeWorld, type World } from '../core/world.js';
import { observe, type Observed } from './observe.js';
import type { Litmus } from '../../lang/ast.js';
import { Tally, type Evidence, type TestResult } from './tally.js';
import { usesFilesystem } from './uses-filesystem.js';
import { validate } from './validate.js';

export type { Evidence, ExpectationResult, SafetyResult, TestResult } from './tally.js';
export type { Refusal, Refused } from './execute.js';
export { inScope } from './tally.js';

/** Crash-state evaluations allowed at one crash point: enough for every catalogue test many times over. */
export const DEFAULT_LIMIT = 200_000;

export interface CheckOptions {
  readonly bugs?: Bugs;
  /** Most crash-state evaluations at one crash point before exploration stops with an error. */
  readonly limit?: number;
  /** Report, for each expectation, the counterexample that persisted the least (for minimized counterexamples). */
  readonly minimal?: boolean;
  /** The platforms and filesystems that `config` lines name (tests add flavours); the built-in tables by default. */
  readonly tables?: Tables;
  /** Limits on the whole check: past one, it stops with a partial result saying which. */
  readonly budget?: Budget;
  /** Called after each crash point with how far the check has got. */
  readonly progress?: (done: Progress) => void;
}

/** How far a check has got: crash points explored of all, and recovery runs so far. */
export interface Progress {
  readonly explored: number;
  readonly points: number;
  readonly evaluations: number;
}

/** Runs a litmus test: every crash point, every crash state its observations can tell apart. */
export function checkLitmus(test: Litmus, options: CheckOptions = {}): TestResult {
  return checkPrepared(test, prepare(test, options.bugs ?? NO_BUGS, options.tables), options);
}

/** `checkLitmus`, except that an operation failing without an annotation comes back as a refusal instead of an error. */
export function checkUnlessRefused(test: Litmus, options: CheckOptions = {}): TestResult | Refused {
  const prepared = prepareUnlessRefused(test, options.bugs ?? NO_BUGS, options.tables ?? TABLES);
  return 'refused' in prepared ? prepared : checkPrepared(test, prepared, options);
}

/** A validated test's world and its one run. */
interface Prepared {
  readonly world: World;
  readonly execution: Execution;
}

function checkPrepared(test: Litmus, { world, execution }: Prepared, options: CheckOptions): TestResult {
  const tally = new Tally(test, execution, usesFilesystem(test), options.minimal ?? false);
  const safety = new RecoveredSafety(world);
  const budget = options.budget ?? {};
  const points = execution.points.length;
  let evaluations = 0;
  for (const [index, point] of execution.points.entries()) {
    const states = tally.crashStates + countStates([...cpuSources({ ...world, cpu: point.state.cpu }), ...fsSources(point.state.fs, world)]);
    const before = reached(budget, { evaluations, states });
    if (before) return tally.result({ ...before, explored: index, points });
    tally.crashStates = states;
    checkLive(point, index, safety, tally);
    const spent = evaluations;
    let cut: ReturnType<typeof reached>;
    const stop = (leaves: number) => (cut = reached(budget, { evaluations: spent + leaves, states })) !== undefined;
    evaluations += explorePoint({ test, point, index, world, tally, safety }, options.limit ?? DEFAULT_LIMIT, stop);
    if (cut) return tally.result({ ...cut, explored: index, points });
    options.progress?.({ explored: index + 1, points, evaluations });
  }
  return tally.result();
}

/** Validates and runs the program once: its world and its crash points. */
export function prepare(test: Litmus, bugs: Bugs, tables: Tables = TABLES): Prepared {
  const prepared = prepareUnlessRefused(test, bugs, tables);
  if ('refused' in prepared) throw refusalError(test, prepared.refused);
  return prepared;
}

function prepareUnlessRefused(test: Litmus, bugs: Bugs, tables: Tables): Prepared | Refused {
  const config = resolveConfig(test.config, tables);
  const selected = chosen(tables, config);
  const { machine, layout } = layOut(test, selected.profile);
  const world = makeWorld(config, bugs, layout, selected);
  validate(test, machine);
  const execution = execute(test, { ...machine, cpu: initialCpu(world.persistence.media === 'host-writeback') }, world);
  return 'refused' in execution ? execution : { world, execution };
}

/** Recovery at one crash point with the choices `oracle` makes: every observation's value, and what recovery showed. */
export function evaluateAt(test: Litmus, point: CrashPoint, world: World, oracle: Oracle): { values: Record<string, Observed>; fs: FsView } {
  const periodic = world.persistence.media === 'host-writeback' && world.persistence.flushReachesHost && !world.bugs.has('periodic-commit-no-flush');
  const { persistence, bugs, initial } = world;
  const media = crashView({ persistence, bugs, initial, cpu: point.state.cpu, ...(periodic ? { hostFloor: () => periodicFlushFloor(point.state.fs, world, oracle) } : {}) }, oracle);
  const fs = fsView(point.state, world, oracle, media);
  return { values: Object.fromEntries(test.observations.map((o) => [o.name, observe(o, point.state, { media, fs })])), fs };
}

/** The running filesystem must be well-formed after every step, with each block owned once. */
function checkLive(point: CrashPoint, index: number, safety: RecoveredSafety, tally: Tally): void {
  for (const [property, problem] of safety.whileRunning(liveMeta(point.state.fs))) tally.violate(property, { point, pointIndex: index, persisted: [], choices: [], values: {} }, `while running: ${problem}`);
}

/** What exploring one crash point needs. */
interface At {
  readonly test: Litmus;
  readonly point: CrashPoint;
  readonly index: number;
  readonly world: World;
  readonly tally: Tally;
  readonly safety: RecoveredSafety;
}

/**
 * Explores one crash point's crash states, as many as `stop` allows; returns the recovery runs made.
 * The metadata's safety is checked for every journal prefix apart from the observations, so the
 * exploration branches only where the observations' answers differ; a violation's evidence is the
 * first crash state with that prefix, a real one that replays.
 */
function explorePoint(at: At, limit: number, stop: (leaves: number) => boolean): number {
  const { test, point, world, tally } = at;
  const evaluate = (oracle: Oracle) => {
    const { values, fs } = evaluateAt(test, point, world, oracle);
    if (tally.checksSafety) fs.settle();
    return { values, stale: fs.stale };
  };
  if (tally.checksSafety) {
    for (const { option, problem } of at.safety.violations(point.state.fs)) tally.violate(problem[0], evidenceOf(at, evaluateWith(evaluate, { kind: 'journal' }, option)), problem[1]);
  }
  if (test.observations.length === 0) return 0;
  const leaves = enumerateLazily(evaluate, limit, stop);
  for (const leaf of leaves) {
    const evidence = evidenceOf(at, leaf);
    tally.add(evidence);
    if (leaf.result.stale.length > 0) tally.violate('no-stale-data', evidence, leaf.result.stale[0]!);
  }
  return leaves.length;
}

/** The crash state of `leaf` as evidence; its choices are put in words only if a report asks. */
function evidenceOf({ point, index, world }: At, leaf: Leaf<{ values: Record<string, Observed> }>): Evidence {
  return new LeafEvidence(point, index, leaf.choices, leaf.result.values, world);
}

/**
 * A crash state as evidence, its choices put in words when first asked. A class, with `persisted` a
 * getter on its prototype: made as an object literal with that getter, every evidence kept its
 * whole evaluation alive until the next full garbage collection (measured on the trace's crash
 * images, trace/module-judge.ts).
 */
class LeafEvidence implements Evidence {
  #persisted: readonly string[] | undefined;
  readonly #world: World;

  constructor(
    readonly point: CrashPoint,
    readonly pointIndex: number,
    readonly choices: readonly Choice[],
    readonly values: Readonly<Record<string, Observed>>,
    world: World,
  ) {
    this.#world = world;
  }

  get persisted(): readonly string[] {
    return (this.#persisted ??= this.choices.map((c) => describeChoice(c, this.point.state, this.#world)));
  }
}
