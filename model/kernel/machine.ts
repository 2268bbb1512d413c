import type { CpuState } from '../x86/cpu.js';
import type { FsState } from '../fs/state.js';
import type { MapFlag } from '../../lang/ast.js';
import type { FileKind } from '../../profiles/filesystems.js';

/** A device-dax character device: a range of media with no filesystem (`drivers/dax/device.c`). */
export interface Device {
  readonly name: string;
  /** First media address of the device. */
  readonly base: number;
  readonly size: number;
  readonly align: number;
}

/** How a mapping of a file reaches its data (DESIGN 1.3). */
export type FileMode = FileKind | 'private';

/** What a VMA maps: a device-dax device, or a file in one of the mapping modes. */
export type VmaTarget =
  | { readonly kind: 'device'; readonly device: string }
  | {
      readonly kind: 'file';
      readonly ino: number;
      readonly mode: FileMode;
      /** MAP_SYNC in force: write faults commit the metadata they need. */
      readonly sync: boolean;
      /** MAP_DIRECT or MADV_DIRECT_ACCESS, with the `map_direct` option in force. */
      readonly direct: 'none' | 'hint' | 'guarantee';
    };

/** A virtual memory area: `len` bytes at virtual `start`, backed by `target` from byte `off`. */
export interface Vma {
  readonly start: number;
  readonly len: number;
  readonly target: VmaTarget;
  readonly off: number;
  readonly flags: readonly MapFlag[];
}

/** A mapping name's address range; after a `MAP_FIXED` over it, other mappings may live there. */
export interface Pointer {
  readonly addr: number;
  readonly len: number;
}

/** The whole state of the model between two micro-steps. */
export interface Machine {
  readonly devices: Readonly<Record<string, Device>>;
  readonly vmas: readonly Vma[];
  /** What each mapping name (`m = mmap ...`) points at: a virtual address and the length mapped there. */
  readonly pointers: Readonly<Record<string, Pointer>>;
  /** Values read by `load`, as hex text, for reports. */
  readonly registers: Readonly<Record<string, string>>;
  readonly cpu: CpuState;
  readonly fs: FsState;
  /** Next free virtual address for a mapping. */
  readonly nextAddress: number;
}
