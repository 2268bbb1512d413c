import type { Bugs } from './bugs.js';
import type { Config } from './config.js';
import { EMPTY_CPU, type CpuState } from './cpu.js';
import { UserError } from './errors.js';
import { LINE } from './geometry.js';
import { PLATFORMS, type Platform } from './platform.js';
import type { Decl, Litmus, MapFlag } from './program.js';

/** A device-dax character device: a range of media with no filesystem (`drivers/dax/device.c`). */
export interface Device {
  readonly name: string;
  /** First media address of the device. */
  readonly base: number;
  readonly size: number;
  readonly align: number;
}

/** A virtual memory area: `len` bytes at virtual `start`, backed by `target` from byte `off`. */
export interface Vma {
  readonly start: number;
  readonly len: number;
  readonly target: { readonly kind: 'device'; readonly device: string };
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
  /** Next free virtual address for a mapping. */
  readonly nextAddress: number;
}

/** What every step needs and never changes: the configuration, platform and seeded bugs. */
export interface World {
  readonly config: Config;
  readonly platform: Platform;
  readonly bugs: Bugs;
  readonly initial: (line: number) => readonly number[];
}

const ZERO_LINE: readonly number[] = Object.freeze(new Array<number>(LINE).fill(0));

/** The platform in force, after the `eadr-as-adr` seeded bug if it is on. */
export function makeWorld(config: Config, bugs: Bugs): World {
  const name = bugs.has('eadr-as-adr') ? 'adr' : config.platform;
  return { config, platform: PLATFORMS[name], bugs, initial: () => ZERO_LINE };
}

/** Default device-dax alignment: 2 MiB, what `ndctl create-namespace --mode=devdax` sets by default. */
const DEFAULT_DEVICE_ALIGN = 2 * 1024 * 1024;
/** Where the first mapping goes; any page-aligned address would do. */
const FIRST_ADDRESS = 0x7f00_0000_0000;

/** The state before the program: declared devices laid out one after another on the media. */
export function initialMachine(test: Litmus): Machine {
  const devices: Record<string, Device> = {};
  let base = 0;
  for (const decl of test.decls) {
    if (decl.name in devices) throw new UserError(`'${decl.name}' is declared twice`, decl.at);
    if (decl.decl === 'file') throw new UserError(`not modelled yet: file declarations (filesystem)`, decl.at);
    devices[decl.name] = device(decl, base);
    base += Math.ceil(decl.size / DEFAULT_DEVICE_ALIGN + 1) * DEFAULT_DEVICE_ALIGN;
  }
  return { devices, vmas: [], pointers: {}, registers: {}, cpu: EMPTY_CPU, nextAddress: FIRST_ADDRESS };
}

function device(decl: Extract<Decl, { decl: 'device' }>, base: number): Device {
  const align = decl.align ?? DEFAULT_DEVICE_ALIGN;
  if (decl.size <= 0) throw new UserError(`device '${decl.name}' needs a size above 0`, decl.at);
  if (align < 4096 || (align & (align - 1)) !== 0) {
    throw new UserError(`device '${decl.name}' alignment must be a power of two of at least 4K`, decl.at);
  }
  return { name: decl.name, base, size: decl.size, align };
}
