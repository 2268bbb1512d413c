import fc from 'fast-check';
import { edit, pick, type Edit } from './edit.js';
import { STRAY_LINES } from './stray-lines.js';

const index = fc.nat(200);

/** Applies `f` to the lines of a text (the part after a final newline counts as a line). */
const onLines = (f: (lines: string[]) => string[]) => (text: string) => f(text.split('\n')).join('\n');

const deleteLine = index.map((i) => edit<string>(`delete line #${i}`, onLines((ls) => ls.filter((_, k) => k !== i % ls.length))));

const duplicateLine = fc.tuple(index, fc.integer({ min: 1, max: 3 })).map(([i, n]) =>
  edit<string>(`repeat line #${i} ${n} more times`, onLines((ls) => ls.flatMap((l, k) => (k === i % ls.length ? Array<string>(n + 1).fill(l) : [l])))),
);

const swapLines = fc.tuple(index, index).map(([i, j]) =>
  edit<string>(`swap lines #${i} and #${j}`, onLines((ls) => ls.map((l, k) => (k === i % ls.length ? ls[j % ls.length]! : k === j % ls.length ? ls[i % ls.length]! : l)))),
);

const insertLine = fc.tuple(index, fc.nat(STRAY_LINES.length - 1)).map(([i, s]) => {
  const line = pick(STRAY_LINES, s);
  return edit<string>(`insert ${JSON.stringify(line)} before line #${i}`, onLines((ls) => ls.toSpliced(i % ls.length, 0, line)));
});

const crlf = fc.constant(edit<string>('end lines with CRLF', (text) => text.replaceAll('\n', '\r\n')));

/** Line-level edits of a litmus text: delete, repeat, swap, insert a stray line, CRLF line ends. */
export const lineEdit: fc.Arbitrary<Edit<string>> = fc.oneof(deleteLine, duplicateLine, swapLines, insertLine, crlf);
