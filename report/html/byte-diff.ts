import type { StoryBytes } from '../story-shape.js';
import { escapeHtml } from '../escape.js';

const ROW = 16;
const MAX_ROWS = 8;

/** The bytes a displayed value stands for: integers are little-endian over the range's length (model/observe.ts), strings are UTF-8. */
export function bytesOf(value: string, len: number): number[] | null {
  if (/^(0x[0-9a-f]+|\d+)$/i.test(value)) {
    let n = BigInt(value);
    const out: number[] = [];
    for (let i = 0; i < len || n > 0n; i++, n >>= 8n) out.push(Number(n & 0xffn));
    return out;
  }
  if (!/^".*"$/s.test(value)) return null;
  try {
    return [...Buffer.from(JSON.parse(value) as string, 'utf8')];
  } catch {
    return null;
  }
}

const hex = (b: number | undefined) => (b === undefined ? '--' : b.toString(16).padStart(2, '0'));

function hexRow(label: string, from: number, bytes: readonly (number | undefined)[], diff: readonly boolean[], cls: string): string {
  const cells = bytes.map((b, i) => `<td${diff[i] ? ` class="${cls}"` : ''}>${hex(b)}</td>`).join('');
  return `<tr><th>${label}</th><td class="offset">+${from}</td>${cells}</tr>`;
}

/** A hex diff of two byte strings, 16 to a row, showing the rows that differ (or the first row when none does). */
function hexDiff(off: number, got: readonly number[], want: readonly number[]): string {
  const length = Math.max(got.length, want.length);
  const rows = Array.from({ length: Math.ceil(length / ROW) }, (_, r) => r * ROW);
  const differs = (i: number) => got[i] !== want[i];
  const bad = rows.filter((start) => Array.from({ length: Math.min(ROW, length - start) }, (_, i) => start + i).some(differs));
  const shownRows = (bad.length > 0 ? bad : rows.slice(0, 1)).slice(0, MAX_ROWS);
  const body = shownRows.map((start) => {
    const idx = Array.from({ length: Math.min(ROW, length - start) }, (_, i) => start + i);
    const diff = idx.map(differs);
    return hexRow('recovered', off + start, idx.map((i) => got[i]), diff, 'bad') + hexRow('expected', off + start, idx.map((i) => want[i]), diff, 'good');
  });
  const hidden = bad.length - shownRows.length;
  const note = hidden > 0 ? `<p class="note">${hidden} more differing rows of ${ROW} bytes not shown.</p>` : '';
  return `<table class="hex">${body.join('')}</table>${note}`;
}

function rangeOf(range: string): { off: number; len: number } | null {
  const m = /^\[(\d+):(\d+)\]$/.exec(range);
  return m ? { off: Number(m[1]), len: Number(m[2]) } : null;
}

function detail(b: StoryBytes): string {
  const r = rangeOf(b.range);
  if (!r || b.expected === undefined || b.expected === b.recovered) return '';
  const got = bytesOf(b.recovered, r.len);
  const want = bytesOf(b.expected, r.len);
  return got && want ? `<tr class="bytes-detail"><td colspan="5">${hexDiff(r.off, got, want)}</td></tr>` : '';
}

/** Where an observation looks: `f0[0:8]` for bytes, `size(f0)` for a whole-file query. */
const where = (b: StoryBytes) => (b.range.startsWith('[') ? `${b.target}${b.range}` : b.range.replace(/\(\)$/, `(${b.target})`));

function row(b: StoryBytes): string {
  const mismatch = b.expected !== undefined && b.expected !== b.recovered;
  const verdict = b.expected === undefined ? '<span class="note">not constrained</span>' : mismatch ? '<span class="badge lost">differs</span>' : '<span class="badge kept">matches</span>';
  const expected = b.expected === undefined ? '<td class="note">—</td>' : `<td class="value expected${mismatch ? ' good' : ''}"><code>${escapeHtml(b.expected)}</code></td>`;
  const cells = `<td><code>${escapeHtml(b.name)}</code></td><td><code>${escapeHtml(where(b))}</code></td><td class="value recovered${mismatch ? ' bad' : ''}"><code>${escapeHtml(b.recovered)}</code></td>${expected}<td>${verdict}</td>`;
  return `<tr class="observation${mismatch ? ' mismatch' : ''}">${cells}</tr>${detail(b)}`;
}

/** The observations after recovery against what the violated expectation wanted, with differing bytes highlighted. */
export function renderByteDiff(bytes: readonly StoryBytes[]): string {
  if (bytes.length === 0) return '<h3>Recovered bytes</h3><p class="note">The program observes nothing.</p>';
  const head = '<tr><th>observation</th><th>target and range</th><th>recovered</th><th>expected</th><th></th></tr>';
  return `<h3>Recovered bytes</h3><table class="diff"><thead>${head}</thead><tbody>${bytes.map(row).join('')}</tbody></table>`;
}
