import { readBytes, type MediaView } from '../model/x86/crash.js';
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
      const image = new LazyImage(layout, crashLines(point, ctx, oracle), point.markers);
      calls++;
      const verdict = verdictOf(check(image));
      return { key: keyOf(image.lines), verdict };
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

/**
 * One evaluation's crash image: each line read once, through the crash view, and kept for the key.
 * A class, with `files` a getter on its prototype: made as an object literal with that getter, every
 * image kept its whole evaluation alive until the next full garbage collection (measured: about a
 * third of what the in-process views allocated was promoted out of the young generation). `read` is
 * an own function, so a check may take it apart from the image (`({ read }) => ...`).
 */
class LazyImage implements CrashImage {
  /** The lines read, in the order read. */
  readonly lines = new Map<number, ArrayLike<number>>();

  constructor(
    private readonly layout: Layout,
    private readonly view: MediaView,
    readonly markers: readonly string[],
  ) {}

  // Made only for a check that asks: most read at offsets they know.
  get files(): CrashImage['files'] {
    return this.layout.files.map((f) => ({ path: f.path, size: f.size }));
  }

  readonly read = (offset: number, length: number, file = 0): Uint8Array => {
    const f = this.layout.files[file];
    if (!f || offset < 0 || length < 0 || offset + length > f.size) throw userError('checkModuleRead', undefined, file, offset, length, f?.size ?? 0);
    const out = new Uint8Array(length);
    readBytes(this, f.base + offset, length, out, 0);
    return out;
  };

  readLine(line: number): ArrayLike<number> {
    let bytes = this.lines.get(line);
    if (!bytes) this.lines.set(line, (bytes = this.view.readLine(line)));
    return bytes;
  }
}
