import type { Cond, Decl, Expectation, FallocateMode, FileState, Litmus, MapFlag, MsyncFlag, Observation, Op, Scope, Value, WriteFlag } from '../lang/ast.js';
import { exists, forall, never, repeat, valueOf, type Expected } from '../lang/build.js';
import type { Config } from '../profiles/config.js';
import { checked } from './litmus.js';

/** A configuration as `config` lines say it: any of the keys, typed by their values. */
export type ConfigInput = { readonly [K in keyof Config]?: Config[K] };

/** A value to write: an integer (8 bytes little-endian), a string's bytes, or an AST value (`repeat(0xab, 64)`). */
export type ValueInput = Expected | Value;

/** How a declared file starts: its size, the state of its blocks, DAX or not, and its bytes. */
export interface FileInput {
  readonly size: number;
  /** `written` (the default), `unwritten` or `hole`. */
  readonly state?: FileState;
  readonly dax?: boolean;
  /** Every byte of the file (default 0). */
  readonly fill?: number;
}

/**
 * Writes a litmus test in TypeScript: the same AST the parser makes, one typed method per line of
 * the language (docs/language.md). Each method returns a new builder, so a base program can be
 * extended several ways. `build()` checks the test reads back from its text.
 *
 * @example
 * const test = litmus('flag-after-data').config({ platform: 'adr', fs: 'ext4-dax' })
 *   .file('f', { size: 4096, state: 'hole' })
 *   .mmap('m', 'f', 4096, ['MAP_SHARED_VALIDATE', 'MAP_SYNC'])
 *   .store('m', 0, 42).clwb('m', 0).sfence().label('done')
 *   .observe('x', 'f', 0, 8).forall(eq('x', 42), after('done'))
 *   .build();
 */
export class LitmusBuilder {
  private constructor(private readonly test: Litmus) {}

  /** A new test called `name`, with nothing in it yet. */
  static named(name: string): LitmusBuilder {
    return new LitmusBuilder({ name, config: [], decls: [], program: [], observations: [], expectations: [] });
  }

  /** The header comment `(* text *)`; `Result: Never|Sometimes|Always` in it is a claim the check verifies. */
  comment(text: string): LitmusBuilder {
    return this.with({ comment: text });
  }

  /** Configuration keys (`config platform=adr fs=ext4-dax`), in the order given. */
  config(entries: ConfigInput): LitmusBuilder {
    const added = Object.entries(entries).map(([key, value]) => ({ key, value: String(value) }));
    return this.with({ config: [...this.test.config, ...added] });
  }

  /** Declares a file of the filesystem. */
  file(name: string, { size, state, dax, fill }: FileInput): LitmusBuilder {
    const decl: Decl = { decl: 'file', name, size, ...(state ? { state } : {}), ...(dax === undefined ? {} : { dax }), ...(fill === undefined ? {} : { content: { kind: 'fill', byte: fill } }) };
    return this.with({ decls: [...this.test.decls, decl] });
  }

  /** Declares a device-dax device (`align`: the device's alignment, as `device NAME size=N align=N`). */
  device(name: string, size: number, align?: number): LitmusBuilder {
    return this.with({ decls: [...this.test.decls, { decl: 'device', name, size, ...(align === undefined ? {} : { align }) }] });
  }

  /** Any operation, as an AST node. */
  op(op: Op): LitmusBuilder {
    return this.with({ program: [...this.test.program, op] });
  }

  /** Annotates the last operation: it must fail with this errno (`=> EOPNOTSUPP`) or signal (`=> SIGBUS`). */
  fails(errnoOrSignal: string): LitmusBuilder {
    const last = this.test.program.at(-1);
    if (!last) throw new RangeError('fails() annotates the last operation, and there is none yet');
    const fails = errnoOrSignal === 'SIGBUS' ? { kind: 'signal' as const, name: 'SIGBUS' as const } : { kind: 'errno' as const, name: errnoOrSignal };
    return this.with({ program: [...this.test.program.slice(0, -1), { ...last, fails }] });
  }

  create = (file: string) => this.op({ op: 'create', file });
  unlink = (file: string) => this.op({ op: 'unlink', file });
  rename = (from: string, to: string) => this.op({ op: 'rename', from, to });
  write = (file: string, off: number, value: ValueInput, flags: readonly WriteFlag[] = []) => this.op({ op: 'write', file, off, value: valueOf(value), flags });
  fallocate = (file: string, off: number, len: number, mode?: FallocateMode) => this.op({ op: 'fallocate', file, off, len, ...(mode ? { mode } : {}) });
  truncate = (file: string, len: number) => this.op({ op: 'truncate', file, len });
  fsync = (file: string) => this.op({ op: 'fsync', file });
  fdatasync = (file: string) => this.op({ op: 'fdatasync', file });
  sync = () => this.op({ op: 'sync' });
  /** Maps `len` bytes of `file` from offset `off` as mapping `dst`. */
  mmap = (dst: string, file: string, len: number, flags: readonly MapFlag[], off = 0) => this.op({ op: 'mmap', dst, file, off, len, flags });
  munmap = (map: string) => this.op({ op: 'munmap', map });
  msync = (map: string, off: number, len: number, flag?: MsyncFlag) => this.op({ op: 'msync', map, off, len, ...(flag ? { flag } : {}) });
  madvise = (map: string, off: number, len: number) => this.op({ op: 'madvise', map, off, len, advice: 'MADV_DIRECT_ACCESS' });
  store = (map: string, off: number, value: ValueInput) => this.op({ op: 'store', map, off, value: valueOf(value) });
  ntstore = (map: string, off: number, value: ValueInput) => this.op({ op: 'ntstore', map, off, value: valueOf(value) });
  clflush = (map: string, off: number) => this.op({ op: 'clflush', map, off });
  clflushopt = (map: string, off: number) => this.op({ op: 'clflushopt', map, off });
  clwb = (map: string, off: number) => this.op({ op: 'clwb', map, off });
  sfence = () => this.op({ op: 'sfence' });
  mfence = () => this.op({ op: 'mfence' });
  lfence = () => this.op({ op: 'lfence' });
  xchg = (map: string, off: number, value: ValueInput) => this.op({ op: 'xchg', map, off, value: valueOf(value) });
  load = (dst: string, map: string, off: number, size?: number) => this.op({ op: 'load', dst, map, off, ...(size === undefined ? {} : { size }) });
  daxctl = (file: string, mode: 'STATIC' | 'NONE', align?: number) => this.op({ op: 'daxctl', file, mode, ...(align === undefined ? {} : { align }) });
  reflink = (dst: string, src: string) => this.op({ op: 'reflink', dst, src });
  pin = (dst: string, map: string, off: number, len: number, longterm = false) => this.op({ op: 'pin', dst, map, off, len, longterm });
  dma = (pin: string, off: number, value: ValueInput) => this.op({ op: 'dma', pin, off, value: valueOf(value) });
  unpin = (pin: string) => this.op({ op: 'unpin', pin });
  label = (name: string) => this.op({ op: 'label', name });

  /** `observe NAME = bytes TARGET OFF LEN` (as a string with `asString`). */
  observe(name: string, target: string, off: number, len: number, asString = false): LitmusBuilder {
    return this.observation({ name, kind: 'bytes', target, off, len, asStr: asString });
  }

  /** `observe NAME = size TARGET`. */
  observeSize(name: string, target: string): LitmusBuilder {
    return this.observation({ name, kind: 'size', target });
  }

  /** `observe NAME = exists TARGET`: 1 when the name exists after recovery, else 0. */
  observeExists(name: string, target: string): LitmusBuilder {
    return this.observation({ name, kind: 'exists', target });
  }

  /** Any expectation, as an AST node. */
  expect(expectation: Expectation): LitmusBuilder {
    return this.with({ expectations: [...this.test.expectations, expectation] });
  }

  /** `forall [scope]: cond`. */
  forall = (cond: Cond, scope?: Scope) => this.expect(forall(cond, scope));
  /** `exists [scope]: cond`. */
  exists = (cond: Cond, scope?: Scope) => this.expect(exists(cond, scope));
  /** `~exists [scope]: cond`. */
  never = (cond: Cond, scope?: Scope) => this.expect(never(cond, scope));

  /** The test, after checking that its text reads back as the same test (names, sizes and values the language accepts). */
  build(): Litmus {
    return checked(this.test);
  }

  private observation(o: Observation): LitmusBuilder {
    return this.with({ observations: [...this.test.observations, o] });
  }

  private with(change: Partial<Litmus>): LitmusBuilder {
    return new LitmusBuilder({ ...this.test, ...change });
  }
}

/** Starts a litmus test called `name` (see {@link LitmusBuilder}). */
export function litmus(name: string): LitmusBuilder {
  return LitmusBuilder.named(name);
}

export { repeat };
