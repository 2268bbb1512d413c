import { fileOf, type MatrixRun } from './matrix-run.js';

/** The JSON object of `daxcheck matrix --json`: the options and, for each cell, its verdict, contract, counterexample and counts. */
export function matrixJson(run: MatrixRun): Record<string, unknown> {
  return {
    seed: run.seed,
    numRuns: run.numRuns,
    cells: run.results.map((r) => ({
      mode: r.cell.mode.id,
      platform: r.cell.platform,
      recipe: r.cell.recipe,
      verdict: r.verdict,
      counterexample: fileOf(run, r) ?? null,
      contract: r.contract,
      errno: r.verdict === 'n/a' ? r.errno : null,
      property: r.verdict === 'lost' ? r.found.property : null,
      operations: r.verdict === 'lost' ? r.found.operations : null,
      workloads: r.stats.workloads,
      crashPoints: r.stats.crashPoints,
      crashStates: r.stats.crashStates.toString(),
    })),
  };
}
