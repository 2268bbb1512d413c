import type { Draft } from 'immer';
import type { StoreRecord, TraceRecord } from '../lang/trace/records.js';
import { LINE } from '../model/core/geometry.js';
import { EMPTY_CPU, type CpuState } from '../model/x86/cpu.js';
import { fence, flushOpt, store, type PersistContext } from '../model/x86/persist.js';
import type { Layout } from './layout.js';

/** Where crashes are placed: before every fence, at every marker and at the end; or before every store too. */
export type CrashAt = 'fences' | 'stores';

/** A moment of the run at which power may fail: the CPU state then, valid only while it is being checked. */
export interface CrashPoint {
  /** The log record it is before (a fence or store) or at (a marker, STOP). */
  readonly record: number;
  readonly at: 'fence' | 'store' | 'marker' | 'stop';
  /** The markers open, outermost first. */
  readonly markers: readonly string[];
  readonly cpu: CpuState;
  /** Every media line a store has reached so far, in flight or durable. */
  readonly lines: ReadonlySet<number>;
  /** The store records of the pieces in flight, by their record number (a piece's `op`). */
  readonly stores: ReadonlyMap<number, StoreRecord>;
}

/**
 * Runs a log's records through the x86 model (model/x86): a STORE is a store, a FLUSH a
 * clflushopt of every line it touches (weakly ordered: it takes effect at the next fence, as a log
 * recorded with --expect-fence-after-clflush=yes says), a FENCE an sfence. `onCrash` sees each crash
 * point whose crash states are not all those of the point before it: only a store adds states,
 * since a flush or fence only makes more of them certain.
 */
export class TraceMachine {
  private readonly cpu: Draft<CpuState> = { ...EMPTY_CPU, cached: [], nt: [], flushes: [], host: null };
  private readonly lines = new Set<number>();
  private readonly stores = new Map<number, StoreRecord>();
  private markers: readonly string[] = [];
  /** Whether a store or a registration added crash states since the last crash point explored. */
  private stored = false;
  /** Crash points passed, and how many of them `onCrash` saw. */
  readonly counts = { points: 0, explored: 0, storesOutside: 0 };

  constructor(
    private readonly layout: Layout,
    private readonly ctx: PersistContext,
    private readonly crashAt: CrashAt,
    private readonly onCrash: (point: CrashPoint) => void,
    /** Whether crashes are checked with these markers open (pmreorder's NoReorderNoCheck regions are not). */
    private readonly checked: (markers: readonly string[]) => boolean = () => true,
  ) {}

  /** Applies one record. */
  apply(record: TraceRecord): void {
    switch (record.kind) {
      case 'store':
        if (this.crashAt === 'stores') this.crash(record.index, 'store');
        return this.store(record);
      case 'flush':
        return this.flush(record.addr, record.size);
      case 'fence':
        this.crash(record.index, 'fence');
        return fence(this.cpu, 'sfence', this.ctx);
      case 'marker':
        this.markers = record.open;
        return this.crash(record.index, 'marker');
      case 'stop':
        return this.crash(record.index, 'stop');
      case 'register-file':
        this.stored = true;
        this.layout.register(record);
        return;
      case 'start':
      case 'deep-sync':
        // A deep flush drains the memory controller, which ADR and eADR already keep (docs/trace.md).
        return;
    }
  }

  private store(record: StoreRecord): void {
    const media = this.layout.media(record.addr);
    if (media === undefined) {
      this.counts.storesOutside++;
      return;
    }
    this.cpu.op = record.index;
    this.stores.set(record.index, record);
    store(this.cpu, media, record.bytes);
    for (let line = Math.floor(media / LINE); line <= Math.floor((media + record.bytes.length - 1) / LINE); line++) this.lines.add(line);
    this.stored = true;
  }

  /** Flushes every line of [addr, addr+size) that has stores in flight (a flush of a clean line changes nothing). */
  private flush(addr: number, size: number): void {
    if (this.cpu.cached.length === 0) return;
    const pending = new Set(this.cpu.cached.map((p) => p.line));
    for (let at = addr - (addr % LINE); at < addr + size; at += LINE) {
      const media = this.layout.media(at);
      if (media !== undefined && pending.has(Math.floor(media / LINE))) flushOpt(this.cpu, media, this.ctx);
    }
  }

  /**
   * The crash point `record` makes, before it is applied, whether or not a run would explore it (its
   * crash states are the same): a copy, since the x86 rules replace the CPU state's arrays and
   * durable map rather than change them. Undefined for a record that is no crash point.
   */
  pointAt(record: TraceRecord): CrashPoint | undefined {
    const at = record.kind === 'fence' || record.kind === 'marker' || record.kind === 'stop' ? record.kind : record.kind === 'store' && this.crashAt === 'stores' ? 'store' : undefined;
    if (!at) return undefined;
    const markers = record.kind === 'marker' ? record.open : this.markers;
    return { record: record.index, at, markers, cpu: { ...this.cpu }, lines: new Set(this.lines), stores: new Map(this.stores) };
  }

  private crash(record: number, at: CrashPoint['at']): void {
    if (!this.checked(this.markers)) return;
    this.counts.points++;
    if (!this.stored) return;
    this.stored = false;
    this.counts.explored++;
    this.forgetDurableStores();
    // A snapshot: the crash view caches what it works out per crash point by the CPU state's identity (model/x86/crash.ts), and this machine's state changes in place.
    const cpu: CpuState = { ...this.cpu, cached: [...this.cpu.cached], nt: [...this.cpu.nt], flushes: [...this.cpu.flushes] };
    this.onCrash({ record, at, markers: this.markers, cpu, lines: this.lines, stores: this.stores });
  }

  /** Keeps the store records of pieces still in flight only, so memory follows them, not the log. */
  private forgetDurableStores(): void {
    if (this.cpu.cached.length === 0) return this.stores.clear();
    const live = new Set(this.cpu.cached.map((p) => p.op));
    for (const op of this.stores.keys()) if (!live.has(op)) this.stores.delete(op);
  }
}
