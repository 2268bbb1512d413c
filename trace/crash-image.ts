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
 * line's bytes as characters, line after line, or that text's SHA-256 when it is long (the hex of
 * a hash has no `:`, so it never equals a text key).
 */
export function keyOf(lines: ReadonlyMap<number, ArrayLike<number>>): string {
  let text = '';
  for (const [line, bytes] of lines) text += `${line}:${String.fromCharCode.apply(null, bytes as number[])}`;
  return text.length <= KEY_TEXT ? text : createHash('sha256').update(text, 'latin1').digest('hex');
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
