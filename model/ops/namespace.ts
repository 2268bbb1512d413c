import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { editMeta } from '../kernel/edit.js';
import { journal } from '../fs/journal.js';
import { cachedPages, writeBack } from '../kernel/pagecache.js';
import { liveMeta } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { commitIfSynchronous, dropName, isInode, named } from './fs-common.js';

/**
 * `create f`: open(O_CREAT|O_EXCL), so an existing name is EEXIST (open(2)); the new inode and its
 * directory entry are one handle.
 */
export function runCreate(state: Machine, op: OpOf<'create'>, world: World, index: number): StepOutcome {
  if (liveMeta(state.fs).names[op.file] !== undefined) return errno('EEXIST', `'${op.file}' exists (open(2) O_CREAT|O_EXCL)`);
  const meta = editMeta(state, (m) => {
    const ino = m.nextIno++;
    m.names[op.file] = ino;
    m.inodes[ino] = { ino, kind: world.profile.access, size: 0, extents: {}, static: false, cow: {} };
  });
  return new Steps(state)
    .step((d) => {
      journal(d.fs, index, meta, [meta.names[op.file]!]);
      commitIfSynchronous(d, world);
    })
    .done();
}

/** The swap-file check of may_delete() (fs/namei.c): an active swap file, so a static file, cannot be unlinked or replaced. */
function staticName(state: Machine, name: string): StepOutcome | undefined {
  const inode = named(state, name);
  return isInode(inode) && inode.static ? errno('EPERM', `'${name}' is static: the kernel treats it as a swap file (fs/namei.c may_delete)`) : undefined;
}

/** `unlink f`: the name goes in one handle; the inode when nothing maps or pins it any more. */
export function runUnlink(state: Machine, op: OpOf<'unlink'>, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  const refused = staticName(state, op.file);
  if (refused) return refused;
  const meta = editMeta(state, (m) => dropName(state, m, op.file, world));
  return new Steps(state)
    .step((d) => {
      journal(d.fs, index, meta, [inode.ino], []);
      commitIfSynchronous(d, world);
    })
    .done();
}

/**
 * `rename a b`: one handle, so atomic after a crash. Replacing an existing `b` on ext4 with
 * auto_da_alloc first starts writeback of `a`'s delayed-allocation data (fs/ext4/namei.c
 * ext4_rename -> ext4_alloc_da_blocks -> filemap_flush), so the allocation cannot commit after the
 * rename; ext4.rst ("auto_da_alloc") promises the data "in the default data=ordered mode", where the
 * commit waits for it. In data=writeback the rename can commit with the allocation before the bytes land.
 */
export function runRename(state: Machine, op: OpOf<'rename'>, world: World, index: number): StepOutcome {
  const from = named(state, op.from);
  if (!isInode(from)) return from;
  const refused = staticName(state, op.from) ?? staticName(state, op.to);
  if (refused) return refused;
  if (op.from === op.to) return new Steps(state).done();
  const steps = new Steps(state);
  const replacing = liveMeta(state.fs).names[op.to] !== undefined;
  if (replacing && world.options.auto_da_alloc === 'on' && cachedPages(state, from.ino).length > 0) {
    const landing = world.options.data === 'writeback' && !world.bugs.has('auto-da-alloc-waits') ? 'submit' : 'wait';
    steps.step((d) => void writeBack(d, world, from.ino, index, undefined, landing));
  }
  const target = liveMeta(steps.current.fs).names[op.to];
  const meta = editMeta(steps.current, (m) => {
    if (target !== undefined) dropName(steps.current, m, op.to, world);
    m.names[op.to] = from.ino;
    delete m.names[op.from];
  });
  return steps
    .step((d) => {
      journal(d.fs, index, meta, [from.ino, ...(target === undefined ? [] : [target])], []);
      commitIfSynchronous(d, world);
    })
    .done();
}
