import { promisedButLost, type CellResult } from '../matrix/cell.js';
import { fileOf, type MatrixRun } from './matrix-run.js';

const HEAD = ['mode', 'platform', 'recipe', 'verdict', 'contract', 'workloads', 'crash-points', 'crash-states', 'detail'];

/** The table of `daxcheck matrix`: a title, a row per cell with aligned columns, and the totals. */
export function matrixTable(run: MatrixRun): string[] {
  const body = run.results.map((r) => row(run, r));
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [`daxcheck matrix: seed ${run.seed}, ${run.numRuns} workloads per cell`, line(HEAD), ...body.map(line), totals(run.results)];
}

function row(run: MatrixRun, r: CellResult): string[] {
  const detail = r.verdict === 'lost' ? `${fileOf(run, r)} (${r.found.property}; ${r.found.operations.minimized} ops)` : r.verdict === 'n/a' ? r.errno : '';
  const { stats } = r;
  return [r.cell.mode.id, r.cell.platform, r.cell.recipe, r.verdict, r.contract.promised ? 'promised' : '-', `${stats.workloads}`, `${stats.crashPoints}`, `${stats.crashStates}`, [detail, remark(r)].filter(Boolean).join('; ')];
}

/** Where mechanics and the documented contract disagree. */
function remark(r: CellResult): string {
  if (r.verdict === 'durable' && !r.contract.promised) return 'durable by mechanics, not promised';
  if (promisedButLost(r)) return 'PROMISED BUT LOST';
  return '';
}

function totals(results: readonly CellResult[]): string {
  const count = (verdict: CellResult['verdict']) => results.filter((r) => r.verdict === verdict).length;
  const remarked = (prefix: string) => results.filter((r) => remark(r).startsWith(prefix)).length;
  return (
    `${results.length} cells: ${count('durable')} durable, ${count('lost')} lost, ${count('n/a')} n/a; ` +
    `${remarked('PROMISED')} promised but lost, ${remarked('durable')} durable beyond the contract`
  );
}
