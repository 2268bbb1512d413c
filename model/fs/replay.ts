import { produce } from 'immer';
import { NO_BUGS, type Bugs } from '../../profiles/bugs.js';
import { isNamed, type Meta } from './meta.js';

/**
 * Recovery after the journal's committed handles are replayed (DESIGN 1.4): inodes no name refers
 * to any more (unlinked while open or mapped: the orphan list, ext4 ext4_orphan_cleanup) are freed,
 * and NOVA's pending copy-on-write pages are swapped into their files with one atomic pointer
 * update each (DESIGN 1.3). Running it again changes nothing: recovery is idempotent.
 */
export function recoverMeta(meta: Meta, bugs: Bugs = NO_BUGS): Meta {
  const all = Object.keys(meta.inodes).map(Number).filter((ino) => !isNamed(meta, ino));
  const orphans = bugs.has('recovery-one-orphan-per-run') ? all.slice(0, 1) : all;
  const pending = Object.values(meta.inodes).filter((i) => Object.keys(i.cow).length > 0);
  if (orphans.length === 0 && pending.length === 0) return meta;
  return produce(meta, (m) => {
    for (const ino of orphans) delete m.inodes[ino];
    for (const inode of Object.values(m.inodes)) {
      for (const [page, block] of Object.entries(inode.cow)) inode.extents[Number(page)] = { block, state: 'written' };
      inode.cow = {};
    }
  });
}
