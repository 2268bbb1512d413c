import type { Contract } from '../../matrix/contracts.js';
import { escapeHtml } from '../escape.js';
import { renderByteDiff } from './byte-diff.js';
import { renderCrashState } from './crash-state.js';
import type { ReportEntry } from './entry.js';
import { renderTimeline } from './timeline.js';

const LEGEND = [
  ['sw-done', 'done'],
  ['sw-cut', 'cut by the crash'],
  ['sw-not-run', 'not run'],
  ['sw-label', 'label'],
  ['sw-crash', 'crash'],
]
  .map(([cls, text]) => `<span><span class="swatch ${cls}"></span>${text}</span>`)
  .join('');

/** Where a counterexample's section links back to: its cell in the matrix grid. */
export interface BackLink {
  readonly href: string;
  readonly text: string;
}

function contractText(c: Contract | null): string {
  if (c === null) return '<span class="note">not a matrix cell: no documented contract applies</span>';
  return `${c.promised ? '<strong>promised</strong> by' : 'not promised:'} ${escapeHtml(c.source)}`;
}

function facts({ story, contract, fix, file }: ReportEntry): string {
  const violated = story.violated === null ? `safety property <code>${escapeHtml(story.property)}</code>` : `<code>${escapeHtml(story.violated)}</code>`;
  const rows: [string, string][] = [
    ['violated', violated],
    ['property', escapeHtml(story.property)],
    ['crash point', `#${story.crash.index}: ${escapeHtml(story.crash.description)}`],
    ['config', story.config === '' ? '<span class="note">defaults</span>' : `<code>${escapeHtml(story.config)}</code>`],
    ['contract', contractText(contract)],
    ['fix', escapeHtml(fix)],
    ['replay', `<code class="cmd">npx daxcheck replay ${escapeHtml(file)}</code>`],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** The stored program with its line numbers, the ones the timeline and the crash point name. */
function listing(source: string): string {
  const lines = source.replace(/\n$/, '').split('\n');
  return `<pre class="source">${lines.map((text, i) => `<span class="ln">${i + 1}</span>${escapeHtml(text)}`).join('\n')}</pre>`;
}

/** A counterexample's section: why, the facts, the whole program with its files, the timeline, the crash state, the bytes, and how to replay and keep it. */
export function renderSection(entry: ReportEntry, anchor: string, back?: BackLink): string {
  const { story } = entry;
  return [
    `<section class="cx" id="${escapeHtml(anchor)}">`,
    `<h2><a href="#${escapeHtml(anchor)}">${escapeHtml(story.name)}</a></h2>`,
    back ? `<p class="meta back"><a href="${escapeHtml(back.href)}">↑ ${escapeHtml(back.text)}</a></p>` : '',
    `<p class="why">${escapeHtml(story.why)}</p>`,
    facts(entry),
    '<h3>Program, with its configuration and files</h3>',
    listing(entry.source),
    '<h3>Timeline</h3>',
    `<div class="scroll">${renderTimeline(story)}</div>`,
    `<div class="legend">${LEGEND}</div>`,
    renderCrashState(story),
    renderByteDiff(story.bytes),
    `<details class="litmus"><summary>As a litmus test for a catalogue (<code>daxcheck show --litmus</code>)</summary><pre>${escapeHtml(entry.litmus)}</pre></details>`,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
