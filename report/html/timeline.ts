import type { Story, StoryOp } from '../story-shape.js';
import { escapeHtml } from '../escape.js';

/** Pixel width of one character of 12px monospace text (DejaVu Sans Mono and its kin are 0.6 em). */
const CHAR = 7.3;
const PAD = 12;
const GAP = 28;
const TOP = 30;
const BOX = 46;
const MAX_TEXT = 64;
const MONO = "ui-monospace, 'DejaVu Sans Mono', monospace";
/** The crash marker's colour; the HTML test looks for it in a screenshot. */
export const CRASH_RED = '#d00000';

const STYLES = {
  done: { fill: '#e7eef8', stroke: '#5b7db1', text: '#1b2a41', dash: '' },
  cut: { fill: '#fdebd3', stroke: '#c26a00', text: '#5a3200', dash: '5 3' },
  'not-run': { fill: '#ffffff', stroke: '#b8bec7', text: '#8a929c', dash: '3 3' },
} as const;

interface Placed {
  readonly op: StoryOp;
  readonly x: number;
  readonly w: number;
  readonly label: boolean;
}

const isLabel = (op: StoryOp) => /^[^\s:]+:$/.test(op.text);
const shown = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const widthOf = (op: StoryOp) => Math.round(Math.max(isLabel(op) ? 40 : 72, shown(op.text).length * CHAR + 2 * PAD));

/** Lays the operations out left to right in program order. */
function place(ops: readonly StoryOp[]): Placed[] {
  let x = GAP;
  return ops.map((op) => {
    const placed = { op, x, w: widthOf(op), label: isLabel(op) };
    x += placed.w + GAP;
    return placed;
  });
}

/** Where the crash falls: inside the cut operation, else midway after the last completed one. */
function crashX(placed: readonly Placed[]): number {
  const cut = placed.find((p) => p.op.status === 'cut');
  if (cut) return cut.x + Math.round(cut.w / 2);
  const done = placed.filter((p) => p.op.status === 'done').at(-1);
  return done ? done.x + done.w + GAP / 2 : GAP / 2;
}

/** The box (or, for a label, the tick) of an operation; its words are drawn in a later layer, above the crash line. */
function opShape(p: Placed): string {
  const s = STYLES[p.op.status];
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const title = `<title>line ${p.op.line}: ${escapeHtml(p.op.text)} (${p.op.status})</title>`;
  const shape = p.label
    ? `<line x1="${p.x + 2}" y1="${TOP}" x2="${p.x + 2}" y2="${TOP + BOX}" stroke="${s.stroke}" stroke-width="3"${dash}/>`
    : `<rect x="${p.x}" y="${TOP}" width="${p.w}" height="${BOX}" rx="5" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${dash}/>`;
  return `<g class="op op-${p.op.status}" data-line="${p.op.line}">${title}${shape}</g>`;
}

/** The source line and text of an operation, haloed in its box's fill so that the crash line never hides them. */
function opWords(p: Placed): string {
  const s = STYLES[p.op.status];
  // A label never holds the crash line (that falls between operations or inside a cut one), so it needs no halo.
  const halo = p.label ? '' : ` stroke="${s.fill}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;
  const italic = p.label ? ' font-style="italic"' : '';
  const where = `<text x="${p.x + PAD}" y="${TOP + 17}" font-size="11" fill="${s.text}" fill-opacity="0.75"${halo}>line ${p.op.line}</text>`;
  return `${where}<text x="${p.x + PAD}" y="${TOP + 35}" font-family="${MONO}" font-size="12"${italic} fill="${s.text}"${halo}>${escapeHtml(shown(p.op.text))}</text>`;
}

function crashLine(x: number, story: Story): string {
  const title = `<title>crash: ${escapeHtml(story.crash.description)}</title>`;
  const line = `<line x1="${x}" y1="${TOP - 12}" x2="${x}" y2="${TOP + BOX + 10}" stroke="${CRASH_RED}" stroke-width="3"/>`;
  const label = `<text x="${x}" y="${TOP - 16}" text-anchor="middle" font-size="12" font-weight="700" fill="${CRASH_RED}">crash</text>`;
  return `<g class="crash" data-crash-index="${story.crash.index}">${title}${line}${label}</g>`;
}

function axis(width: number): string {
  const y = TOP + BOX + 24;
  const arrow = `<path d="M${width - GAP + 8} ${y} l-7 -4 v8 z" fill="#9aa3ad"/>`;
  return `<line x1="${GAP / 2}" y1="${y}" x2="${width - GAP + 2}" y2="${y}" stroke="#9aa3ad" stroke-width="1"/>${arrow}<text x="${GAP / 2}" y="${y + 16}" font-size="11" fill="#6b7480">program order</text>`;
}

/** The program's operations as an SVG timeline in program order, with the crash point marked by a red line. */
export function renderTimeline(story: Story): string {
  const placed = place(story.ops);
  const x = crashX(placed);
  // Room for the last box and for the centred "crash" label, whichever reaches further right.
  const width = Math.max(240, (placed.at(-1)?.x ?? 0) + (placed.at(-1)?.w ?? 0) + GAP, x + 2 * GAP);
  const height = TOP + BOX + 48;
  const after = `<rect class="after-crash" x="${x}" y="${TOP - 12}" width="${width - x}" height="${BOX + 22}" fill="#f3f4f6"/>`;
  const words = `<g class="words">${placed.map(opWords).join('')}</g>`;
  const body = [after, ...placed.map(opShape), axis(width), crashLine(x, story), words].join('');
  const label = `timeline of ${escapeHtml(story.name)}: ${escapeHtml(story.crash.description)}`;
  return `<svg class="timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" font-family="system-ui, sans-serif">${body}</svg>`;
}
