import type { Config } from '../profiles/config.js';
import type { Decl, MapFlag, Op, WriteFlag } from '../lang/ast.js';
import { recipeFits, recipeSpec, type Recipe, type RecipeSpec } from './recipes.js';

/** How a mode writes data: stores through a mapping, or write(2). */
export type Access = { readonly kind: 'store'; readonly flags: readonly MapFlag[] } | { readonly kind: 'write'; readonly flags: readonly WriteFlag[] };

/** The configuration a mode runs on; the platform is the cell's, not the mode's. */
export type ModeConfig = { readonly [K in Exclude<keyof Config, 'platform'>]?: Config[K] };

/**
 * The documented contract of a mode, as opposed to the kernel's mechanics the model checks: for
 * each recipe a man page or PMDK promises, where it says so. Where they differ (an fsdax overwrite
 * flushed and fenced survives by mechanics, but no man page or PMDK promises it without
 * MAP_SYNC), the matrix shows both.
 */
export type Promises = { readonly [R in Recipe]?: string };

/**
 * A mapping mode of DESIGN 1.3 as data: the filesystem and configuration it runs on, how its files
 * start, how data is written, what it needs before the first write, and which properties it promises.
 */
export interface Mode {
  readonly id: string;
  readonly summary: string;
  readonly config: ModeConfig;
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
  /** The recipes whose durability is documented; a recipe not listed is promised by nothing. */
  readonly promises: Promises;
}

const shared = (...flags: MapFlag[]): Access => ({ kind: 'store', flags: ['MAP_SHARED', ...flags] });
const validated = (...flags: MapFlag[]): Access => ({ kind: 'store', flags: ['MAP_SHARED_VALIDATE', ...flags] });
const SYNCS = { fsync: 'fsync(2)', fdatasync: 'fdatasync(2)' } as const;
const MSYNC = { msync: 'msync(2)', ...SYNCS } as const;
const PMEM_MSYNC = { msync: 'msync(2); PMDK pmem_msync', ...SYNCS } as const;
const WRITE_SYNCS = { ...SYNCS, o_dsync: 'open(2) O_DSYNC' } as const;

/** O_DIRECT write(2) to an ext4 file whose blocks start as `files`: offsets and lengths in 512-byte units. */
function direct(id: string, summary: string, files: 'hole' | 'written'): Mode {
  return { id, summary, config: { fs: 'ext4' }, files, access: { kind: 'write', flags: ['O_DIRECT'] }, alignment: 512, promises: WRITE_SYNCS };
}

/** Every mode of the matrix (issue 4's ids, and a few more where they help). */
export const MODES: readonly Mode[] = [
  { id: 'pagecache-shared', summary: 'MAP_SHARED of an ext4 page-cache file', config: { fs: 'ext4' }, files: 'written', access: shared(), promises: MSYNC },
  { id: 'fsdax-shared', summary: 'MAP_SHARED of an ext4-dax file with holes (allocating stores)', config: { fs: 'ext4-dax' }, files: 'hole', access: shared(), promises: PMEM_MSYNC },
  { id: 'fsdax-overwrite', summary: 'MAP_SHARED of an ext4-dax file already written (overwriting stores)', config: { fs: 'ext4-dax' }, files: 'written', access: shared(), promises: PMEM_MSYNC },
  {
    id: 'fsdax-mapsync',
    summary: 'MAP_SHARED_VALIDATE|MAP_SYNC of an ext4-dax file with holes',
    config: { fs: 'ext4-dax' },
    files: 'hole',
    access: validated('MAP_SYNC'),
    promises: { 'flush+fence': 'mmap(2) MAP_SYNC; PMDK pmem_persist', ...MSYNC },
  },
  { id: 'devdax', summary: 'MAP_SHARED of a device-dax device', config: {}, files: 'device', access: shared(), promises: { 'flush+fence': 'PMDK libpmem on device-dax (pmem_is_pmem)' } },
  {
    id: 'static-dax',
    summary: 'daxctl STATIC ext4-dax file (the 2017 RFC)',
    config: { fs: 'ext4-dax' },
    files: 'written',
    access: shared(),
    setup: (f) => [{ op: 'daxctl', file: f, mode: 'STATIC' }],
    promises: { 'flush+fence': 'daxctl RFC: "safe to be mapped and written without the requirement to fsync/msync" (seeds/001)', ...MSYNC },
  },
  { id: 'private', summary: 'MAP_PRIVATE of an ext4-dax file', config: { fs: 'ext4-dax' }, files: 'written', access: { kind: 'store', flags: ['MAP_PRIVATE'] }, promises: {} },
  {
    id: 'map-direct',
    summary: 'MAP_DIRECT as a hint, ext4-dax file with holes',
    config: { fs: 'ext4-dax', map_direct: 'hint' },
    files: 'hole',
    access: validated('MAP_DIRECT'),
    promises: { msync: 'seeds/004: MAP_DIRECT apps "still need to use either MAP_SYNC or issue msync/fsync"', ...SYNCS },
  },
  {
    id: 'map-direct-guarantee',
    summary: 'MAP_DIRECT as a guarantee, ext4-dax file already written',
    config: { fs: 'ext4-dax', map_direct: 'guarantee' },
    files: 'written',
    access: validated('MAP_DIRECT'),
    promises: MSYNC,
  },
  { id: 'buffered', summary: 'write(2) to an ext4 page-cache file (data=ordered)', config: { fs: 'ext4' }, files: 'hole', access: { kind: 'write', flags: [] }, promises: WRITE_SYNCS },
  {
    id: 'buffered-journal',
    summary: 'write(2) to an ext4 page-cache file, data=journal',
    config: { fs: 'ext4', data: 'journal' },
    files: 'hole',
    access: { kind: 'write', flags: [] },
    ordered: true,
    promises: WRITE_SYNCS,
  },
  direct('odirect', 'O_DIRECT write(2) to an ext4 file', 'hole'),
  direct('odirect-overwrite', 'O_DIRECT write(2) over an ext4 file already written (no metadata to commit)', 'written'),
  {
    id: 'nova-mmap',
    summary: 'MAP_SHARED of a NOVA file (copy-on-write pages)',
    config: { fs: 'nova' },
    files: 'written',
    access: shared(),
    promises: { 'flush+fence': 'seeds/004: NOVA gives MAP_SYNC semantics', ...MSYNC },
  },
  {
    id: 'nova-write',
    summary: 'write(2) to a NOVA file',
    config: { fs: 'nova' },
    files: 'hole',
    access: { kind: 'write', flags: [] },
    atomic: true,
    promises: { none: 'NOVA (FAST 2016): synchronous, atomic write()', ...WRITE_SYNCS },
  },
];

/** The mode with this id. */
export function modeById(id: string): Mode | undefined {
  return MODES.find((m) => m.id === id);
}

/** Whether a recipe makes sense for a mode's way of writing (o_dsync is a write(2) flag; the CPU recipes need stores). */
export function applicable(mode: Mode, recipe: Recipe | RecipeSpec): boolean {
  return recipeFits(recipeSpec(recipe), mode.access.kind);
}

/** How a workload's file is declared for a mode. */
export function declare(mode: Mode, name: string, size: number): Decl {
  if (mode.files === 'device') return { decl: 'device', name, size, align: 4096 };
  return { decl: 'file', name, size, state: mode.files, ...(mode.nodax ? { dax: false } : {}) };
}
