import { basename } from 'node:path';
import type { FileContent, Litmus, Op } from '../lang/ast.js';
import { LIMITS } from '../lang/limits.js';
import { userError } from '../lang/messages.js';
import type { Marker, StoreRecord, TraceRecord } from '../lang/trace/records.js';
import { LINE } from '../model/core/geometry.js';
import type { PlatformName } from '../profiles/platforms.js';
import { fileNames } from './file-names.js';
import { littleEndian } from './little-endian.js';
import { FILE_SPAN, type Layout, type TraceFile } from './layout.js';

/**
 * The log `log`'s records as a litmus test (docs/trace.md, "As a litmus test"): each registered
 * file a `file` declaration holding its pre-run bytes in the lines the log stores to, each new
 * registration an `mmap`, each STORE a `store` of its bytes, each FLUSH a `clflushopt` of every line
 * of its range a store reached, each FENCE an `sfence`, each marker a label. Past the language's
 * limits (operations, file size, a content string) it is a user error naming the limit.
 */
export function traceLitmus(records: Iterable<TraceRecord>, log: string, layout: Layout, platform: PlatformName): Litmus {
  const writer = new LitmusWriter(layout, log);
  for (const record of records) writer.apply(record);
  const names = fileNames(layout.files.map((f) => f.path));
  const decls = layout.files.map((f, k) => ({ decl: 'file' as const, name: names[k]!, size: fileSize(log, f), ...contentOf(log, f, writer.touched) }));
  const comment = ` Printed by daxcheck trace --litmus from ${basename(log)}: ${writer.stores} stores, ${writer.outside} of them outside the registered files (left out).
   Each marker NAME.BEGIN or NAME.END of record R is the label NAME_begin_R or NAME_end_R. `;
  return { name: `trace-${basename(log, '.log').replace(/\s/g, '_')}`, comment, config: [{ key: 'platform', value: platform }], decls, program: writer.program, observations: [], expectations: [] };
}

/** Turns records into operations, keeping the media lines stored to. */
class LitmusWriter {
  readonly program: Op[] = [];
  readonly touched = new Set<number>();
  /** Whether a store or flush came since the last sfence: a fence without one does nothing, and is left out. */
  private fenceable = false;
  stores = 0;
  outside = 0;
  constructor(
    private readonly layout: Layout,
    private readonly log: string,
  ) {}

  apply(record: TraceRecord): void {
    if (record.kind === 'register-file') return this.register(record);
    if (record.kind === 'store') return this.store(record);
    if (record.kind === 'flush') return this.flush(record.addr, record.size);
    if (record.kind === 'fence') return this.fence();
    if (record.kind === 'marker') return this.push({ op: 'label', name: labelOf(record) });
  }

  private register(record: Extract<TraceRecord, { kind: 'register-file' }>): void {
    const mapping = this.layout.register(record);
    if (!mapping) return;
    const file = fileNames(this.layout.files.map((f) => f.path))[mapping.file]!;
    this.push({ op: 'mmap', dst: `m${mapping.id}`, file, off: mapping.offset, len: mapping.size, flags: ['MAP_SHARED'] });
  }

  private store(record: StoreRecord): void {
    this.stores++;
    const mapping = this.layout.mappingOf(record.addr);
    if (!mapping) return void this.outside++;
    this.push({ op: 'store', map: `m${mapping.id}`, off: record.addr - mapping.addr, value: { kind: 'int', value: littleEndian(record.bytes), width: record.bytes.length } });
    const media = mapping.media + (record.addr - mapping.addr);
    for (let line = Math.floor(media / LINE); line * LINE < media + record.bytes.length; line++) this.touched.add(line);
  }

  /** A clflushopt of each line of the range that a store reached (a flush of a line never stored to changes nothing). */
  private flush(addr: number, size: number): void {
    for (let at = addr - (addr % LINE); at < addr + size; at += LINE) {
      const byte = Math.max(at, addr);
      const mapping = this.layout.mappingOf(byte);
      const media = this.layout.media(byte);
      if (mapping && media !== undefined && this.touched.has(Math.floor(media / LINE))) this.push({ op: 'clflushopt', map: `m${mapping.id}`, off: byte - mapping.addr });
    }
  }

  private fence(): void {
    if (this.fenceable) this.push({ op: 'sfence' });
    this.fenceable = false;
  }

  private push(op: Op): void {
    if (op.op === 'store' || op.op === 'clflushopt') this.fenceable = true;
    if (this.program.length === LIMITS.operations) throw userError('traceLitmusOperations', undefined, this.log, LIMITS.operations);
    this.program.push(op);
  }
}

/** A marker's label: its name with what a label cannot hold replaced by `_`, its edge and its record number (labels are unique). */
function labelOf(marker: Marker): string {
  return `${marker.name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_')}_${marker.edge}_${marker.index}`;
}

function fileSize(log: string, file: TraceFile): number {
  if (file.size > LIMITS.bytes) throw userError('traceLitmusFileSize', undefined, log, file.path, file.size, LIMITS.bytes);
  return file.size;
}

/**
 * A file's pre-run bytes in the lines stored to (the others read as zeros in the test: nothing
 * reads them): none when they are zeros, `fill=` when one byte, else `content=` of them up to the
 * last byte that is not zero, which must be UTF-8 (the language's strings are) and fit a value.
 */
function contentOf(log: string, file: TraceFile, touched: ReadonlySet<number>): { content?: FileContent } {
  const bytes = new Uint8Array(file.size);
  const lines = [...touched].filter((l) => l * LINE >= file.base && l * LINE < file.base + FILE_SPAN).map((l) => l * LINE - file.base);
  for (const at of lines) bytes.set(file.image.subarray(at, Math.min(at + LINE, file.size)), at);
  const end = bytes.findLastIndex((b) => b !== 0) + 1;
  if (end === 0) return {};
  const first = bytes[end - 1]!;
  if (lines.every((at) => bytes.subarray(at, at + LINE).every((b) => b === first))) return { content: { kind: 'fill', byte: first } };
  const text = Buffer.from(bytes.subarray(0, end)).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes.subarray(0, end))) throw userError('traceLitmusContent', undefined, log, file.path, 'they are not UTF-8');
  if (end > LIMITS.valueBytes) throw userError('traceLitmusContent', undefined, log, file.path, `they run to byte ${end}, past the ${LIMITS.valueBytes} bytes of a string`);
  return { content: { kind: 'content', text } };
}
