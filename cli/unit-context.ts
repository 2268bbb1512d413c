import type { Reporter } from '../report/events.js';
import type { Io } from './io.js';
import type { RunLimits } from './limits.js';

/**
 * Where a unit of work writes and what limits it: the command's own reporter, streams and limits
 * when it runs in-process, stand-ins that record its output when it runs in a worker thread.
 */
export interface UnitContext {
  readonly reporter: Reporter;
  readonly io: Io;
  readonly limits: RunLimits;
}
