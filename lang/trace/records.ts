/**
 * The records of a Valgrind pmemcheck store log (`--log-stores=yes`), as pmemcheck writes them
 * (pmemcheck/pmc_main.c: `|STORE;0x%lx;0x%lx;0x%lx`, `|REGISTER_FILE;%s;0x%lx;0x%lx;0x%lx`, ...) and
 * PMDK's pmreorder reads them. `index` is the record's number in the log, from 1 (START).
 */
export type TraceRecord =
  | { readonly kind: 'start'; readonly index: number }
  | { readonly kind: 'stop'; readonly index: number }
  | StoreRecord
  | { readonly kind: 'flush'; readonly index: number; readonly addr: number; readonly size: number }
  | { readonly kind: 'fence'; readonly index: number }
  | { readonly kind: 'deep-sync'; readonly index: number }
  | RegisterFile
  | Marker;

/** A store to persistent memory: `bytes` (little-endian, 1 to 8 of them) at virtual address `addr`. */
export interface StoreRecord {
  readonly kind: 'store';
  readonly index: number;
  readonly addr: number;
  readonly bytes: readonly number[];
  /** The stack frames pmemcheck recorded (`--log-stores-stacktraces`), innermost first. */
  readonly frames: readonly string[];
}

/** A file mapped at `addr` for `size` bytes, from `offset` in the file. */
export interface RegisterFile {
  readonly kind: 'register-file';
  readonly index: number;
  readonly path: string;
  readonly addr: number;
  readonly size: number;
  readonly offset: number;
}

/** A `NAME.BEGIN` or `NAME.END` marker (`VALGRIND_PMC_EMIT_LOG`), with the markers open after it. */
export interface Marker {
  readonly kind: 'marker';
  readonly index: number;
  readonly name: string;
  readonly edge: 'begin' | 'end';
  /** The markers open after this one, outermost first (what pmreorder puts in PMREORDER_MARKERS). */
  readonly open: readonly string[];
}

/** The record kinds a log may hold, as they are spelled in it. */
export const RECORD_WORDS = ['START', 'STOP', 'STORE', 'FLUSH', 'FENCE', 'DEEP_SYNC', 'REGISTER_FILE', 'NAME.BEGIN', 'NAME.END'] as const;
