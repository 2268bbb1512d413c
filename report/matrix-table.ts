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

/** Where mechanics and the documented contract disagree. */
function remark(r: CellRow): string {
  if (r.verdict === 'durable' && !r.contract.promised) return 'durable by mechanics, not promised';
  if (promisedButLost(r)) return 'PROMISED BUT LOST';
  return '';
}

function totals(rows: readonly CellRow[]): string {
  const count = (verdict: CellRow['verdict']) => rows.filter((r) => r.verdict === verdict).length;
  const remarked = (prefix: string) => rows.filter((r) => remark(r).startsWith(prefix)).length;
  return (
    `${rows.length} cells: ${count('durable')} durable, ${count('lost')} lost, ${count('n/a')} n/a; ` +
    `${remarked('PROMISED')} promised but lost, ${remarked('durable')} durable beyond the contract`
  );
}
