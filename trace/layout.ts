import type { RegisterFile } from '../lang/trace/records.js';
import { LINE } from '../model/core/geometry.js';

/**
 * Where each registered file lives on the model's media: file k's byte `o` is media address
 * `k * FILE_SPAN + o`, so a file of up to 1 TiB never meets the next one.
 */
export const FILE_SPAN = 2 ** 40;

/** A file the log registered, with its contents before the run. */
export interface TraceFile {
  readonly path: string;
  /** Its media base address. */
  readonly base: number;
  /** The pre-run contents: bytes past its end read as zeros. */
  readonly image: Uint8Array;
  /** Bytes mapped: the end of the furthest registration. */
  size: number;
}

/** A distinct registration: virtual addresses `addr` to `addr + size` of file `file` from `offset`. */
export interface Mapping {
  /** Its number, in order of registration from 0. */
  readonly id: number;
  readonly file: number;
  readonly offset: number;
  readonly addr: number;
  readonly size: number;
  /** Media address of the mapping's first byte. */
  readonly media: number;
}

/**
 * The registered files and their mappings: virtual addresses of the log to media addresses. The
 * same file may be mapped twice (libpmemobj maps its header page apart), so both alias its lines;
 * a registration repeated exactly (libpmemobj 1.12.1 registers a pool four times) adds nothing.
 */
export class Layout {
  readonly files: TraceFile[] = [];
  private readonly mappings: Mapping[] = [];
  /** Each registered line's pre-run contents, made once: the x86 model keeps one initial image per array it is given (model/x86/cpu.ts). */
  private readonly lines = new Map<number, readonly number[]>();

  /** `imageOf(path, k)` gives the pre-run contents of the k-th distinct file registered. */
  constructor(private readonly imageOf: (path: string, index: number) => Uint8Array) {}

  /** Adds a registration; returns its mapping when it is a new one. */
  register(r: RegisterFile): Mapping | undefined {
    const file = this.fileOf(r.path);
    file.size = Math.max(file.size, r.offset + r.size);
    const media = file.base + r.offset;
    if (this.mappings.some((m) => m.addr === r.addr && m.size === r.size && m.media === media)) return undefined;
    const mapping = { id: this.mappings.length, file: this.files.indexOf(file), offset: r.offset, addr: r.addr, size: r.size, media };
    this.mappings.unshift(mapping);
    return mapping;
  }

  /** The mapping of virtual address `addr`, or undefined outside every mapping (the latest mapping wins). */
  mappingOf(addr: number): Mapping | undefined {
    return this.mappings.find((m) => addr >= m.addr && addr < m.addr + m.size);
  }

  /** The media address of virtual address `addr`, or undefined outside every mapping. */
  media(addr: number): number | undefined {
    const m = this.mappingOf(addr);
    return m && m.media + (addr - m.addr);
  }

  /** The pre-run contents of media line `line`, the same array every time once its file is registered. */
  initial(line: number): readonly number[] {
    const known = this.lines.get(line);
    if (known) return known;
    const file = this.files[Math.floor((line * LINE) / FILE_SPAN)];
    const at = line * LINE - (file?.base ?? 0);
    const bytes = new Array<number>(LINE).fill(0);
    if (!file) return bytes;
    for (let i = 0; i < LINE && at + i < file.image.length; i++) bytes[i] = file.image[at + i]!;
    this.lines.set(line, bytes);
    return bytes;
  }

  private fileOf(path: string): TraceFile {
    const known = this.files.find((f) => f.path === path);
    if (known) return known;
    const file = { path, base: this.files.length * FILE_SPAN, image: this.imageOf(path, this.files.length), size: 0 };
    this.files.push(file);
    return file;
  }
}
