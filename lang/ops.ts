import { FALLOCATE_MODES, MAP_FLAGS, MSYNC_FLAGS, WRITE_FLAGS } from './ast.js';
import type { Failure, MapFlag, Op, OpName, WriteFlag } from './ast.js';
import { OPERATIONS, type AssigningOpName, type PlainOpName } from './operations.js';
import type { Cursor } from './cursor.js';
import { number, value } from './values.js';
import { userError } from './messages.js';

type PlainParser = (cur: Cursor) => Op;
type AssigningParser = (cur: Cursor, dst: string) => Op;

const file = (cur: Cursor): string => cur.name('a file name').text;
const map = (cur: Cursor): string => cur.name('a mapping name').text;
const off = (cur: Cursor): number => number(cur, 'an offset');
const len = (cur: Cursor): number => number(cur, 'a length');
const pin = (cur: Cursor): string => cur.name('a pin name').text;

/** `m[OFF]`: a mapping and a byte offset in it. */
function address(cur: Cursor): { map: string; off: number } {
  const name = map(cur);
  cur.punct('[');
  const offset = off(cur);
  cur.punct(']');
  return { map: name, off: offset };
}

/** Reads one word that must be one of `options`. */
function oneOf<T extends string>(cur: Cursor, options: readonly T[], what: string): T {
  const word = cur.word(`${what} (one of ${options.join(', ')})`);
  if (options.includes(word.text as T)) return word.text as T;
  throw userError('unknownWord', word.at, what, word.text, options);
}

/** Reads an optional trailing word that must be one of `options`. */
function optional<T extends string>(cur: Cursor, options: readonly T[], what: string): T | undefined {
  return cur.isWord() ? oneOf(cur, options, what) : undefined;
}

/** Reads one more flag into `out`, refusing a repeated one. */
function addFlag<T extends string>(cur: Cursor, out: T[], options: readonly T[], what: string): void {
  const at = cur.peek().at;
  const flag = oneOf(cur, options, what);
  if (out.includes(flag)) throw userError('duplicateWord', at, what, flag);
  out.push(flag);
}

/** `[O_DIRECT] [O_DSYNC] [O_SYNC]`, in written order. */
function writeFlags(cur: Cursor): WriteFlag[] {
  const out: WriteFlag[] = [];
  while (cur.isWord()) addFlag(cur, out, WRITE_FLAGS, 'write flag');
  return out;
}

/** `MAP_SHARED|MAP_SYNC`: one or more flags joined by `|`, in written order. */
function mapFlags(cur: Cursor): MapFlag[] {
  const out: MapFlag[] = [];
  addFlag(cur, out, MAP_FLAGS, 'mapping flag');
  while (cur.accept('|')) addFlag(cur, out, MAP_FLAGS, 'mapping flag');
  return out;
}

const fallocateMode = (c: Cursor) => optional(c, FALLOCATE_MODES, 'fallocate mode');
const msyncFlag = (c: Cursor) => optional(c, MSYNC_FLAGS, 'msync flag');
const advice = (c: Cursor) => oneOf(c, ['MADV_DIRECT_ACCESS'] as const, 'advice');
const longterm = (c: Cursor): boolean => optional(c, ['longterm'] as const, 'pin option') !== undefined;

function mmap(cur: Cursor, dst: string): Op {
  const base = { op: 'mmap', dst, file: file(cur), off: off(cur), len: len(cur) } as const;
  const flags = mapFlags(cur);
  if (!cur.acceptWord('at')) return { ...base, flags };
  cur.punct('=');
  return { ...base, flags, atMap: cur.name("a mapping name after 'at='").text };
}

function daxctl(cur: Cursor): Op {
  const base = { op: 'daxctl', file: file(cur) } as const;
  const mode = oneOf(cur, ['STATIC', 'NONE'] as const, 'daxctl mode');
  if (mode === 'NONE' || !cur.acceptWord('align')) return { ...base, mode };
  cur.punct('=');
  return { ...base, mode, align: number(cur, "an alignment after 'align='") };
}

/** A parser for every operation written `op ...` (a missing one is a compile error). */
const PLAIN: { readonly [K in PlainOpName]: PlainParser } = {
  create: (c) => ({ op: 'create', file: file(c) }),
  unlink: (c) => ({ op: 'unlink', file: file(c) }),
  rename: (c) => ({ op: 'rename', from: file(c), to: file(c) }),
  write: (c) => ({ op: 'write', file: file(c), off: off(c), value: value(c), flags: writeFlags(c) }),
  fallocate: (c) => ({ op: 'fallocate', file: file(c), off: off(c), len: len(c), mode: fallocateMode(c) }),
  truncate: (c) => ({ op: 'truncate', file: file(c), len: len(c) }),
  fsync: (c) => ({ op: 'fsync', file: file(c) }),
  fdatasync: (c) => ({ op: 'fdatasync', file: file(c) }),
  sync: () => ({ op: 'sync' }),
  munmap: (c) => ({ op: 'munmap', map: map(c) }),
  msync: (c) => ({ op: 'msync', map: map(c), off: off(c), len: len(c), flag: msyncFlag(c) }),
  madvise: (c) => ({ op: 'madvise', map: map(c), off: off(c), len: len(c), advice: advice(c) }),
  store: (c) => ({ op: 'store', ...address(c), value: value(c) }),
  ntstore: (c) => ({ op: 'ntstore', ...address(c), value: value(c) }),
  clflush: (c) => ({ op: 'clflush', ...address(c) }),
  clflushopt: (c) => ({ op: 'clflushopt', ...address(c) }),
  clwb: (c) => ({ op: 'clwb', ...address(c) }),
  sfence: () => ({ op: 'sfence' }),
  mfence: () => ({ op: 'mfence' }),
  lfence: () => ({ op: 'lfence' }),
  xchg: (c) => ({ op: 'xchg', ...address(c), value: value(c) }),
  daxctl,
  reflink: (c) => ({ op: 'reflink', dst: file(c), src: file(c) }),
  dma: (c) => ({ op: 'dma', pin: pin(c), off: off(c), value: value(c) }),
  unpin: (c) => ({ op: 'unpin', pin: pin(c) }),
};

/** A parser for every operation written `NAME = op ...`. */
const ASSIGNING: { readonly [K in AssigningOpName]: AssigningParser } = {
  mmap,
  load: (c, dst) => ({ op: 'load', dst, ...address(c), size: c.isWord() ? number(c, 'a size') : undefined }),
  pin: (c, dst) => ({ op: 'pin', dst, map: map(c), off: off(c), len: len(c), longterm: longterm(c) }),
};

/** Every operation in DESIGN order, as the message for an unknown one lists them. */
const ALL_OPS = [
  ...Object.entries(OPERATIONS).flatMap(([name, form]) => (form === 'plain' ? [name] : form === 'assigning' ? [`NAME = ${name}`] : [])),
  'or a label NAME:',
].join(', ');

/** Reads one line of the `program` section, including its `=> ERRNO` annotation and line end. */
export function parseOp(cur: Cursor): Op {
  const at = cur.peek().at;
  const body = cur.isPunct(':', 1) ? label(cur) : cur.isPunct('=', 1) ? assignment(cur) : plain(cur);
  const fails = body.op !== 'label' && cur.isPunct('=>') ? failure(cur) : undefined;
  if (!cur.atEol()) cur.fail(body.op === 'label' ? 'end of line after a label' : "'=> ERRNO' or end of line");
  cur.eol();
  // One object built key by key: spreading it into a literal with `at` gave each op a hidden class of its own (about 200 bytes).
  return withoutUndefined({ ...body, fails, at });
}

function label(cur: Cursor): Op {
  const name = cur.simpleName('a label name (letters, digits and _)').text;
  cur.punct(':');
  return { op: 'label', name };
}

function assignment(cur: Cursor): Op {
  const dst = cur.name('a name for the result').text;
  cur.punct('=');
  const word = cur.peek();
  const parse = word.kind === 'word' && isForm(word.text, 'assigning') ? ASSIGNING[word.text] : undefined;
  if (parse === undefined) cur.fail("mmap, load or pin after 'NAME ='");
  cur.next();
  return parse(cur, dst);
}

function plain(cur: Cursor): Op {
  const word = cur.peek();
  const parse = word.kind === 'word' && isForm(word.text, 'plain') ? PLAIN[word.text] : undefined;
  if (parse === undefined) cur.fail(`an operation (${ALL_OPS})`);
  cur.next();
  return parse(cur);
}

function isForm<F extends 'plain' | 'assigning'>(word: string, form: F): word is F extends 'plain' ? PlainOpName : AssigningOpName {
  return Object.hasOwn(OPERATIONS, word) && OPERATIONS[word as OpName] === form;
}

function failure(cur: Cursor): Failure {
  cur.punct('=>');
  const word = cur.word('an errno name (like EINVAL) or SIGBUS after \'=>\'');
  if (word.text === 'SIGBUS') return { kind: 'signal', name: 'SIGBUS' };
  if (/^E[A-Z0-9]+$/.test(word.text)) return { kind: 'errno', name: word.text };
  return cur.fail("an errno name (like EINVAL) or SIGBUS after '=>'", word);
}

/** Drops optional fields the parser left undefined, so parsed ops have only the fields written. */
function withoutUndefined(op: Op): Op {
  return Object.fromEntries(Object.entries(op).filter(([, v]) => v !== undefined)) as Op;
}
