import { setAutoFreeze } from 'immer';
import type { Piece, Reporter } from '../report/events.js';
import { REPORTERS, type Format } from '../report/reporters.js';
import type { Io } from './io.js';
import { RunLimits, type SharedLimits } from './limits.js';
import { failureOf, type UnitFailure } from './unit-failure.js';
import { runUnit, type Unit, type UnitResults } from './unit.js';

/** What the main thread sends a worker thread: a unit, the command's format and its limits. */
export interface Task {
  readonly unit: Unit;
  readonly format: Format;
  readonly limits: SharedLimits;
}

/** What a worker thread sends back: the unit's result and the output it rendered, or its error. */
export type Outcome = { readonly result: UnitResults[Unit['kind']]; readonly pieces: readonly Piece[] } | { readonly failed: UnitFailure };

// As in main(): exploration never mutates a finished state, so freezing every state would only cost time.
setAutoFreeze(false);

/** The worker thread's entry (tinypool calls the default export): runs the unit with a reporter and streams that record its output. */
export default function work({ unit, format, limits }: Task): Outcome {
  const pieces: Piece[] = [];
  try {
    const result = runUnit(unit, { reporter: recorder(REPORTERS[format](), pieces), io: recordingIo(pieces), limits: RunLimits.of(limits) });
    return { result, pieces };
  } catch (e) {
    return { failed: failureOf(e) };
  }
}

/** A reporter that renders each event in `format`'s way into `pieces`, for the main thread to put. */
function recorder(format: Reporter, pieces: Piece[]): Reporter {
  return { write: (event) => void pieces.push(...format.render(event)), render: format.render, put: (rendered) => void pieces.push(...rendered) };
}

/** Streams whose lines become pieces, in order with the reporter's; progress goes straight to stderr as plain lines, since several units draw at once. */
function recordingIo(pieces: Piece[]): Io {
  return {
    out: (line) => void pieces.push({ stream: 'out', line }),
    err: (line) => void pieces.push({ stream: 'err', line }),
    progress: () => {},
    status: (line) => void process.stderr.write(`${line}\n`),
    interactive: false,
    // Signals reach the main thread, which stops the pool.
    stopRequested: () => undefined,
  };
}
