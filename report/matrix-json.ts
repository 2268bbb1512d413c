import { fileOf, type MatrixRun } from './matrix-run.js';

/** The JSON object of `daxcheck matrix --json`: the options and, for each cell, its verdict, contract, counterexample and counts. */
export function matrixJson(run: MatrixRun): Record<string, unknown> {
  return {
    seed: run.seed,
    numRuns: run.numRuns,
    cells: run.rows.map((r) => ({
      mode: r.mode,
      platform: r.platform,
      failure: r.failure,
      recipe: r.recipe,
      verdict: r.verdict,
      counterexample: fileOf(run, r) ?? null,
      contract: r.contract,
      errno: r.errno,
      property: r.property,
      operations: r.operations,
      fix: r.fix ?? null,
      workloads: r.workloads,
      crashPoints: r.crashPoints,
      crashStates: r.crashStates,
    })),
  };
}
