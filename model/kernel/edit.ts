import { castDraft, produce, type Draft } from 'immer';
import { emptyIntMap } from '../core/int-map.js';
import type { Machine } from './machine.js';
import type { Inode, Meta } from '../fs/meta.js';
import { liveMeta, type FsState } from '../fs/state.js';

/** The live metadata with `recipe` applied to inode `ino` (a new object; the old one is kept by its handle). */
export function editInode(state: Machine, ino: number, recipe: (inode: Draft<Inode>) => void): Meta {
  return produce(liveMeta(state.fs), (m) => recipe(m.inodes[ino]!));
}

/** The live metadata with `recipe` applied. */
export function editMeta(state: Machine, recipe: (meta: Draft<Meta>) => void): Meta {
  return produce(liveMeta(state.fs), recipe);
}

/** Records that `bytes` were written at `off` of inode `ino`, for the no-stale-data property. */
export function remember(draft: Draft<Machine>, ino: number, off: number, bytes: readonly number[]): void {
  const history = draft.fs.history as FsState['history'];
  const file = (history.get(ino) ?? emptyIntMap()).update(off, off + bytes.length, (at, seen = []) => {
    const b = bytes[at - off]!;
    return seen.includes(b) ? seen : [...seen, b];
  });
  draft.fs.history = castDraft(history.set(ino, file));
}

/** Whether any VMA or pin still refers to inode `ino` (an unlinked file stays allocated until then). */
export function inUse(state: Machine, ino: number): boolean {
  const mapped = state.vmas.some((v) => v.target.kind === 'file' && v.target.ino === ino);
  const pinned = Object.values(state.fs.pins).some((p) => p.pages.some((pg) => pg.ino === ino));
  return mapped || pinned;
}
