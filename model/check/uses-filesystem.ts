import type { Litmus, OpName } from '../../lang/ast.js';

/** Whether each operation acts on the filesystem (a new operation must say so: the table is exhaustive). */
const ON_FILESYSTEM: { readonly [K in OpName]: boolean } = {
  create: true,
  unlink: true,
  rename: true,
  write: true,
  fallocate: true,
  truncate: true,
  fsync: true,
  fdatasync: true,
  sync: true,
  mmap: false,
  munmap: false,
  msync: false,
  madvise: false,
  store: false,
  ntstore: false,
  clflush: false,
  clflushopt: false,
  clwb: false,
  sfence: false,
  mfence: false,
  lfence: false,
  xchg: false,
  load: false,
  daxctl: true,
  reflink: true,
  pin: false,
  dma: false,
  unpin: false,
  label: false,
};

/** Whether the test touches the filesystem at all; such a test gets the safety properties checked. */
export function usesFilesystem(test: Litmus): boolean {
  const devices = new Set(test.decls.filter((d) => d.decl === 'device').map((d) => d.name));
  const onFile = (op: Litmus['program'][number]) => ON_FILESYSTEM[op.op] && !('file' in op && devices.has(op.file));
  return test.decls.some((d) => d.decl === 'file') || test.program.some(onFile);
}
