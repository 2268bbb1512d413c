import type { Bugs } from './bugs.js';
import type { Config } from './config.js';
import type { CpuState } from './cpu.js';
import { PROFILES, type FsProfile } from './fs/profiles.js';
import type { FsState } from './fs/state.js';
import type { MapFlag } from './program.js';
import { PLATFORMS, type Platform } from './platform.js';

/** A device-dax character device: a range of media with no filesystem (`drivers/dax/device.c`). */
export interface Device {
  readonly name: string;
  /** First media address of the device. */
  readonly base: number;
  readonly size: number;
  readonly align: number;
}

/** How a mapping of a file reaches its data (DESIGN 1.3). */
export type FileMode = 'dax' | 'pagecache' | 'private' | 'nova';

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

/** Where things live on the media. */
export interface Layout {
  /** Media address of filesystem block 0. */
  readonly fsBase: number;
  /** Number of filesystem blocks. */
  readonly blocks: number;
  /** Initial media contents of a line. */
  readonly initial: (line: number) => readonly number[];
}

/** What every step needs and never changes: the configuration, platform, profile, layout and seeded bugs. */
export interface World extends Layout {
  readonly config: Config;
  readonly platform: Platform;
  readonly profile: FsProfile;
  readonly bugs: Bugs;
}

/** The world in force, with the `eadr-as-adr` seeded bug applied if it is on. */
export function makeWorld(config: Config, bugs: Bugs, layout: Layout): World {
  const name = bugs.has('eadr-as-adr') ? 'adr' : config.platform;
  return { ...layout, config, platform: PLATFORMS[name], profile: PROFILES[config.fs], bugs };
}

/** The media address of filesystem block `block`. */
export function blockAddress(world: Layout, block: number): number {
  return world.fsBase + block * 4096;
}
