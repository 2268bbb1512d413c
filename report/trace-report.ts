import type { StoreRecord } from '../lang/trace/records.js';
import type { StoreInFlight } from '../trace/explain.js';
import type { TraceResult } from '../trace/check-trace.js';
import type { Witness } from '../trace/witness.js';

/** What the report needs to say about a run besides its result. */
export interface TraceHeader {
  readonly log: string;
  readonly platform: string;
  readonly checker: string;
  /** The signal that stopped the run before the end of the log (the result's `stoppedAfter`). */
  readonly stoppedBy?: string;
}

/**
 * The text report of `daxcheck trace`: counts, the coverage of every crash point, and for the first
 * inconsistent image the crash state that persisted least, with the stores in flight, their stack
 * frames and how each persisted. The same log and options always give the same lines.
 */
export function traceReport(header: TraceHeader, result: TraceResult, explain: (w: Witness) => StoreInFlight[] | undefined): string[] {
  const { coverage } = result;
  const explored = coverage.exhaustive.length + coverage.bounded.length + coverage.truncated.length;
  const lines = [
    `daxcheck trace ${header.log} (platform ${header.platform}, checker ${header.checker})`,
    `records ${result.records}, stores ${result.stores}${result.storesOutside > 0 ? ` (${result.storesOutside} outside every registered file, not modelled)` : ''}`,
    ...(result.stoppedAfter === undefined ? [] : [`stopped by ${header.stoppedBy ?? 'request'} after record ${result.stoppedAfter}: the rest of the log was not read, and its crash points are not checked`]),
    `crash points ${result.crashPoints}, explored ${explored} (the others add no crash state): ${coverage.exhaustive.length} exhaustive, ${coverage.bounded.length} bounded, ${coverage.truncated.length} truncated`,
    ...(['bounded', 'truncated'] as const).filter((c) => coverage[c].length > 0).map((c) => `  ${c} at records ${coverage[c].join(', ')}`),
    `crash states ${result.states}, distinct ${result.lazy ? 'views of the lines read' : 'images'} ${result.distinct}, checker calls ${result.checkerCalls}`,
  ];
  const first = result.inconsistent[0];
  if (!first) return [...lines, `Consistent: every crash image checked is consistent`];
  return [...lines, `Inconsistent: ${result.inconsistent.length} distinct image${result.inconsistent.length === 1 ? '' : 's'}`, ...counterexample(first.witness, first.verdict.detail, explain(first.witness))];
}

function counterexample(witness: Witness, detail: string | undefined, stores: StoreInFlight[] | undefined): string[] {
  const { point } = witness;
  const lines = [`counterexample: a crash ${point.at === 'stop' || point.at === 'marker' ? 'at' : 'before'} record ${point.record} (${point.at}), markers ${point.markers.join('|') || '-'}${detail ? `; the checker said: ${detail}` : ''}`];
  if (!stores) return [...lines, `  lines chosen: ${witness.choices.map((c) => `${c.site.kind === 'line' ? `line ${c.site.line}` : c.site.kind} option ${c.chosen} of ${c.of}`).join(', ')}`];
  const persisted = stores.filter((s) => s.persisted === 'by-flush' || s.persisted === 'by-eviction');
  const lost = stores.filter((s) => s.persisted === 'no' || s.persisted === 'either');
  return [
    ...lines,
    `  persisted (${persisted.length} of the stores in flight):`,
    ...persisted.map((s) => `    ${storeLine(s.store)} ${HOW_PERSISTED[s.persisted as keyof typeof HOW_PERSISTED]}`),
    `  not persisted (${lost.length}):`,
    ...lost.map((s) => `    ${storeLine(s.store)}`),
  ];
}

function storeLine(store: StoreRecord): string {
  return storeText({ record: store.index, size: store.bytes.length, addr: `0x${store.addr.toString(16)}`, frames: store.frames });
}

/** A store as reports name it: its record, size, address and stack frames (without their code addresses), innermost first. */
export function storeText(store: { record: number; size: number; addr: string; frames: readonly string[] }): string {
  const frames = store.frames.map((f) => f.replace(/^0x[0-9a-fA-F]+: /, '')).join(' < ');
  return `record ${store.record}: STORE ${store.size} bytes at ${store.addr}${frames ? ` at ${frames}` : ''}`;
}

/** How a persisted store got to the media, in words. */
export const HOW_PERSISTED = { 'by-flush': 'by its flush, not yet fenced', 'by-eviction': 'by eviction (never flushed before the crash)' } as const;
