import { createHash } from 'node:crypto';
import { LINE } from '../model/core/geometry.js';
import type { Oracle } from '../model/core/source.js';
import { crashView, type MediaView } from '../model/x86/crash.js';
import type { PersistContext } from '../model/x86/persist.js';
import { FILE_SPAN, type Layout } from './layout.js';
import type { CrashPoint } from './machine.js';

/** The lines of a crash image that differ from the pre-run images, by media line, and a digest of them. */
export interface ImageDelta {
  readonly lines: ReadonlyMap<number, ArrayLike<number>>;
  readonly digest: string;
}

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
  return { lines, digest: digestOf(lines) };
}

/** A digest of lines (in the order given) and their bytes. */
export function digestOf(lines: ReadonlyMap<number, ArrayLike<number>>): string {
  const hash = createHash('sha256');
  for (const [line, bytes] of lines) hash.update(`${line}:`).update(Uint8Array.from(bytes));
  return hash.digest('hex');
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
