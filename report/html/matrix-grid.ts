import { columnName, COLUMNS, rulesKey } from '../../matrix/column.js';
import { modeById } from '../../matrix/modes.js';
import { RECIPES, type Recipe } from '../../matrix/recipes.js';
import { rowId, type CellRow } from '../../matrix/row.js';
import { PLATFORMS, type PlatformName } from '../../profiles/platforms.js';
import { escapeHtml } from '../escape.js';
import { disagreement, remark, type Disagreement } from '../matrix-table.js';
import { domainWords } from './persistence-domain.js';

/**
 * The column group of a row: its column, with every other column of the same persistence rules,
 * whose cells are the same check (matrix/cells.ts `verdictKey`): `adr = nvdimm-dax = cxl`.
 */
export function columnGroupOf(row: CellRow): string {
  const rules = rulesKey(row);
  return COLUMNS.filter((c) => rulesKey(c) === rules)
    .map(columnName)
    .join(' = ');
}

/** Where a row is drawn: the cell of its mode, column group and recipe, which rows alike share. */
export function gridCellOf(row: CellRow): string {
  return key(row.mode, columnGroupOf(row), row.recipe);
}

/** A group of columns: one per recipe its rows have, in the order of RECIPES, under one header naming what its persistence domain holds. */
interface Group {
  readonly label: string;
  readonly domain: string;
  readonly recipes: readonly string[];
}

/** Where a row's cell is on the page, and where its counterexample is when it is lost. */
export interface CellLinks {
  readonly anchor: (row: CellRow) => string;
  readonly counterexample: (row: CellRow) => string | undefined;
}

const order = (recipe: string) => RECIPES.indexOf(recipe as Recipe);
const unique = (items: readonly string[]) => [...new Set(items)];
const key = (mode: string, group: string, recipe: string) => JSON.stringify([mode, group, recipe]);

function groupsOf(rows: readonly CellRow[]): Group[] {
  return unique(rows.map(columnGroupOf)).map((label) => {
    const members = rows.filter((r) => columnGroupOf(r) === label);
    const platform = PLATFORMS[members[0]!.platform as PlatformName];
    const recipes = unique(members.map((r) => r.recipe)).sort((a, b) => order(a) - order(b));
    return { label, domain: platform ? domainWords(platform.domain, members[0]!.failure) : 'persistence domain: unknown platform', recipes };
  });
}

function head(groups: readonly Group[]): string {
  const platforms = groups.map((g) => `<th class="group" colspan="${g.recipes.length}" scope="colgroup" title="${escapeHtml(g.domain)}">${g.label.split(' = ').map((name) => `<span class="platform">${escapeHtml(name)}</span>`).join('')}</th>`);
  const recipes = groups.flatMap((g) => g.recipes.map((r, i) => `<th class="recipe${i === 0 ? ' first' : ''}" scope="col">${escapeHtml(r)}</th>`));
  return `<thead><tr><th class="mode-head" rowspan="2" scope="col">mode</th>${platforms.join('')}</tr><tr>${recipes.join('')}</tr></thead>`;
}

/** The symbol of a verdict in the grid, and the mark a cell carries where its verdict and contract disagree (the legend says them in words). */
const SYMBOL: Readonly<Record<CellRow['verdict'], string>> = { durable: '✓', lost: '✗', 'n/a': '–' };
const MARK: Readonly<Record<Disagreement, string>> = { 'not-promised': '*', 'promised-but-lost': '!' };

function cellTitle(row: CellRow): string {
  const verdict = row.verdict === 'n/a' ? `n/a (${row.errno ?? 'refused'})` : row.verdict === 'lost' ? `lost (${row.property ?? 'a property'})` : row.verdict;
  const contract = row.contract.promised ? `promised by ${row.contract.source}` : row.contract.source;
  return [`${rowId(row)}: ${verdict}`, contract, remark(row)].filter(Boolean).join('; ');
}

function cell(row: CellRow | undefined, first: boolean, links: CellLinks): string {
  const edge = first ? ' first' : '';
  if (!row) return `<td class="cell absent${edge}" title="the recipe does not apply to this way of writing"></td>`;
  const d = disagreement(row);
  const cls = `cell ${row.verdict === 'n/a' ? 'na' : row.verdict}${d ? ` ${d}` : ''}${edge}`;
  const words = `<span class="verdict">${SYMBOL[row.verdict]}${d ? MARK[d] : ''}</span>`;
  const target = links.counterexample(row);
  const body = target ? `<a href="#${escapeHtml(target)}">${words}</a>` : words;
  return `<td id="${escapeHtml(links.anchor(row))}" class="${cls}" title="${escapeHtml(cellTitle(row))}">${body}</td>`;
}

function body(rows: readonly CellRow[], groups: readonly Group[], links: CellLinks): string {
  const byKey = new Map<string, CellRow>();
  for (const r of rows) if (!byKey.has(gridCellOf(r))) byKey.set(gridCellOf(r), r);
  const lines = unique(rows.map((r) => r.mode)).map((mode) => {
    const summary = modeById(mode)?.summary ?? '';
    const cells = groups.flatMap((g) => g.recipes.map((recipe, i) => cell(byKey.get(key(mode, g.label, recipe)), i === 0, links)));
    return `<tr><th class="mode" scope="row"><code>${escapeHtml(mode)}</code><span class="summary">${escapeHtml(summary)}</span></th>${cells.join('')}</tr>`;
  });
  return `<tbody>${lines.join('')}</tbody>`;
}

/**
 * The matrix as a grid: a row per mapping mode, a column group per platform (and failure) or per
 * platforms of the same persistence rules, a column per recipe; each lost cell links to its
 * counterexample. Below it, what each group's persistence domain holds.
 */
export function renderGrid(rows: readonly CellRow[], links: CellLinks): string {
  const groups = groupsOf(rows);
  const domains = groups.map((g) => `<li><b>${escapeHtml(g.label)}</b>: ${escapeHtml(g.domain)}</li>`);
  return `<table class="grid">${head(groups)}${body(rows, groups, links)}</table><ul class="domains">${domains.join('')}</ul>`;
}
