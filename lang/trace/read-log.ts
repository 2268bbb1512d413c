import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { message, userError } from '../messages.js';
import { UserError } from '../errors.js';
import { parseRecord, RecordProblem, type ParsedRecord } from './parse-record.js';
import type { TraceRecord } from './records.js';

const CHUNK = 1 << 16;

/**
 * The records of the pmemcheck store log `log`, read in chunks as they are consumed, so a log of
 * any length is read in constant memory. A malformed record, an unknown one, crossed markers or a
 * log that does not run from START to STOP is a user error `LOG:RECORD: message`.
 */
export function readLog(log: string): Generator<TraceRecord> {
  return recordsOf(chunksOf(log), log);
}

/** Records are separated by `|`, and by line ends. */
const SEPARATOR = /[|\n]/;

/** The records of a log given as text chunks (`log` names it in errors). */
export function* recordsOf(chunks: Iterable<string>, log: string): Generator<TraceRecord> {
  const sequence = new Sequence(log);
  let rest = '';
  let index = 0;
  for (const chunk of chunks) {
    const parts = (rest + chunk).split(SEPARATOR);
    rest = parts.pop()!;
    for (const part of parts) {
      const text = clean(part);
      if (text !== '') yield sequence.next(text, ++index);
    }
  }
  const text = clean(rest);
  if (text !== '') yield sequence.next(text, ++index);
  sequence.end();
}

/** A record's text without the spaces around it and, on a line's first record, valgrind's `==PID== `. */
function clean(part: string): string {
  const text = part.trim();
  return text.startsWith('==') ? text.replace(/^==\d+==\s+/, '') : text;
}

/** What the reader checks across records: START first, STOP last, markers nested. */
class Sequence {
  private started = false;
  private stopped = false;
  private last = 0;
  private readonly open: string[] = [];
  constructor(private readonly log: string) {}

  next(text: string, index: number): TraceRecord {
    this.last = index;
    const record = this.parse(text, index);
    if (this.stopped) throw this.error(index, message('recordAfterStop'));
    if (!this.started && record.kind !== 'start') throw this.error(index, message('logNoStart', text));
    if (this.started && record.kind === 'start') throw this.error(index, message('startTwice'));
    this.started = true;
    this.stopped = record.kind === 'stop';
    return record.kind === 'marker' ? { ...record, open: this.nest(record.name, record.edge, index) } : record;
  }

  end(): void {
    if (!this.stopped) throw this.error(this.last, message('logNoStop'));
  }

  private parse(text: string, index: number): ParsedRecord {
    try {
      return parseRecord(text, index);
    } catch (e) {
      if (e instanceof RecordProblem) throw this.error(index, e.message);
      throw e;
    }
  }

  /** pmreorder's rule (operationfactory.py check_pair_consistency): an END closes the innermost open marker. */
  private nest(name: string, edge: 'begin' | 'end', index: number): readonly string[] {
    if (edge === 'begin') this.open.push(name);
    else if (this.open.length === 0) throw this.error(index, message('markerNotOpen', name));
    else if (this.open.at(-1) !== name) throw this.error(index, message('markersCross', name, this.open.at(-1)!));
    else this.open.pop();
    return [...this.open];
  }

  private error(index: number, detail: string): UserError {
    return userError('logRecord', undefined, this.log, index, detail);
  }
}

function* chunksOf(file: string): Generator<string> {
  const decoder = new StringDecoder('utf8');
  for (const bytes of logBytes(file)) yield decoder.write(bytes);
  yield decoder.end();
}

/** The bytes of log `file` in chunks of 64 KiB, each valid only until the next is asked for: a log of any length in constant memory. */
export function* logBytes(file: string): Generator<Buffer> {
  const fd = openLog(file);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function openLog(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw userError('logUnreadable', undefined, file, code === 'ENOENT' ? message('noSuchFile') : message('cannotRead', code));
  }
}
