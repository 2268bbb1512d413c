import { parseLitmus } from '../lang/parse.js';
import type { Litmus } from '../lang/ast.js';

/** A program shape whose cost the growth benchmark measures as its length grows. */
export type Shape = 'cpu-few-lines' | 'cpu-many-lines' | 'fs-write-fsync';

/** Lines the CPU shapes store to: a few, or many (a store to each in turn). */
const LINES: Readonly<Record<Exclude<Shape, 'fs-write-fsync'>, number>> = { 'cpu-few-lines': 4, 'cpu-many-lines': 10_000 };

/** Bytes of the file the filesystem shape overwrites: 16 pages, so every write overwrites written data. */
const FILE_SIZE = 16 * 4096;

/**
 * A litmus test of about `n` operations in `shape`: `store; clwb; sfence` repeated over a device's
 * lines, or `write; fsync` repeated over an ext4-dax file, with one observation so that every crash
 * point is explored.
 */
export function growthProgram(shape: Shape, n: number): Litmus {
  return parseLitmus(shape === 'fs-write-fsync' ? fsText(n) : cpuText(LINES[shape], n));
}

/**
 * A litmus test of `n` appends to an empty ext4-dax file without fsync, observing its first bytes:
 * each append's handles stay uncommitted, the case issue 12 measured multiplying evaluations.
 */
export function appendProgram(n: number): Litmus {
  const body = Array.from({ length: n }, (_, i) => `  write f ${i * 8} ${(i % 250) + 1}`);
  return parseLitmus(['daxcheck append-no-fsync', 'config platform=adr fs=ext4-dax', 'file f size=0', 'program', ...body, 'observe y = f[0:8]', ''].join('\n'));
}

function cpuText(lines: number, n: number): string {
  const size = Math.ceil((lines * 64) / 4096) * 4096;
  const body: string[] = [];
  for (let i = 0; body.length + 3 <= n - 1; i++) {
    const off = (i % lines) * 64;
    body.push(`  store m[${off}] ${(i % 250) + 1}`, `  clwb m[${off}]`, '  sfence');
  }
  return [`daxcheck growth-cpu-${lines}`, 'config platform=adr', `device d size=${size} align=4096`, 'program', `  m = mmap d 0 ${size} MAP_SHARED`, ...body, 'observe x = d[0:8]', ''].join('\n');
}

function fsText(n: number): string {
  const body: string[] = [];
  for (let i = 0; body.length + 2 <= n; i++) body.push(`  write f ${(i * 8) % FILE_SIZE} ${(i % 250) + 1}`, '  fsync f');
  return ['daxcheck growth-fs', 'config platform=adr fs=ext4-dax', `file f size=${FILE_SIZE} written`, 'program', ...body, 'observe y = f[0:8]', ''].join('\n');
}
