import type { TraceRecord } from '../lang/trace/records.js';
import type { PersistContext } from '../model/x86/persist.js';
import type { Layout } from './layout.js';
import { TraceMachine, type CrashAt, type CrashPoint } from './machine.js';

/** The crash point at record `record`, as the run reached it, or undefined when that record makes none: the records after it are not read. */
export function crashPointAt(records: Iterable<TraceRecord>, layout: Layout, ctx: PersistContext, crashAt: CrashAt, record: number): CrashPoint | undefined {
  const machine = new TraceMachine(layout, ctx, crashAt, () => {});
  for (const r of records) {
    if (r.index === record) return machine.pointAt(r);
    machine.apply(r);
  }
  return undefined;
}
