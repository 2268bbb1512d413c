import type { Oracle } from '../core/source.js';
import type { World } from '../core/world.js';
import type { FsState } from '../fs/state.js';
import { journalSource } from './fs-sources.js';

/**
 * The last operation whose stores a periodic journal commit flushed to the host, asked of the
 * committed journal prefix: -1 when the prefix holds only the forced commits. jbd2 writes a commit
 * block with REQ_PREFLUSH (fs/jbd2/commit.c, jbd2_journal_commit_transaction), which a virtio-pmem
 * region turns into a flush request (drivers/nvdimm/nd_virtio.c) that the host answers by syncing
 * the backing file; so a crash state where the periodic commit ran after a handle's operation has
 * every store up to that operation on the host's media. An operation's stores are taken as a
 * whole, though a commit could fall between two steps of one operation. With data=journal the
 * commit carries the data itself, which the model writes in place at writeback instead, maybe
 * after the handle's operation: there a periodic commit is taken to have flushed every store
 * before the crash (narrower than Linux, which may commit before a later store).
 */
export function periodicFlushFloor(fs: FsState, world: World, oracle: Oracle): number {
  const source = journalSource(fs);
  const lastOp = (option: number) => (option === 0 ? -1 : world.options.data === 'journal' ? Infinity : fs.handles.at(fs.committed + option - 1)!.op);
  return lastOp(oracle.narrow({ kind: 'journal' }, source.options, 'periodic flush', lastOp));
}
