import { castDraft, produce } from 'immer';
import { UserError } from '../errors.js';
import { PAGE } from '../geometry.js';
import type { Draft } from 'immer';
import type { Device, Machine, Vma } from '../machine.js';
import { done, errno, type StepOutcome } from '../outcome.js';
import type { MapFlag, OpOf } from '../program.js';

/** The MAP_TYPE bits of mmap(2): MAP_SHARED_VALIDATE is MAP_SHARED|MAP_PRIVATE (include/uapi/linux/mman.h). */
const TYPE_BITS: Partial<Record<MapFlag, number>> = { MAP_SHARED: 1, MAP_PRIVATE: 2, MAP_SHARED_VALIDATE: 3 };
/** Flags kept under plain MAP_SHARED (LEGACY_MAP_MASK, include/linux/mman.h); others are silently dropped. */
const LEGACY: readonly MapFlag[] = ['MAP_SHARED', 'MAP_PRIVATE', 'MAP_FIXED', 'MAP_FIXED_NOREPLACE'];
/** Flags device-dax accepts under MAP_SHARED_VALIDATE: `.mmap_supported_flags = MAP_SYNC` (drivers/dax/device.c). */
const DEVDAX_SUPPORTED: readonly MapFlag[] = [...LEGACY, 'MAP_SHARED_VALIDATE', 'MAP_SYNC'];

const roundUp = (n: number, to: number) => Math.ceil(n / to) * to;

/** `m = mmap NAME OFF LEN FLAGS [at=OTHER]` of a device-dax device, with the checks of `do_mmap` then `dax_mmap`. */
export function runMmap(state: Machine, op: OpOf<'mmap'>): StepOutcome {
  const dev = state.devices[op.file];
  if (!dev) throw new UserError(`not modelled yet: mmap of a file ('${op.file}' is not a declared device)`, op.at);
  const len = roundUp(op.len, PAGE);
  // mm/mmap.c do_mmap(): "if (!len) return -EINVAL"; the mmap syscall rejects an offset that is not page aligned.
  if (op.len === 0) return errno('EINVAL', 'mmap of length 0 (mm/mmap.c do_mmap)');
  if (op.off % PAGE !== 0) return errno('EINVAL', 'offset not page aligned (mmap(2))');
  const type = op.flags.reduce((bits, f) => bits | (TYPE_BITS[f] ?? 0), 0);
  if (type === 0) return errno('EINVAL', 'neither MAP_SHARED, MAP_SHARED_VALIDATE nor MAP_PRIVATE (mmap(2))');
  const placed = placement(state, op, len, dev);
  if (typeof placed !== 'number') return placed;
  const flags = type === 1 ? op.flags.filter((f) => LEGACY.includes(f)) : op.flags;
  const unsupported = flags.find((f) => !DEVDAX_SUPPORTED.includes(f));
  if (type === 3 && unsupported) return errno('EOPNOTSUPP', `${unsupported} is not supported by device-dax under MAP_SHARED_VALIDATE (mm/mmap.c do_mmap)`);
  const vmaError = checkVma(type, placed, len, dev);
  if (vmaError) return vmaError;
  return done(produce(state, (draft) => insertVma(draft, op, { start: placed, len, target: { kind: 'device', device: dev.name }, off: op.off, flags: [...flags] })));
}

/** Where the mapping goes: fresh aligned address space, or OTHER's address for MAP_FIXED[_NOREPLACE]. */
function placement(state: Machine, op: OpOf<'mmap'>, len: number, dev: Device): number | StepOutcome {
  const fixed = op.flags.includes('MAP_FIXED') || op.flags.includes('MAP_FIXED_NOREPLACE');
  if (op.atMap === undefined || !fixed) {
    // drivers/dax/device.c dax_get_unmapped_area(): the address is congruent to the offset modulo the alignment.
    return roundUp(state.nextAddress, Math.max(dev.align, PAGE)) + (op.off % dev.align);
  }
  const other = state.pointers[op.atMap];
  if (!other) throw new UserError(`unknown mapping '${op.atMap}' in at=`, op.at);
  const busy = state.vmas.some((v) => v.start < other.addr + len && other.addr < v.start + v.len);
  if (op.flags.includes('MAP_FIXED_NOREPLACE') && busy) {
    return errno('EEXIST', 'MAP_FIXED_NOREPLACE over an existing mapping (mmap(2))');
  }
  return other.addr;
}

/** drivers/dax/device.c check_vma(): no private mappings, and both ends aligned to the device alignment. */
function checkVma(type: number, start: number, len: number, dev: Device): StepOutcome | undefined {
  if (type === 2) return errno('EINVAL', 'device-dax refuses private mappings (drivers/dax/device.c check_vma)');
  if (start % dev.align !== 0 || (start + len) % dev.align !== 0) {
    return errno('EINVAL', `mapping not aligned to the device alignment ${dev.align} (drivers/dax/device.c check_vma)`);
  }
  return undefined;
}

/** Adds `vma`, first unmapping whatever it overlaps (MAP_FIXED "silently replaces" it: mmap(2)). */
function insertVma(draft: Draft<Machine>, op: OpOf<'mmap'>, vma: Vma): void {
  draft.vmas = castDraft([...carve(draft.vmas, vma.start, vma.len), vma]);
  draft.pointers[op.dst] = { addr: vma.start, len: vma.len };
  draft.nextAddress = Math.max(draft.nextAddress, vma.start + vma.len + PAGE);
}

/** The VMAs left after unmapping `[start, start+len)`, split where the range cuts one. */
function carve(vmas: readonly Vma[], start: number, len: number): Vma[] {
  const end = start + len;
  return vmas.flatMap((v) => {
    const vEnd = v.start + v.len;
    if (vEnd <= start || v.start >= end) return [v];
    const parts: Vma[] = [];
    if (v.start < start) parts.push({ ...v, len: start - v.start });
    if (vEnd > end) parts.push({ ...v, start: end, len: vEnd - end, off: v.off + (end - v.start) });
    return parts;
  });
}

/** `munmap m`: unmaps the range `m` was mapped at; dirty cache lines stay in the cache. */
export function runMunmap(state: Machine, op: OpOf<'munmap'>): StepOutcome {
  const ptr = state.pointers[op.map];
  if (!ptr) throw new UserError(`unknown mapping '${op.map}'`, op.at);
  return done(produce(state, (draft) => void (draft.vmas = castDraft(carve(draft.vmas, ptr.addr, ptr.len)))));
}

/**
 * `msync m OFF LEN [MS_SYNC|MS_ASYNC]` (MS_SYNC when no flag is written). mm/msync.c: an unaligned
 * start is EINVAL, an unmapped range ENOMEM, MS_ASYNC does nothing, and MS_SYNC on a shared file
 * mapping calls vfs_fsync_range(), which fails with EINVAL when the file has no fsync method, as
 * device-dax has none (fs/sync.c vfs_fsync_range, drivers/dax/device.c dax_fops).
 */
export function runMsync(state: Machine, op: OpOf<'msync'>): StepOutcome {
  const ptr = state.pointers[op.map];
  if (!ptr) throw new UserError(`unknown mapping '${op.map}'`, op.at);
  const start = ptr.addr + op.off;
  if (start % PAGE !== 0) return errno('EINVAL', 'msync start not page aligned (mm/msync.c)');
  if (op.len === 0) return done(state); // a zero length syncs nothing (mm/msync.c)
  const end = start + roundUp(op.len, PAGE);
  for (let a = start; a < end; a += PAGE) {
    if (!state.vmas.some((v) => a >= v.start && a < v.start + v.len)) return errno('ENOMEM', 'msync range not mapped (mm/msync.c)');
  }
  if (op.flag === 'MS_ASYNC') return done(state); // "MS_ASYNC ... doesn't do anything" (mm/msync.c)
  return errno('EINVAL', 'device-dax has no fsync method (fs/sync.c vfs_fsync_range)');
}
