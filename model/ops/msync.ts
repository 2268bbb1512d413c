import { castDraft } from 'immer';
import type { Machine, Vma } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { done, errno, type StepOutcome } from '../kernel/outcome.js';
import type { OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { mappedRange } from './mmap.js';
import { syncFile, type SyncRange } from './sync.js';

/**
 * `msync m OFF LEN [MS_SYNC|MS_ASYNC]` (MS_SYNC when no flag is written). mm/msync.c: an unaligned
 * start is EINVAL, an unmapped range ENOMEM, MS_ASYNC does nothing, and MS_SYNC on a shared file
 * mapping calls vfs_fsync_range(file, fstart, fend, 1): a device-dax device has no fsync method
 * (EINVAL, fs/sync.c); a file writes back the data of the msync'd range and commits what is needed
 * to reach it (`msync=range`, today's kernels), or, with `msync=file`, the whole file's data and
 * metadata (what msync did in 2014, seeds/003).
 */
export function runMsync(state: Machine, op: OpOf<'msync'>, world: World, index: number): StepOutcome {
  const vmas = mappedRange(state, op, 'msync', 'mm/msync.c');
  if (!Array.isArray(vmas)) return vmas;
  if (op.len === 0 || op.flag === 'MS_ASYNC') return done(state); // "MS_ASYNC ... doesn't do anything" (mm/msync.c)
  if (vmas.some((v) => v.target.kind === 'device')) return errno('EINVAL', 'device-dax has no fsync method (fs/sync.c vfs_fsync_range)');
  const start = state.pointers[op.map]!.addr + op.off;
  const steps = new Steps(state);
  for (const vma of vmas) {
    if (vma.target.kind !== 'file' || vma.target.mode === 'private') continue; // VM_SHARED only
    const whole = world.config.msync === 'file';
    const range: SyncRange = whole ? 'file' : fileRange(vma, start, start + op.len);
    syncFile(steps, world, vma.target.ino, range, !whole, index);
  }
  return steps.done();
}

/** The file bytes behind `[start, end)` of one VMA (mm/msync.c: fstart, fend). */
function fileRange(vma: Vma, start: number, end: number): SyncRange {
  const from = Math.max(start, vma.start);
  const to = Math.min(end, vma.start + vma.len);
  return { off: vma.off + (from - vma.start), len: to - from };
}

/**
 * `madvise m OFF LEN MADV_DIRECT_ACCESS` (proposed by Jan Kara; seeds/004: "the equivalent of
 * fcntl(F_SETFL, O_DIRECT)"): the run-time form of MAP_DIRECT on the VMAs of the range, with the
 * same `map_direct` semantics.
 */
export function runMadvise(state: Machine, op: OpOf<'madvise'>, world: World): StepOutcome {
  const vmas = mappedRange(state, op, 'madvise', 'mm/madvise.c');
  if (!Array.isArray(vmas)) return vmas;
  const guarantee = world.config.map_direct === 'guarantee';
  for (const vma of vmas) {
    if (vma.target.kind !== 'file') continue;
    if (guarantee && vma.target.mode === 'private') return errno('EINVAL', 'MADV_DIRECT_ACCESS on a private mapping (map_direct=guarantee)');
    if (guarantee && vma.target.mode !== 'dax') return errno('EOPNOTSUPP', 'MADV_DIRECT_ACCESS guarantee on a file that is not DAX');
  }
  return new Steps(state)
    .step((d) => {
      d.vmas = castDraft(
        d.vmas.map((v) => (vmas.some((w) => w.start === v.start) && v.target.kind === 'file' && v.target.mode === 'dax' ? { ...v, target: { ...v.target, direct: world.config.map_direct } } : v)),
      );
    })
    .done();
}
