import { readBytes } from '../model/x86/crash.js';
import type { PersistContext } from '../model/x86/persist.js';
import { userError } from '../lang/messages.js';
import { crashLines, keyOf } from './crash-image.js';
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
      const readLine = (line: number) => read.get(line) ?? remember(read, line, view.readLine(line));
      const image: CrashImage = {
        // Made only for a check that asks: most read at offsets they know.
        get files() {
          return layout.files.map((f) => ({ path: f.path, size: f.size }));
        },
        markers: point.markers,
        read: (offset, length, file = 0) => fileBytes(layout, readLine, file, offset, length),
      };
      calls++;
      const verdict = verdictOf(check(image));
      return { key: keyOf(read), verdict };
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

function remember(read: Map<number, ArrayLike<number>>, line: number, bytes: ArrayLike<number>): ArrayLike<number> {
  read.set(line, bytes);
  return bytes;
}

/** The bytes at `offset` of file `file`, copied line by line from the lines they span. */
function fileBytes(layout: Layout, readLine: (line: number) => ArrayLike<number>, file: number, offset: number, length: number): Uint8Array {
  const f = layout.files[file];
  if (!f || offset < 0 || length < 0 || offset + length > f.size) throw userError('checkModuleRead', undefined, file, offset, length, f?.size ?? 0);
  const out = new Uint8Array(length);
  readBytes({ readLine }, f.base + offset, length, out, 0);
  return out;
}
