import { UserError } from '../../model/errors.js';
import type { ConfigEntry, Decl, Pos } from '../../model/program.js';
import type { Cursor } from './cursor.js';
import { byteOf, number, string } from './values.js';

type FileDecl = Extract<Decl, { decl: 'file' }>;
type DeviceDecl = Extract<Decl, { decl: 'device' }>;

/** One option word of a declaration; options of the same group may appear only once in total. */
interface Option<T> {
  readonly group: string;
  readonly read: (cur: Cursor) => Partial<T>;
}

/** `size=N`, `align=N`: the `=` and a number. */
function assignedNumber(cur: Cursor, key: string): number {
  cur.punct('=');
  return number(cur, `a number after '${key}='`);
}

const FILE_OPTIONS: Readonly<Record<string, Option<FileDecl>>> = {
  size: { group: 'size', read: (c) => ({ size: assignedNumber(c, 'size') }) },
  written: { group: 'state', read: () => ({ state: 'written' }) },
  unwritten: { group: 'state', read: () => ({ state: 'unwritten' }) },
  hole: { group: 'state', read: () => ({ state: 'hole' }) },
  dax: { group: 'dax', read: () => ({ dax: true }) },
  nodax: { group: 'dax', read: () => ({ dax: false }) },
  fill: { group: 'content', read: (c) => ({ content: { kind: 'fill', byte: fillByte(c) } }) },
  content: { group: 'content', read: (c) => ({ content: { kind: 'content', text: quoted(c) } }) },
};
const FILE_EXPECTED = 'size=N, written, unwritten, hole, dax, nodax, fill=0xAB or content="..."';

const DEVICE_OPTIONS: Readonly<Record<string, Option<DeviceDecl>>> = {
  size: { group: 'size', read: (c) => ({ size: assignedNumber(c, 'size') }) },
  align: { group: 'align', read: (c) => ({ align: assignedNumber(c, 'align') }) },
};

function fillByte(cur: Cursor): number {
  cur.punct('=');
  return byteOf(cur.word("a byte after 'fill='"));
}

function quoted(cur: Cursor): string {
  cur.punct('=');
  return string(cur, "a quoted string after 'content='");
}

/** Reads `config KEY=VALUE ...` (at least one pair) to the end of the line. */
export function parseConfig(cur: Cursor): ConfigEntry[] {
  cur.keyword('config');
  const entries = [configEntry(cur)];
  while (!cur.atEol()) entries.push(configEntry(cur));
  cur.eol();
  return entries;
}

function configEntry(cur: Cursor): ConfigEntry {
  const key = cur.word('KEY=VALUE');
  cur.punct('=');
  const value = cur.word(`a value after '${key.text}='`);
  return { at: key.at, key: key.text, value: value.text };
}

/** Reads `file NAME size=N [written|unwritten|hole] [dax|nodax] [fill=0xAB|content="..."]`. */
export function parseFile(cur: Cursor): Decl {
  const at = cur.keyword('file');
  const name = cur.name('a file name');
  const options = parseOptions(cur, FILE_OPTIONS, 'file option', FILE_EXPECTED);
  return { decl: 'file', at, name: name.text, size: requireSize(options.size, name.text, at), ...options };
}

/** Reads `device NAME size=N [align=N]`. */
export function parseDevice(cur: Cursor): Decl {
  const at = cur.keyword('device');
  const name = cur.name('a device name');
  const options = parseOptions(cur, DEVICE_OPTIONS, 'device option', 'size=N or align=N');
  return { decl: 'device', at, name: name.text, size: requireSize(options.size, name.text, at), ...options };
}

function requireSize(size: number | undefined, name: string, at: Pos): number {
  if (size === undefined) throw new UserError(`missing size=N in the declaration of '${name}'`, at);
  return size;
}

/** Reads option words to the end of the line, each group at most once. */
function parseOptions<T>(cur: Cursor, table: Readonly<Record<string, Option<T>>>, what: string, expected: string): Partial<T> {
  const seen = new Map<string, string>();
  let out: Partial<T> = {};
  while (!cur.atEol()) {
    const word = cur.word(`a ${what} (${expected})`);
    const option = table[word.text];
    if (option === undefined) throw new UserError(`unknown ${what} '${word.text}' (expected ${expected})`, word.at);
    const previous = seen.get(option.group);
    if (previous !== undefined) throw new UserError(`'${word.text}' cannot follow '${previous}' (each kind of ${what} at most once)`, word.at);
    seen.set(option.group, word.text);
    out = { ...out, ...option.read(cur) };
  }
  cur.eol();
  return out;
}
