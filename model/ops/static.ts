import { PAGE } from '../core/geometry.js';
import { type Machine } from '../kernel/machine.js';
import { blockAddress, type World } from '../core/world.js';
import { editInode } from '../kernel/edit.js';
import { commitAll, journal } from '../fs/journal.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import { persistNow } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { isInode, named } from './fs-common.js';
import { writeBackFile } from './sync.js';

/**
 * `daxctl f STATIC [align=N]` and `daxctl f NONE` (the 2017 daxfile RFC, seeds/000 and 001, never
 * merged): the file becomes a swap file as far as the filesystem is concerned, so its block map
 * may not change. Activation needs a DAX file without holes (swap activation refuses holes and,
 * in iomap_swapfile_activate, shared extents: EINVAL) and persists the file's metadata first
 * (swap activation fsyncs the file). What it does with unwritten extents is `static_unwritten`:
 * the RFC is silent and fallocate() makes them.
 */
export function runDaxctl(state: Machine, op: OpOf<'daxctl'>, world: World, index: number): StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  if (op.mode === 'NONE') {
    if (!inode.static) return new Steps(state).done();
    const meta = editInode(state, inode.ino, (i) => void (i.static = false));
    return new Steps(state).step((d) => journal(d.fs, index, meta, [inode.ino], [])).done();
  }
  if (!world.profile.staticFiles) return errno('EOPNOTSUPP', `${world.profile.name} has no swap-file block map to freeze (the RFC is for ext4 and xfs)`);
  if (inode.kind !== 'dax') return errno('EINVAL', 'daxctl STATIC needs a DAX file');
  if (op.align !== undefined && (op.align < PAGE || (op.align & (op.align - 1)) !== 0)) return errno('EINVAL', 'align must be a power of two of at least 4K');
  const pages = Math.ceil(inode.size / PAGE);
  const extents = Array.from({ length: pages }, (_, p) => inode.extents[p]);
  if (pages === 0) return errno('EINVAL', 'the file is empty (swap activation needs at least one block)');
  if (extents.some((e) => !e)) return errno('EINVAL', 'the file has holes (swap activation refuses them)');
  if (extents.some((e) => e!.shared)) return errno('EINVAL', 'the file has shared extents (fs/iomap/swapfile.c)');
  const unwritten = extents.flatMap((e, p) => (e!.state === 'unwritten' ? [p] : []));
  if (unwritten.length > 0 && world.config.static_unwritten === 'refuse') return errno('EINVAL', 'the file has unwritten extents (static_unwritten=refuse)');
  if (inode.static) return new Steps(state).done();
  const convert = world.config.static_unwritten === 'convert' ? unwritten : [];
  const meta = editInode(state, inode.ino, (i) => {
    i.static = true;
    for (const p of convert) i.extents[p] = { ...i.extents[p]!, state: 'written' };
  });
  return new Steps(state)
    .step((d) => writeBackFile(d, world, inode.ino, 'file', index))
    .step((d) => {
      for (const p of convert) persistNow(d.cpu, blockAddress(world, inode.extents[p]!.block), new Array<number>(PAGE).fill(0), world);
      journal(d.fs, index, meta, [inode.ino]);
    })
    .step((d) => commitAll(d.fs))
    .done();
}
