import type { Draft } from 'immer';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { editMeta, inUse } from '../kernel/edit.js';
import { commitAll, journal } from '../fs/journal.js';
import type { Steps } from '../kernel/steps.js';
import type { Inode, Meta } from '../fs/meta.js';
import { liveMeta } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';

/** The live inode named `name`, or the ENOENT outcome. */
export function named(state: Machine, name: string): Inode | StepOutcome {
  const ino = liveMeta(state.fs).names[name];
  return ino === undefined ? errno('ENOENT', `no file '${name}'`) : liveMeta(state.fs).inodes[ino]!;
}

/** Whether `named` found an inode rather than an error. */
export function isInode(x: Inode | StepOutcome): x is Inode {
  return 'ino' in x;
}

/**
 * Removes `name` from `meta`; its inode goes too unless a mapping or pin still holds it, in which
 * case it stays as an orphan until then (and recovery frees it: replay.ts).
 */
export function dropName(state: Machine, meta: Draft<Meta>, name: string, world: World): void {
  const ino = meta.names[name]!;
  delete meta.names[name];
  if (!Object.values(meta.names).includes(ino) && !inUse(state, ino)) delete meta.inodes[ino];
  if (world.bugs.has('unlink-leaves-dangling-name')) meta.names[name] = ino;
}

/** Synchronous filesystems (NOVA) commit every operation before it returns. */
export function commitIfSynchronous(d: Draft<Machine>, world: World): void {
  if (world.profile.synchronous) commitAll(d.fs);
}

/** Frees, in one handle, the unlinked inodes nothing maps or pins any more (the last reference went). */
export function freeOrphans(steps: Steps, index: number): Steps {
  const state = steps.current;
  const live = liveMeta(state.fs);
  const orphans = Object.keys(live.inodes).map(Number).filter((ino) => !Object.values(live.names).includes(ino) && !inUse(state, ino));
  if (orphans.length === 0) return steps;
  const meta = editMeta(state, (m) => {
    for (const ino of orphans) delete m.inodes[ino];
  });
  return steps.step((d) => journal(d.fs, index, meta, orphans, []));
}
