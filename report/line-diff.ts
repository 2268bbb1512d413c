/** How many unchanged lines a hunk shows around each change, as `diff -u` does. */
const CONTEXT = 2;

type Line = { readonly tag: ' ' | '-' | '+'; readonly text: string; readonly old: number; readonly new: number };

/**
 * A unified diff of two texts given as lines (`--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with two
 * lines of context), by a longest common subsequence: deterministic, and exact for the few lines a
 * litmus program has. Empty when the texts are equal.
 */
export function unifiedDiff(a: readonly string[], b: readonly string[], names: { readonly old: string; readonly new: string }): string[] {
  const lines = aligned(a, b);
  const changed = lines.flatMap((l, i) => (l.tag === ' ' ? [] : [i]));
  if (changed.length === 0) return [];
  return [`--- ${names.old}`, `+++ ${names.new}`, ...hunks(lines, changed).flatMap((h) => hunkText(lines.slice(h.from, h.to)))];
}

/** Both texts merged into one sequence of kept, removed and added lines, each with its line numbers. */
function aligned(a: readonly string[], b: readonly string[]): Line[] {
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const out: Line[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) out.push({ tag: ' ', text: a[i++]!, old: i, new: ++j });
    else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) out.push({ tag: '+', text: b[j++]!, old: i, new: j });
    else out.push({ tag: '-', text: a[i++]!, old: i, new: j });
  }
  return out;
}

/** The ranges of lines each hunk shows: every change with its context, ranges that touch merged. */
function hunks(lines: readonly Line[], changed: readonly number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(lines.length, i + CONTEXT + 1);
    const last = out.at(-1);
    if (last && from <= last.to) last.to = to;
    else out.push({ from, to });
  }
  return out;
}

/** A hunk's header with where it starts and how long it is on each side, then its lines. */
function hunkText(lines: readonly Line[]): string[] {
  const olds = lines.filter((l) => l.tag !== '+');
  const news = lines.filter((l) => l.tag !== '-');
  const start = (side: 'old' | 'new', kept: readonly Line[]) => (kept.length === 0 ? lines[0]![side] : kept[0]![side]);
  return [`@@ -${start('old', olds)},${olds.length} +${start('new', news)},${news.length} @@`, ...lines.map((l) => `${l.tag}${l.text}`)];
}
