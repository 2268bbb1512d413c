import { promisedButLost, type CellRow } from '../matrix/row.js';
import { fileOf, type MatrixRun } from './matrix-run.js';

const HEAD = ['mode', 'platform', 'failure', 'recipe', 'verdict', 'contract', 'workloads', 'crash-points', 'crash-states', 'detail'];

/** The table of `daxcheck matrix`: a title, a row per cell with aligned columns, and the totals. */
export function matrixTable(run: MatrixRun): string[] {
  const body = run.rows.map((r) => cells(run, r));
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [`daxcheck matrix: seed ${run.seed}, ${run.numRuns} workloads per cell`, line(HEAD), ...body.map(line), totals(run.rows)];
}

function cells(run: MatrixRun, r: CellRow): string[] {
  const detail = r.verdict === 'lost' ? `${fileOf(run, r)} (${r.property}; ${r.operations?.minimized} ops; fix: ${r.fix ?? 'not searched'})` : (r.errno ?? '');
  return [r.mode, r.platform, r.failure, r.recipe, r.verdict, r.contract.promised ? 'promised' : '-', `${r.workloads}`, `${r.crashPoints}`, r.crashStates, [detail, remark(r)].filter(Boolean).join('; ')];
}

/** Where mechanics and the documented contract disagree: durable though nothing promises it, or promised but lost. */
export type Disagreement = 'not-promised' | 'promised-but-lost';

/** How a row's verdict and its contract disagree, or null when they agree. */
export function disagreement(r: CellRow): Disagreement | null {
  if (r.verdict === 'durable' && !r.contract.promised) return 'not-promised';
  return promisedButLost(r) ? 'promised-but-lost' : null;
}

const REMARK: Readonly<Record<Disagreement, string>> = { 'not-promised': 'durable by mechanics, not promised', 'promised-but-lost': 'PROMISED BUT LOST' };

/** The detail column's words where verdict and contract disagree, or the empty string. */
export function remark(r: CellRow): string {
  const d = disagreement(r);
  return d === null ? '' : REMARK[d];
}

/** The table's last line: how many cells of each verdict, and how many disagree with their contract. */
export function totals(rows: readonly CellRow[]): string {
  const count = (verdict: CellRow['verdict']) => rows.filter((r) => r.verdict === verdict).length;
  const remarked = (d: Disagreement) => rows.filter((r) => disagreement(r) === d).length;
  return (
    `${rows.length} cells: ${count('durable')} durable, ${count('lost')} lost, ${count('n/a')} n/a; ` +
    `${remarked('promised-but-lost')} promised but lost, ${remarked('not-promised')} durable beyond the contract`
  );
}
