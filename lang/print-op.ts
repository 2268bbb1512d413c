import type { Op, OpName, OpOf } from './ast.js';
import { printNumber as n, printValue } from './print-value.js';

type Printers = { readonly [K in OpName]: (op: OpOf<K>) => string };

const opt = (text: string | undefined): string => (text === undefined ? '' : ` ${text}`);
const addr = (o: { map: string; off: number }): string => `${o.map}[${n(o.off)}]`;

const PRINTERS: Printers = {
  create: (o) => `create ${o.file}`,
  unlink: (o) => `unlink ${o.file}`,
  rename: (o) => `rename ${o.from} ${o.to}`,
  write: (o) => `write ${o.file} ${n(o.off)} ${printValue(o.value)}${o.flags.map((f) => ` ${f}`).join('')}`,
  fallocate: (o) => `fallocate ${o.file} ${n(o.off)} ${n(o.len)}${opt(o.mode)}`,
  truncate: (o) => `truncate ${o.file} ${n(o.len)}`,
  fsync: (o) => `fsync ${o.file}`,
  fdatasync: (o) => `fdatasync ${o.file}`,
  sync: () => 'sync',
  mmap: (o) => `${o.dst} = mmap ${o.file} ${n(o.off)} ${n(o.len)} ${o.flags.join('|')}${opt(o.atMap && `at=${o.atMap}`)}`,
  munmap: (o) => `munmap ${o.map}`,
  msync: (o) => `msync ${o.map} ${n(o.off)} ${n(o.len)}${opt(o.flag)}`,
  madvise: (o) => `madvise ${o.map} ${n(o.off)} ${n(o.len)} ${o.advice}`,
  store: (o) => `store ${addr(o)} ${printValue(o.value)}`,
  ntstore: (o) => `ntstore ${addr(o)} ${printValue(o.value)}`,
  clflush: (o) => `clflush ${addr(o)}`,
  clflushopt: (o) => `clflushopt ${addr(o)}`,
  clwb: (o) => `clwb ${addr(o)}`,
  sfence: () => 'sfence',
  mfence: () => 'mfence',
  lfence: () => 'lfence',
  xchg: (o) => `xchg ${addr(o)} ${printValue(o.value)}`,
  load: (o) => `${o.dst} = load ${addr(o)}${opt(o.size === undefined ? undefined : n(o.size))}`,
  daxctl: (o) => `daxctl ${o.file} ${o.mode}${opt(o.align === undefined ? undefined : `align=${n(o.align)}`)}`,
  reflink: (o) => `reflink ${o.dst} ${o.src}`,
  pin: (o) => `${o.dst} = pin ${o.map} ${n(o.off)} ${n(o.len)}${o.longterm ? ' longterm' : ''}`,
  dma: (o) => `dma ${o.pin} ${n(o.off)} ${printValue(o.value)}`,
  unpin: (o) => `unpin ${o.pin}`,
  label: (o) => `${o.name}:`,
};

/** One operation as a program line (without indentation), with its `=> ERRNO` annotation. */
export function printOp(op: Op): string {
  const text = (PRINTERS[op.op] as (op: Op) => string)(op);
  return op.fails === undefined ? text : `${text} => ${op.fails.name}`;
}
