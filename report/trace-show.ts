import { checkerName } from '../trace/judge-of.js';
import type { TraceCounterexample } from './trace-counterexample.js';
import { HOW_PERSISTED, storeText } from './trace-report.js';

/**
 * `daxcheck show` of a trace counterexample: where the crash was, what the checker said, and the
 * stores in flight in three groups: those the crash state persisted (and how), those that may persist
 * or not with the checker failing all the same, and those that must not have persisted.
 */
export function showTrace(cx: TraceCounterexample): string[] {
  const group = (p: TraceCounterexample['stores'][number]['persisted'][]) => cx.stores.filter((s) => p.includes(s.persisted));
  const persisted = group(['by-flush', 'by-eviction']);
  const either = group(['either']);
  const lost = group(['no']);
  const { crashPoint: point } = cx;
  return [
    `${cx.name}: the checker found the crash image inconsistent${cx.verdict.detail ? `: ${cx.verdict.detail}` : ''}`,
    `log ${cx.log.path} (platform ${cx.platform}), checker ${checkerName(cx.checker)}`,
    `crash ${point.at === 'fence' || point.at === 'store' ? 'before' : 'at'} record ${point.record} (${point.at}), markers ${point.markers.join('|') || '-'}`,
    ...(cx.stores.length === 0 ? ['', 'stores in flight: not told apart on eADR (one store-buffer prefix spans the lines)'] : [
      '',
      `persisted (${persisted.length}):`,
      ...persisted.map((s) => `  ${storeText(s)} ${HOW_PERSISTED[s.persisted as keyof typeof HOW_PERSISTED]}`),
      `persisted or not, the checker fails either way (${either.length}):`,
      ...either.map((s) => `  ${storeText(s)}`),
      `not persisted (${lost.length}):`,
      ...lost.map((s) => `  ${storeText(s)}`),
      '',
      'why',
      `  ${why(persisted, lost)}`,
    ]),
  ];
}

function why(persisted: TraceCounterexample['stores'], lost: TraceCounterexample['stores']): string {
  const evicted = persisted.some((s) => s.persisted === 'by-eviction');
  const first = lost[0];
  const after = first ? ` while record ${first.record} had not` : '';
  return evicted
    ? `a store never flushed reached the media by eviction${after}: nothing orders an unflushed store, so flush and fence what it depends on first`
    : `a flushed store reached the media${after}: a flush alone orders nothing until its fence, so fence between what must persist first and what depends on it`;
}
