import { EMPTY_CPU } from '../x86/cpu.js';
import { appendLog } from '../core/append-log.js';
import { emptyIntMap } from '../core/int-map.js';
import { PAGE, LINE, valueBytes } from '../core/geometry.js';
import type { FileKind, FsProfile } from '../../profiles/filesystems.js';
import { EMPTY_META, type Extent, type Inode, type Meta } from '../fs/meta.js';
import type { FsState } from '../fs/state.js';
import type { Device, Machine } from './machine.js';
import type { Layout } from '../core/world.js';
import type { Decl, Litmus } from '../../lang/ast.js';
import { userError } from '../../lang/messages.js';

type FileDecl = Extract<Decl, { decl: 'file' }>;
type DeviceDecl = Extract<Decl, { decl: 'device' }>;

/** Default device-dax alignment: 2 MiB, what `ndctl create-namespace --mode=devdax` sets by default. */
const DEFAULT_DEVICE_ALIGN = 2 * 1024 * 1024;
/** Where the first mapping goes; any page-aligned address would do. */
const FIRST_ADDRESS = 0x7f00_0000_0000;
/** Free blocks the filesystem has besides the declared files' blocks. */
const SPARE_BLOCKS = 64;
/**
 * What free filesystem blocks hold before the program: bytes of some earlier, deleted file. Recovery
 * must never show them in a file (DESIGN 1.2) except where data=writeback allows it.
 */
export const STALE_BYTE = 0xee;

const ZERO_LINE: readonly number[] = Object.freeze(new Array<number>(LINE).fill(0));
const STALE_LINE: readonly number[] = Object.freeze(new Array<number>(LINE).fill(STALE_BYTE));

/** The initial machine and media layout of a test: devices first, then the filesystem's blocks. */
export function layOut(test: Litmus, profile: FsProfile): { machine: Machine; layout: Layout } {
  checkNames(test.decls);
  const devices: Record<string, Device> = {};
  let base = 0;
  for (const decl of test.decls) {
    if (decl.decl !== 'device') continue;
    devices[decl.name] = device(decl, base);
    base += Math.ceil(decl.size / DEFAULT_DEVICE_ALIGN + 1) * DEFAULT_DEVICE_ALIGN;
  }
  const files = test.decls.filter((d): d is FileDecl => d.decl === 'file');
  const { meta, content, history, used } = declareFiles(files, profile);
  const blocks = used + SPARE_BLOCKS;
  const fsBase = base;
  const initial = (line: number): readonly number[] => {
    const addr = line * LINE;
    if (addr < fsBase) return ZERO_LINE;
    return content.get(line - fsBase / LINE) ?? STALE_LINE;
  };
  const fs: FsState = { base: meta, handles: appendLog(), committed: 0, isize: {}, pages: {}, daxDirty: {}, writable: {}, history, pins: {}, deferred: {}, privatePages: {} };
  const machine: Machine = { devices, vmas: [], pointers: {}, registers: {}, cpu: EMPTY_CPU, fs, nextAddress: FIRST_ADDRESS };
  return { machine, layout: { fsBase, blocks, initial } };
}

function checkNames(decls: readonly Decl[]): void {
  const seen = new Set<string>();
  for (const decl of decls) {
    if (seen.has(decl.name)) throw userError('declaredTwice', decl.at, decl.name);
    seen.add(decl.name);
  }
}

function device(decl: DeviceDecl, base: number): Device {
  const align = decl.align ?? DEFAULT_DEVICE_ALIGN;
  if (decl.size <= 0) throw userError('deviceSize', decl.at, decl.name);
  if (align < PAGE || (align & (align - 1)) !== 0) {
    throw userError('deviceAlign', decl.at, decl.name);
  }
  return { name: decl.name, base, size: decl.size, align };
}

/** The durable metadata, media contents and write history of the declared files. */
function declareFiles(files: readonly FileDecl[], profile: FsProfile) {
  let meta: Meta = EMPTY_META;
  const content = new Map<number, number[]>();
  let history: FsState['history'] = emptyIntMap();
  let next = 0;
  for (const decl of files) {
    const ino = meta.nextIno;
    const state = decl.state ?? 'written';
    const bytes = initialBytes(decl, state);
    const extents: Record<number, Extent> = {};
    if (state !== 'hole') {
      for (let b = 0; b * PAGE < decl.size; b++) extents[b] = { block: next++, state };
    }
    if (state === 'written') writeContent(content, extents, bytes, decl.size);
    history = history.set(ino, emptyIntMap<readonly number[]>().update(0, bytes.length, (off) => [bytes[off]!]));
    const inode: Inode = { ino, kind: fileKind(decl, profile), size: decl.size, extents, static: false, cow: {} };
    meta = { names: { ...meta.names, [decl.name]: ino }, inodes: { ...meta.inodes, [ino]: inode }, nextIno: ino + 1 };
  }
  return { meta, content, history, used: next };
}

function initialBytes(decl: FileDecl, state: string): number[] {
  if (decl.content && state !== 'written') throw userError('contentsOfUnwritten', decl.at, decl.name, state);
  if (decl.size < 0) throw userError('fileSize', decl.at, decl.name);
  if (decl.content?.kind === 'fill') return new Array<number>(decl.size).fill(decl.content.byte);
  if (decl.content?.kind === 'content') return valueBytes({ kind: 'str', text: decl.content.text }).slice(0, decl.size);
  return [];
}

/** Media lines (numbered from filesystem block 0) of the file's blocks: its bytes, zeros elsewhere in those blocks. */
function writeContent(content: Map<number, number[]>, extents: Record<number, Extent>, bytes: readonly number[], size: number): void {
  for (const [b, extent] of Object.entries(extents)) {
    for (let l = 0; l < PAGE / LINE; l++) {
      const off = Number(b) * PAGE + l * LINE;
      const line = new Array<number>(LINE).fill(0);
      for (let i = 0; i < LINE && off + i < Math.min(size, bytes.length); i++) line[i] = bytes[off + i]!;
      content.set(extent.block * (PAGE / LINE) + l, line);
    }
  }
}

function fileKind(decl: FileDecl, profile: FsProfile): FileKind {
  if (!profile.perFileDax && decl.dax !== undefined) throw userError('noPerFileDax', decl.at, profile.name, decl.dax ? 'dax' : 'nodax');
  if (decl.dax && profile.access !== 'dax') throw userError('notDaxMounted', decl.at, profile.name, decl.name);
  return decl.dax === false ? 'pagecache' : profile.access;
}
