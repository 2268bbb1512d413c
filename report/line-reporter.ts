import type { Piece, Reporter, ReportEvent, ReportSink } from './events.js';

/** Writes the line pieces to their streams. */
export function putLines(pieces: readonly Piece[], sink: ReportSink): void {
  for (const piece of pieces) if ('line' in piece) sink[piece.stream](piece.line);
}

/** A reporter of a line-oriented format, made from how it writes one event: its pieces are the lines that writes. */
export function lineReporter({ write }: Pick<Reporter, 'write'>): Reporter {
  return {
    write,
    render(event) {
      const pieces: Piece[] = [];
      write(event, { out: (line) => void pieces.push({ stream: 'out', line }), err: (line) => void pieces.push({ stream: 'err', line }) });
      return pieces;
    },
    put: putLines,
  };
}
