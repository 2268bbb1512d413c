import { createHash } from 'node:crypto';
import { LINE } from '../model/core/geometry.js';
import type { Oracle } from '../model/core/source.js';
import { crashView, type MediaView } from '../model/x86/crash.js';
import type { PersistContext } from '../model/x86/persist.js';
import { FILE_SPAN, type Layout } from './layout.js';
import type { CrashPoint } from './machine.js';

/** The lines of a crash image that differ from the pre-run images, by media line, and their key (`keyOf`). */
export interface ImageDelta {
  readonly lines: ReadonlyMap<number, ArrayLike<number>>;
  readonly key: string;
}

/** The longest key kept as text: a longer one is hashed, so that memory follows the distinct images, not the lines they hold. */
const KEY_TEXT = 1024;

/** The crash state `oracle` chooses at `point`, read lazily: a line is chosen when it is first read. */
export function crashLines(point: CrashPoint, ctx: PersistContext, oracle: Oracle): MediaView {
  return crashView({ cpu: point.cpu, persistence: ctx.persistence, bugs: ctx.bugs, initial: ctx.initial }, oracle);
}

/** The whole crash image: every line a store reached, chosen line by line (what an external checker reads). */
export function wholeImage(point: CrashPoint, ctx: PersistContext, oracle: Oracle): ImageDelta {
  const view = crashLines(point, ctx, oracle);
  const lines = new Map<number, ArrayLike<number>>();
  for (const line of [...point.lines].sort((a, b) => a - b)) {
    const bytes = view.readLine(line);
    if (!sameBytes(bytes, ctx.initial(line))) lines.set(line, bytes);
  }
  return { lines, key: keyOf(lines) };
}

/**
 * The key of lines (in the order given) and their bytes, equal for equal lines: `LINE:` and the
 * line's bytes as text (`lineText`), line after line, or that text's SHA-256 when it is long (the
 * hex of a hash has no `:`, so it never equals a text key).
 */
export function keyOf(lines: ReadonlyMap<number, ArrayLike<number>>): string {
  let text = '';
  for (const [line, bytes] of lines) text += `${line}:${lineText(bytes)}`;
  return text.length <= KEY_TEXT ? text : createHash('sha256').update(text, 'utf16le').digest('hex');
}

/**
 * A line's bytes as text, equal for equal bytes and of a length fixed by theirs: two bytes to a
 * UTF-16 code unit, sixteen bytes to a call, then any bytes left one to a unit. Every evaluation of
 * an in-process check makes a key, and `String.fromCharCode.apply` over the bytes would first copy
 * them into an array of arguments: three times the cost (bench machine).
 */
function lineText(b: ArrayLike<number>): string {
  const char = String.fromCharCode;
  let text = '';
  let i = 0;
  for (; i + 16 <= b.length; i += 16) {
    text += char(b[i]! | (b[i + 1]! << 8), b[i + 2]! | (b[i + 3]! << 8), b[i + 4]! | (b[i + 5]! << 8), b[i + 6]! | (b[i + 7]! << 8), b[i + 8]! | (b[i + 9]! << 8), b[i + 10]! | (b[i + 11]! << 8), b[i + 12]! | (b[i + 13]! << 8), b[i + 14]! | (b[i + 15]! << 8));
  }
  for (; i < b.length; i++) text += char(b[i]!);
  return text;
}

/** File `file` of the layout with `delta` applied: the crash image an external checker is given. */
export function fileImage(layout: Layout, file: number, delta: ImageDelta): Uint8Array {
  const { base, image, size } = layout.files[file]!;
  const bytes = new Uint8Array(Math.max(size, image.length));
  bytes.set(image);
  for (const [line, data] of delta.lines) {
    const at = line * LINE - base;
    if (at >= 0 && at < FILE_SPAN) bytes.set(Array.from(data).slice(0, Math.max(0, bytes.length - at)), at);
  }
  return bytes;
}

function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}
