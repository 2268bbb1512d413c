import type { OpName } from './ast.js';

/** How an operation is written: `NAME = op ...` (it assigns a name), a label `NAME:`, or plainly `op ...`. */
export type OpForm = 'plain' | 'assigning' | 'label';

/**
 * Every operation of the language in DESIGN order, with how it is written. The parser's tables, the
 * generator's keywords and the model's operation tables are typed against `OpName`, so an operation
 * missing from any of them is a compile error.
 */
export const OPERATIONS = {
  create: 'plain',
  unlink: 'plain',
  rename: 'plain',
  write: 'plain',
  fallocate: 'plain',
  truncate: 'plain',
  fsync: 'plain',
  fdatasync: 'plain',
  sync: 'plain',
  mmap: 'assigning',
  munmap: 'plain',
  msync: 'plain',
  madvise: 'plain',
  store: 'plain',
  ntstore: 'plain',
  clflush: 'plain',
  clflushopt: 'plain',
  clwb: 'plain',
  sfence: 'plain',
  mfence: 'plain',
  lfence: 'plain',
  xchg: 'plain',
  load: 'assigning',
  daxctl: 'plain',
  reflink: 'plain',
  pin: 'assigning',
  dma: 'plain',
  unpin: 'plain',
  label: 'label',
} as const satisfies { readonly [K in OpName]: OpForm };

/** The operations written `NAME = op ...`. */
export type AssigningOpName = { [K in OpName]: (typeof OPERATIONS)[K] extends 'assigning' ? K : never }[OpName];
/** The operations written `op ...`. */
export type PlainOpName = { [K in OpName]: (typeof OPERATIONS)[K] extends 'plain' ? K : never }[OpName];
