import { LINE } from '../model/core/geometry.js';
import type { PersistContext } from '../model/x86/persist.js';
import { userError } from '../lang/messages.js';
import { crashLines, digestOf } from './crash-image.js';
import type { Judge, Verdict } from './judge.js';
import type { Layout } from './layout.js';

/** What an in-process checker sees of one crash image: its files, read lazily, and the markers open. */
export interface CrashImage {
  readonly files: readonly { readonly path: string; readonly size: number }[];
  /** `length` bytes at `offset` of registered file `file` (the first by default), as the crash left them. */
  read(offset: number, length: number, file?: number): Uint8Array;
  /** The markers open at the crash point, outermost first (pmreorder's PMREORDER_MARKERS). */
  readonly markers: readonly string[];
}

/** An in-process checker: true when the image is consistent, false or a reason when it is not. */
export type CheckFunction = (image: CrashImage) => boolean | string;

/**
 * Judges crash states with an in-process checker: only the lines it reads are chosen, so the crash
 * states it cannot tell apart are evaluated once (DESIGN 1.4's laziness, as for litmus observations).
 */
export function moduleJudge(check: CheckFunction, layout: Layout, ctx: PersistContext): Judge {
  let calls = 0;
  return {
    lazy: true,
    get calls() {
      return calls;
    },
    evaluate(point, oracle) {
      const view = crashLines(point, ctx, oracle);
      const read = new Map<number, ArrayLike<number>>();
      const readLine = (line: number) => (read.get(line) ?? read.set(line, view.readLine(line)).get(line))!;
      const image: CrashImage = { files: layout.files.map((f) => ({ path: f.path, size: f.size })), markers: point.markers, read: (offset, length, file = 0) => readBytes(layout, readLine, file, offset, length) };
      calls++;
      const verdict = verdictOf(check(image));
      return { key: digestOf(read), verdict: Promise.resolve(verdict) };
    },
    close() {},
  };
}

function verdictOf(answer: unknown): Verdict {
  if (answer === true) return { consistent: true };
  if (answer === false) return { consistent: false };
  if (typeof answer === 'string') return { consistent: false, detail: answer };
  throw userError('checkModuleAnswer', undefined, String(answer));
}

function readBytes(layout: Layout, readLine: (line: number) => ArrayLike<number>, file: number, offset: number, length: number): Uint8Array {
  const f = layout.files[file];
  if (!f || offset < 0 || length < 0 || offset + length > f.size) throw userError('checkModuleRead', undefined, file, offset, length, f?.size ?? 0);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const at = f.base + offset + i;
    out[i] = readLine(Math.floor(at / LINE))[at % LINE]!;
  }
  return out;
}
