import { message, type MessageId, MESSAGES } from '../messages.js';
import type { Marker, TraceRecord } from './records.js';

/** A record as one field list gives it: a marker still without the markers open around it. */
export type ParsedRecord = Exclude<TraceRecord, Marker> | Omit<Marker, 'open'>;

/** A malformed record: the catalogue's message, which the reader places at the log and record. */
export class RecordProblem extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'RecordProblem';
  }
}

function problem<K extends MessageId>(id: K, ...args: Parameters<(typeof MESSAGES)[K]>): RecordProblem {
  return new RecordProblem(message(id, ...args));
}

/** The largest store pmemcheck logs: one machine word (pmc_main.c trace_pmem_store's `UWord value`). */
const WORD = 8;

/** Parses the text of record number `index` (without its `|`); throws a RecordProblem when it is malformed. */
export function parseRecord(text: string, index: number): ParsedRecord {
  // Most records are a bare word (a log is mostly FENCEs): those are not split.
  const fields = text.includes(';') ? text.split(';') : [text];
  const word = fields[0]!;
  switch (word) {
    case 'START':
    case 'STOP':
    case 'FENCE':
      arity(fields, 1, word);
      return { kind: word === 'START' ? 'start' : word === 'STOP' ? 'stop' : 'fence', index };
    case 'DEEP_SYNC':
      // pmemcheck may give the range synced; the model has no use for it (docs/trace.md).
      if (fields.length !== 3) arity(fields, 1, 'DEEP_SYNC or DEEP_SYNC;ADDR;SIZE');
      return { kind: 'deep-sync', index };
    case 'FLUSH':
      arity(fields, 3, 'FLUSH;ADDR;SIZE');
      return { kind: 'flush', index, addr: hex(fields[1]!, 'address'), size: hex(fields[2]!, 'size') };
    case 'STORE':
      return store(fields, index);
    case 'REGISTER_FILE':
      return registerFile(fields, index);
    default:
      return marker(text, index);
  }
}

function arity(fields: readonly string[], count: number, form: string): void {
  if (fields.length !== count) throw problem('recordFields', fields[0]!, form, fields.length - 1);
}

function store(fields: readonly string[], index: number): ParsedRecord {
  if (fields.length < 4) throw problem('recordFields', 'STORE', 'STORE;ADDR;VALUE;SIZE[;FRAME...]', fields.length - 1);
  const size = hex(fields[3]!, 'size');
  if (size < 1 || size > WORD) throw problem('storeSize', fields[3]!, WORD);
  const bytes = littleEndian(hexText(fields[2]!, 'value'), size);
  if (!bytes) throw problem('storeValueWidth', fields[2]!, size);
  return { kind: 'store', index, addr: hex(fields[1]!, 'address'), bytes, frames: fields.slice(4) };
}

/** The `size` bytes of hex value `text` (`0x...`), least significant first, two digits each; undefined when it needs more. */
function littleEndian(text: string, size: number): number[] | undefined {
  let first = 2;
  while (first < text.length - 1 && text[first] === '0') first++;
  if (text.length - first > 2 * size) return undefined;
  const bytes = new Array<number>(size).fill(0);
  for (let i = 0, end = text.length; end > first; i++, end -= 2) bytes[i] = digit(text, end - 1) + (end - 2 >= first ? 16 * digit(text, end - 2) : 0);
  return bytes;
}

/** The value of the hex digit at `at` of `text` (already checked to be one): lower-casing maps A-F to a-f and keeps 0-9. */
function digit(text: string, at: number): number {
  const c = text.charCodeAt(at) | 0x20;
  return c <= 0x39 ? c - 0x30 : c - 0x57;
}

function registerFile(fields: readonly string[], index: number): ParsedRecord {
  if (fields.length < 5) throw problem('recordFields', 'REGISTER_FILE', 'REGISTER_FILE;PATH;ADDR;SIZE;OFFSET', fields.length - 1);
  // A path may hold ';': the last three fields are the numbers.
  const [addr, size, offset] = fields.slice(-3).map((f, i) => hex(f, ['address', 'size', 'offset'][i]!));
  const path = fields.slice(1, -3).join(';');
  if (path === '') throw problem('registerNoPath');
  return { kind: 'register-file', index, path, addr: addr!, size: size!, offset: offset! };
}

function marker(text: string, index: number): ParsedRecord {
  const match = /^([^;\s]+)\.(BEGIN|END)$/.exec(text);
  if (!match) throw problem('unknownRecord', text);
  return { kind: 'marker', index, name: match[1]!, edge: match[2] === 'BEGIN' ? 'begin' : 'end' };
}

function hexText(text: string, what: string): string {
  if (!/^0x[0-9a-fA-F]+$/.test(text)) throw problem('recordHex', what, text);
  return text;
}

/** A hex field as a number; addresses and sizes of a 64-bit process fit below 2^53. */
function hex(text: string, what: string): number {
  const value = Number(hexText(text, what));
  if (!Number.isSafeInteger(value)) throw problem('recordHexLarge', what, text);
  return value;
}
