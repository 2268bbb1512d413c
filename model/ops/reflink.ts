import { castDraft } from 'immer';
import type { Machine } from '../kernel/machine.js';
import { emptyIntMap } from '../core/int-map.js';
import type { World } from '../core/world.js';
import { editMeta } from '../kernel/edit.js';
import { journal } from '../fs/journal.js';
import { liveMeta } from '../fs/state.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { commitIfSynchronous, isInode, named } from './fs-common.js';
import { refuseFrozen } from './frozen.js';
import { writeBackFile } from './sync.js';

/**
 * `reflink g f`: a third party clones `f` into the new file `g` (ioctl_ficlone(2)). Dirty data is
 * written back first (xfs_reflink_remap_prep, generic_remap_file_range_prep), then both files'
 * extents are marked shared in one handle; the next write to a shared block copies it. On DAX
 * files this is the `dax_reflink` option; ext4 and NOVA have no reflink (EOPNOTSUPP). A static
 * file, or one mapped with MAP_DIRECT as a guarantee, refuses it with ETXTBSY (DESIGN 1.3).
 */
export function runReflink(state: Machine, op: OpOf<'reflink'>, world: World, index: number): StepOutcome {
  const src = named(state, op.src);
  if (!isInode(src)) return src;
  if (liveMeta(state.fs).names[op.dst] !== undefined) return errno('EEXIST', `'${op.dst}' exists`);
  const supported = src.kind === 'dax' ? world.config.dax_reflink === 'cow' : src.kind === 'pagecache' && world.profile.reflink;
  // A copy-on-write log file is named after its filesystem ("no reflink for nova files on nova").
  const files = src.kind === 'cow-log' ? world.profile.name : src.kind;
  if (!supported) return errno('EOPNOTSUPP', `no reflink for ${files} files on ${world.profile.name}${src.kind === 'dax' ? ' (dax_reflink=unsupported)' : ''}`);
  const refused = refuseFrozen(state, src, world, 'the reflink');
  if (refused) return refused;
  const steps = new Steps(state).step((d) => writeBackFile(d, world, src.ino, 'file', index));
  const meta = editMeta(steps.current, (m) => {
    const ino = m.nextIno++;
    const from = m.inodes[src.ino]!;
    for (const e of Object.values(from.extents)) e.shared = true;
    const extents = Object.fromEntries(Object.entries(from.extents).map(([p, e]) => [p, { block: e.block, state: e.state, shared: true }]));
    m.inodes[ino] = { ino, kind: from.kind, size: from.size, static: false, cow: {}, extents };
    m.names[op.dst] = ino;
  });
  const clone = meta.names[op.dst]!;
  const { history } = steps.current.fs;
  return steps
    .step((d) => {
      d.fs.history = castDraft(history.set(clone, history.get(src.ino) ?? emptyIntMap()));
      journal(d.fs, index, meta, [src.ino, clone]);
      commitIfSynchronous(d, world);
    })
    .done();
}
