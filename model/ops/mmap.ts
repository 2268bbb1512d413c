import { castDraft, produce, type Draft } from 'immer';
import { PAGE } from '../core/geometry.js';
import type { Device, FileMode, Machine, Vma, VmaTarget } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { done, errno, type StepOutcome } from '../kernel/outcome.js';
import type { MapFlag, OpOf } from '../../lang/ast.js';
import { Steps } from '../kernel/steps.js';
import { freeOrphans, isInode, named } from './fs-common.js';
import { userError } from '../../lang/messages.js';

/** The MAP_TYPE bits of mmap(2): MAP_SHARED_VALIDATE is MAP_SHARED|MAP_PRIVATE (include/uapi/linux/mman.h). */
const TYPE_BITS: Partial<Record<MapFlag, number>> = { MAP_SHARED: 1, MAP_PRIVATE: 2, MAP_SHARED_VALIDATE: 3 };
const SHARED = 1;
const PRIVATE = 2;
const VALIDATE = 3;
/** Flags kept under plain MAP_SHARED (LEGACY_MAP_MASK, include/linux/mman.h); others are silently dropped. */
const LEGACY: readonly MapFlag[] = ['MAP_SHARED', 'MAP_PRIVATE', 'MAP_FIXED', 'MAP_FIXED_NOREPLACE'];
const BASE: readonly MapFlag[] = [...LEGACY, 'MAP_SHARED_VALIDATE'];

const roundUp = (n: number, to: number) => Math.ceil(n / to) * to;

/** `m = mmap NAME OFF LEN FLAGS [at=OTHER]`: the checks of do_mmap, then the device's or filesystem's mmap method. */
export function runMmap(state: Machine, op: OpOf<'mmap'>, world: World): StepOutcome {
  const dev = state.devices[op.file];
  const len = roundUp(op.len, PAGE);
  // mm/mmap.c do_mmap(): "if (!len) return -EINVAL"; the mmap syscall rejects an offset that is not page aligned.
  if (op.len === 0) return errno('EINVAL', 'mmap of length 0 (mm/mmap.c do_mmap)');
  if (op.off % PAGE !== 0) return errno('EINVAL', 'offset not page aligned (mmap(2))');
  const type = op.flags.reduce((bits, f) => bits | (TYPE_BITS[f] ?? 0), 0);
  if (type === 0) return errno('EINVAL', 'neither MAP_SHARED, MAP_SHARED_VALIDATE nor MAP_PRIVATE (mmap(2))');
  if (!dev && !isInode(named(state, op.file))) return named(state, op.file) as StepOutcome;
  if (dev && !world.persistence.synchronous) return noDeviceDax();
  const placed = placement(state, op, len, dev?.align ?? PAGE);
  if (typeof placed !== 'number') return placed;
  const target = dev ? deviceTarget(op, type, placed, len, dev) : fileTarget(state, op, type, world);
  if ('ok' in target) return target;
  const flags = type === SHARED ? op.flags.filter((f) => LEGACY.includes(f)) : op.flags;
  return done(produce(state, (draft) => insertVma(draft, op, { start: placed, len, target, off: op.off, flags: [...flags] })));
}

/**
 * No device-dax node exists on an asynchronous region: virtio-pmem offers no namespaces to
 * reconfigure (qemu docs/system/devices/virtio-pmem.rst, Limitations: "ACPI NVDIMM features like
 * regions/namespaces are not supported", "ndctl command is not supported"), and device-dax, having no
 * fsync method, could never send the flush request that its persistence needs. DESIGN 1.5 is silent;
 * the kernel has no check of its own in drivers/dax, so the refusal is where the node would be opened.
 */
function noDeviceDax(): StepOutcome {
  return errno('ENOENT', 'no device-dax node on an asynchronous pmem region (virtio-pmem has no namespaces to configure)');
}

/**
 * device-dax (drivers/dax/device.c): `.mmap_supported_flags = MAP_SYNC`, so other new flags under
 * MAP_SHARED_VALIDATE are EOPNOTSUPP (do_mmap); check_vma() refuses private mappings and mappings
 * whose ends are not aligned to the device alignment.
 */
function deviceTarget(op: OpOf<'mmap'>, type: number, start: number, len: number, dev: Device): VmaTarget | StepOutcome {
  const unsupported = op.flags.find((f) => !BASE.includes(f) && f !== 'MAP_SYNC');
  if (type === VALIDATE && unsupported) return errno('EOPNOTSUPP', `${unsupported} is not supported by device-dax under MAP_SHARED_VALIDATE (mm/mmap.c do_mmap)`);
  if (type === PRIVATE) return errno('EINVAL', 'device-dax refuses private mappings (drivers/dax/device.c check_vma)');
  if (start % dev.align !== 0 || (start + len) % dev.align !== 0) {
    return errno('EINVAL', `mapping not aligned to the device alignment ${dev.align} (drivers/dax/device.c check_vma)`);
  }
  return { kind: 'device', device: dev.name };
}

/**
 * A file mapping. MAP_SYNC: ext4 and xfs support it (`.mmap_supported_flags = MAP_SYNC`) and derive
 * VM_SYNC before legacy flags are masked, so MAP_SHARED|MAP_SYNC counts too; on a file that is not
 * DAX it is EOPNOTSUPP (daxdev_mapping_supported). MAP_DIRECT (proposed; seeds/004) needs
 * MAP_SHARED_VALIDATE: as a guarantee it needs a DAX file (EOPNOTSUPP) and refuses MAP_PRIVATE
 * (EINVAL); as a hint it may fall back to the page cache.
 */
function fileTarget(state: Machine, op: OpOf<'mmap'>, type: number, world: World): VmaTarget | StepOutcome {
  const inode = named(state, op.file);
  if (!isInode(inode)) return inode;
  const profile = world.profile;
  const supported: readonly MapFlag[] = [...BASE, ...(profile.mapSync ? (['MAP_SYNC'] as const) : []), ...(profile.mapDirect ? (['MAP_DIRECT'] as const) : [])];
  const unsupported = op.flags.find((f) => !supported.includes(f));
  if (type === VALIDATE && unsupported) return errno('EOPNOTSUPP', `${unsupported} is not supported by ${profile.name} (mm/mmap.c do_mmap)`);
  const sync = op.flags.includes('MAP_SYNC') && type !== PRIVATE && (type === VALIDATE || profile.mapSync);
  if (sync && inode.kind !== 'dax') return errno('EOPNOTSUPP', 'MAP_SYNC on a file that is not DAX (mmap(2); daxdev_mapping_supported)');
  // include/linux/dax.h daxdev_mapping_supported() returns dax_synchronous(), which drivers/nvdimm/pmem.c sets only when is_nvdimm_sync().
  if (sync && !world.persistence.synchronous) return errno('EOPNOTSUPP', 'MAP_SYNC on an asynchronous pmem region (ND_REGION_ASYNC: daxdev_mapping_supported)');
  const wantsDirect = op.flags.includes('MAP_DIRECT') && type !== SHARED;
  const guarantee = wantsDirect && world.config.map_direct === 'guarantee';
  if (guarantee && type === PRIVATE) return errno('EINVAL', 'MAP_PRIVATE|MAP_DIRECT (map_direct=guarantee)');
  if (guarantee && inode.kind !== 'dax') return errno('EOPNOTSUPP', 'MAP_DIRECT guarantee on a file that is not DAX');
  const mode: FileMode = type === PRIVATE ? 'private' : inode.kind;
  const direct = wantsDirect && type !== PRIVATE && inode.kind === 'dax' ? world.config.map_direct : 'none';
  return { kind: 'file', ino: inode.ino, mode, sync, direct };
}

/** Where the mapping goes: fresh aligned address space, or OTHER's address for MAP_FIXED[_NOREPLACE]. */
function placement(state: Machine, op: OpOf<'mmap'>, len: number, align: number): number | StepOutcome {
  const fixed = op.flags.includes('MAP_FIXED') || op.flags.includes('MAP_FIXED_NOREPLACE');
  if (op.atMap === undefined || !fixed) {
    // drivers/dax/device.c dax_get_unmapped_area(): the address is congruent to the offset modulo the alignment.
    return roundUp(state.nextAddress, Math.max(align, PAGE)) + (op.off % align);
  }
  const other = state.pointers[op.atMap];
  if (!other) throw userError('unknownMappingInAt', op.at, op.atMap);
  const busy = state.vmas.some((v) => v.start < other.addr + len && other.addr < v.start + v.len);
  if (op.flags.includes('MAP_FIXED_NOREPLACE') && busy) {
    return errno('EEXIST', 'MAP_FIXED_NOREPLACE over an existing mapping (mmap(2))');
  }
  return other.addr;
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

/** `munmap m`: unmaps the range `m` was mapped at; dirty cache lines stay in the cache, dirty pages in the page cache. */
export function runMunmap(state: Machine, op: OpOf<'munmap'>, index: number): StepOutcome {
  const ptr = state.pointers[op.map];
  if (!ptr) throw userError('unknownMapping', op.at, op.map);
  const steps = new Steps(state).step((draft) => void (draft.vmas = castDraft(carve(draft.vmas, ptr.addr, ptr.len))));
  return freeOrphans(steps, index).done();
}

/** The VMAs overlapping `[start, end)`, or the address of the first page no VMA covers. */
export function vmasIn(state: Machine, start: number, end: number): Vma[] | number {
  for (let a = start; a < end; a += PAGE) {
    if (!state.vmas.some((v) => a >= v.start && a < v.start + v.len)) return a;
  }
  return state.vmas.filter((v) => v.start < end && start < v.start + v.len);
}

/** Validates the address range of msync/madvise: page-aligned start (EINVAL) and every page mapped (ENOMEM). */
export function mappedRange(state: Machine, op: OpOf<'msync' | 'madvise'>, what: string, source: string): Vma[] | StepOutcome {
  const ptr = state.pointers[op.map];
  if (!ptr) throw userError('unknownMapping', op.at, op.map);
  const start = ptr.addr + op.off;
  if (start % PAGE !== 0) return errno('EINVAL', `${what} start not page aligned (${source})`);
  const vmas = vmasIn(state, start, start + roundUp(op.len, PAGE));
  return typeof vmas === 'number' ? errno('ENOMEM', `${what} range not mapped (${source})`) : vmas;
}
