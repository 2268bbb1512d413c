import type { ConfigEntry, Decl, MapFlag, Op, WriteFlag } from '../lang/ast.js';

/** How a mode writes data: stores through a mapping, or write(2). */
export type Access = { readonly kind: 'store'; readonly flags: readonly MapFlag[] } | { readonly kind: 'write'; readonly flags: readonly WriteFlag[] };

/**
 * A mapping mode of DESIGN 1.3 as data: the filesystem and configuration it runs on, how its files
 * start, how data is written, what it needs before the first write, and which properties it promises.
 */
export interface Mode {
  readonly id: string;
  readonly summary: string;
  readonly config: readonly ConfigEntry[];
  /** `device` for device-dax; otherwise how the workload's files start. */
  readonly files: 'device' | 'hole' | 'written';
  readonly nodax?: boolean;
  readonly access: Access;
  /** Operations after the mappings are made and before the first write (e.g. daxctl). */
  readonly setup?: (file: string) => Op[];
  /** Offsets and lengths must be multiples of this (O_DIRECT: 512). */
  readonly alignment?: number;
  /** Each write() is all-or-nothing after a crash (NOVA). */
  readonly atomic?: boolean;
  /** Writes persist in program order (data=journal). */
  readonly ordered?: boolean;
}

const cfg = (entries: Record<string, string>): ConfigEntry[] => Object.entries(entries).map(([key, value]) => ({ key, value }));
const shared = (...flags: MapFlag[]): Access => ({ kind: 'store', flags: ['MAP_SHARED', ...flags] });
const validated = (...flags: MapFlag[]): Access => ({ kind: 'store', flags: ['MAP_SHARED_VALIDATE', ...flags] });

/** Every mode of the matrix (issue 4's ids, and a few more where they help). */
export const MODES: readonly Mode[] = [
  { id: 'pagecache-shared', summary: 'MAP_SHARED of an ext4 page-cache file', config: cfg({ fs: 'ext4' }), files: 'written', access: shared() },
  { id: 'fsdax-shared', summary: 'MAP_SHARED of an ext4-dax file with holes (allocating stores)', config: cfg({ fs: 'ext4-dax' }), files: 'hole', access: shared() },
  { id: 'fsdax-overwrite', summary: 'MAP_SHARED of an ext4-dax file already written (overwriting stores)', config: cfg({ fs: 'ext4-dax' }), files: 'written', access: shared() },
  { id: 'fsdax-mapsync', summary: 'MAP_SHARED_VALIDATE|MAP_SYNC of an ext4-dax file with holes', config: cfg({ fs: 'ext4-dax' }), files: 'hole', access: validated('MAP_SYNC') },
  { id: 'devdax', summary: 'MAP_SHARED of a device-dax device', config: [], files: 'device', access: shared() },
  {
    id: 'static-dax',
    summary: 'daxctl STATIC ext4-dax file (the 2017 RFC)',
    config: cfg({ fs: 'ext4-dax' }),
    files: 'written',
    access: shared(),
    setup: (f) => [{ op: 'daxctl', file: f, mode: 'STATIC' }],
  },
  { id: 'private', summary: 'MAP_PRIVATE of an ext4-dax file', config: cfg({ fs: 'ext4-dax' }), files: 'written', access: { kind: 'store', flags: ['MAP_PRIVATE'] } },
  { id: 'map-direct', summary: 'MAP_DIRECT as a hint, ext4-dax file with holes', config: cfg({ fs: 'ext4-dax', map_direct: 'hint' }), files: 'hole', access: validated('MAP_DIRECT') },
  { id: 'map-direct-guarantee', summary: 'MAP_DIRECT as a guarantee, ext4-dax file already written', config: cfg({ fs: 'ext4-dax', map_direct: 'guarantee' }), files: 'written', access: validated('MAP_DIRECT') },
  { id: 'buffered', summary: 'write(2) to an ext4 page-cache file (data=ordered)', config: cfg({ fs: 'ext4' }), files: 'hole', access: { kind: 'write', flags: [] } },
  { id: 'buffered-journal', summary: 'write(2) to an ext4 page-cache file, data=journal', config: cfg({ fs: 'ext4', data: 'journal' }), files: 'hole', access: { kind: 'write', flags: [] }, ordered: true },
  { id: 'odirect', summary: 'O_DIRECT write(2) to an ext4 file', config: cfg({ fs: 'ext4' }), files: 'hole', access: { kind: 'write', flags: ['O_DIRECT'] }, alignment: 512 },
  { id: 'nova-mmap', summary: 'MAP_SHARED of a NOVA file (copy-on-write pages)', config: cfg({ fs: 'nova' }), files: 'written', access: shared() },
  { id: 'nova-write', summary: 'write(2) to a NOVA file', config: cfg({ fs: 'nova' }), files: 'hole', access: { kind: 'write', flags: [] }, atomic: true },
];

/** The mode with this id. */
export function modeById(id: string): Mode | undefined {
  return MODES.find((m) => m.id === id);
}

/** How a workload's file is declared for a mode. */
export function declare(mode: Mode, name: string, size: number): Decl {
  if (mode.files === 'device') return { decl: 'device', name, size, align: 4096 };
  return { decl: 'file', name, size, state: mode.files, ...(mode.nodax ? { dax: false } : {}) };
}
