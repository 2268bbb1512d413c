import type { Story, StoryChoice, StoryHandle } from '../story-shape.js';
import { escapeHtml } from '../escape.js';

const KIND: Readonly<Record<StoryChoice['kind'], string>> = {
  journal: 'journal',
  line: 'cache line',
  page: 'page-cache page',
  meta: 'writeback metadata',
  landed: 'block data',
  nt: 'non-temporal store',
  host: 'host page',
};
/** Counted choices pick how many of `of - 1` pending things reached media; the detail column says how many, the meter shows it. */
const COUNTED: ReadonlySet<StoryChoice['kind']> = new Set(['journal', 'line', 'page', 'host']);
const MAX_SEGMENTS = 16;

/** A row of `n` cells, the first `k` filled: how much of what was pending reached media. */
function meter(k: number, n: number): string {
  const cells = Math.min(n, MAX_SEGMENTS);
  const filled = n <= MAX_SEGMENTS ? k : Math.round((k / n) * MAX_SEGMENTS);
  const rects = Array.from({ length: cells }, (_, i) => {
    const on = i < filled;
    return `<rect x="${i * 13 + 1}" y="1" width="11" height="12" rx="2" fill="${on ? '#2e7d32' : '#ffffff'}" stroke="${on ? '#2e7d32' : '#b45309'}"/>`;
  });
  return `<svg class="meter" width="${cells * 13 + 2}" height="14" viewBox="0 0 ${cells * 13 + 2} 14" aria-hidden="true">${rects.join('')}</svg>`;
}

/** How much of the choice reached media: a meter and one word (the count itself is in the detail column, said once). */
function persisted(c: StoryChoice): string {
  if (COUNTED.has(c.kind)) {
    const word = c.chosen === 0 ? 'none' : c.chosen + 1 < c.of ? 'some' : 'all';
    return `${meter(c.chosen, c.of - 1)} <span class="${c.chosen + 1 < c.of ? 'lost' : 'kept'}">${word}</span>`;
  }
  const kept = c.chosen === 1;
  const words = c.kind === 'nt' ? (kept ? 'landed' : 'lost') : c.kind === 'meta' ? (kept ? 'committed' : 'not committed') : kept ? 'reached media' : 'old bytes kept';
  return `${meter(kept ? 1 : 0, 1)} <span class="${kept ? 'kept' : 'lost'}">${words}</span>`;
}

const linesText = (lines: readonly number[]) => (lines.length === 0 ? '—' : lines.join(', '));

const td = (html: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;

function choiceRow(c: StoryChoice): string {
  const cells = [td(escapeHtml(KIND[c.kind] ?? c.kind)), td(`<code>${escapeHtml(c.site)}</code>`), td(persisted(c), 'nowrap'), td(escapeHtml(linesText(c.lines))), td(escapeHtml(c.text))];
  return `<tr class="choice choice-${escapeHtml(c.kind)}">${cells.join('')}</tr>`;
}

function handleRow(h: StoryHandle): string {
  const badge = h.committed ? '<span class="badge kept">committed</span>' : '<span class="badge lost">not committed</span>';
  return `<tr class="handle"><td>${h.line}</td><td><code>${escapeHtml(h.text)}</code></td><td>${badge}</td></tr>`;
}

function choicesTable(choices: readonly StoryChoice[]): string {
  if (choices.length === 0) return '<p class="note">This crash state made no choice: no cache line, page or journal handle was pending on the way to media.</p>';
  const head = '<tr><th>kind</th><th>site</th><th>reached media</th><th>source lines</th><th>detail</th></tr>';
  return `<table class="choices"><thead>${head}</thead><tbody>${choices.map(choiceRow).join('')}</tbody></table>`;
}

function handlesTable(handles: readonly StoryHandle[]): string {
  if (handles.length === 0) return '';
  const head = '<tr><th>line</th><th>operation</th><th>in this crash state</th></tr>';
  const caption = '<h4>Journal handles still open at the crash, and whether this crash state committed each</h4>';
  return `${caption}<table class="handles"><thead>${head}</thead><tbody>${handles.map(handleRow).join('')}</tbody></table>`;
}

/** The crash state: each choice by kind with how much of it reached media, and the journal handles it committed or not. */
export function renderCrashState(story: Story): string {
  return `<h3>Crash state</h3>${choicesTable(story.choices)}${handlesTable(story.handles)}`;
}
