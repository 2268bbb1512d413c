import fc from 'fast-check';
import { NO_BUGS, type Bugs } from '../profiles/bugs.js';
import { checkLitmus, type Evidence, type TestResult } from '../model/check/check.js';
import { OperationFailed } from '../lang/errors.js';
import type { SafetyProperty } from '../model/fs/safety.js';
import type { Expectation, Litmus, Op } from '../lang/ast.js';
import { contract, type Contract } from './contracts.js';
import { firstFailure, minimize } from './minimize.js';
import type { Mode } from './modes.js';
import type { Recipe } from './recipes.js';
import { propertyOf, workloadArbitrary, workloadTest, type Property, type Workload } from './workload.js';

/** One cell of the matrix: a mode, a platform and a recipe. */
export interface Cell {
  readonly mode: Mode;
  readonly platform: 'adr' | 'eadr';
  readonly recipe: Recipe;
}

/** How much a cell explored. */
export interface CellStats {
  readonly workloads: number;
  readonly crashPoints: number;
  readonly crashStates: bigint;
}

/** A violation found in a cell, shrunk and minimized, with what replays it. */
export interface Found {
  readonly property: Property | SafetyProperty;
  readonly test: Litmus;
  /** The violated expectation, or undefined when a safety property was violated. */
  readonly expectation?: Expectation;
  readonly evidence: Evidence;
  readonly fastCheck: { readonly seed: number; readonly path: string; readonly numRuns: number };
  /** Size of the original failing workload and of the minimized program, in operations. */
  readonly operations: { readonly shrunk: number; readonly minimized: number };
}

export type CellResult = { readonly cell: Cell; readonly contract: Contract; readonly stats: CellStats } & (
  | { readonly verdict: 'durable' }
  | { readonly verdict: 'lost'; readonly found: Found }
  | { readonly verdict: 'n/a'; readonly errno: string; readonly reason: string }
);

export interface CellOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly bugs?: Bugs;
}

/** The smallest workload of a mode: one write at the start of one file, for telling `n/a` cells early. */
function probe(mode: Mode): Workload {
  const len = mode.alignment ?? 8;
  return { files: 1, writes: [{ file: 'f0', map: 'm0', off: 0, len, byte: 0x41 }] };
}

/**
 * Checks a cell: does every workload written under the recipe survive every crash (DESIGN 1.4)?
 * `n/a` when the mode refuses the recipe with an errno; otherwise fast-check runs `numRuns`
 * workloads, and a failure is shrunk by fast-check, then minimized by operations and by persisted state.
 */
export function checkCell(cell: Cell, options: CellOptions): CellResult {
  const bugs = options.bugs ?? NO_BUGS;
  const base = { cell, contract: contract(cell.mode, cell.platform, cell.recipe) };
  const stats = { workloads: 0, crashPoints: 0, crashStates: 0n };
  const run = (w: Workload): TestResult => {
    const result = checkLitmus(workloadTest(cell.mode, cell.platform, cell.recipe, w), { bugs });
    stats.workloads++;
    stats.crashPoints += result.stats.crashPoints;
    stats.crashStates += result.stats.crashStates;
    return result;
  };
  try {
    run(probe(cell.mode));
  } catch (e) {
    if (e instanceof OperationFailed) return { ...base, stats, verdict: 'n/a', errno: e.failure, reason: e.message };
    throw e;
  }
  const check = fc.check(fc.property(workloadArbitrary(cell.mode), (w) => run(w).verdict === 'pass'), { seed: options.seed, numRuns: options.numRuns });
  if (!check.failed) return { ...base, stats, verdict: 'durable' };
  if (check.errorInstance instanceof OperationFailed) return { ...base, stats, verdict: 'n/a', errno: check.errorInstance.failure, reason: check.errorInstance.message };
  const workload = check.counterexample![0];
  const found = explain(cell, workload, bugs, { seed: check.seed, path: check.counterexamplePath ?? '', numRuns: options.numRuns });
  return { ...base, stats, verdict: 'lost', found };
}

/** The operations of each write of a workload test: the write, its recipe and its `ack` label. */
function groupsOf(test: Litmus): { write: number; ops: Op[] }[] {
  const groups: { write: number; ops: Op[] }[] = [];
  let current: Op[] = [];
  for (const op of test.program) {
    if (op.op === 'store' || op.op === 'write') current = [op];
    else if (current.length > 0) current.push(op);
    if (op.op === 'label') {
      groups.push({ write: groups.length, ops: current });
      current = [];
    }
  }
  return groups;
}

/** The writes an expectation of `workloadTest` is about (ordering involves two). */
function writesIn(cell: Cell, w: Workload, index: number): number[] {
  const n = w.writes.length;
  const property = propertyOf(cell.mode, w, index);
  if (property === 'durability') return [index];
  if (property === 'atomicity') return [index - n];
  const j = index - n * (cell.mode.atomic ? 2 : 1);
  return [j, j + 1];
}

function explain(cell: Cell, workload: Workload, bugs: Bugs, fastCheck: Found['fastCheck']): Found {
  const shrunk = workloadTest(cell.mode, cell.platform, cell.recipe, workload);
  const violated = firstFailure(shrunk, bugs);
  const operations = (test: Litmus) => ({ shrunk: shrunk.program.length, minimized: test.program.length });
  if (!violated) {
    const unsafe = checkLitmus(shrunk, { bugs, minimal: true }).safety.find((s) => !s.holds)!;
    return { property: unsafe.property, test: shrunk, evidence: unsafe.evidence!, fastCheck, operations: operations(shrunk) };
  }
  const index = violated.id;
  const keep = new Set(groupsOf(shrunk).filter((g) => writesIn(cell, workload, index).includes(g.write)).flatMap((g) => g.ops));
  const test = minimize(shrunk, violated.expectation, bugs, (op) => keep.has(op));
  const failed = checkLitmus(test, { bugs, minimal: true }).expectations.find((e) => !e.holds)!;
  const property = propertyOf(cell.mode, workload, index);
  return { property, test, expectation: failed.expectation, evidence: failed.evidence!, fastCheck, operations: operations(test) };
}
