import type { TraceRecord } from '../lang/trace/records.js';
import type { PersistContext } from '../model/x86/persist.js';
import type { Layout } from './layout.js';
import { TraceMachine, type CrashAt, type CrashPoint } from './machine.js';

/**
 * The crash point explored at record `record`, as the run reached it, or undefined when the run
 * explores none there: the records after it are not read. The point is a copy (the x86 rules replace
 * the CPU state's arrays and its durable map rather than change them), so it stays valid.
 */
export function crashPointAt(records: Iterable<TraceRecord>, layout: Layout, ctx: PersistContext, crashAt: CrashAt, record: number): CrashPoint | undefined {
  let found: CrashPoint | undefined;
  const machine = new TraceMachine(layout, ctx, crashAt, (point) => {
    if (point.record === record) found = { ...point, cpu: { ...point.cpu }, lines: new Set(point.lines), stores: new Map(point.stores) };
  });
  for (const r of records) {
    machine.apply(r);
    if (r.index >= record) break;
  }
  return found;
}
