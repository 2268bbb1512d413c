import type { ConfigEntry, Decl, Pos } from './ast.js';
import type { Cursor } from './cursor.js';
import { byteOf, number, string } from './values.js';
import { userError } from './messages.js';

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

interface OptionTable<T> {
  readonly what: string;
  readonly expected: string;
  readonly options: Readonly<Record<string, Option<T>>>;
}

const FILE_OPTIONS: OptionTable<FileDecl> = {
  what: 'file option',
  expected: 'size=N, written, unwritten, hole, dax, nodax, fill=0xAB or content="..."',
  options: {
    size: { group: 'size', read: (c) => ({ size: assignedNumber(c, 'size') }) },
    written: { group: 'state', read: () => ({ state: 'written' }) },
    unwritten: { group: 'state', read: () => ({ state: 'unwritten' }) },
    hole: { group: 'state', read: () => ({ state: 'hole' }) },
    dax: { group: 'dax', read: () => ({ dax: true }) },
    nodax: { group: 'dax', read: () => ({ dax: false }) },
    fill: { group: 'content', read: (c) => ({ content: { kind: 'fill', byte: fillByte(c) } }) },
    content: { group: 'content', read: (c) => ({ content: { kind: 'content', text: quoted(c) } }) },
  },
};

const DEVICE_OPTIONS: OptionTable<DeviceDecl> = {
  what: 'device option',
  expected: 'size=N or align=N',
  options: {
    size: { group: 'size', read: (c) => ({ size: assignedNumber(c, 'size') }) },
    align: { group: 'align', read: (c) => ({ align: assignedNumber(c, 'align') }) },
  },
};

/** The option words of `file` and `device` declarations, for the language's documentation. */
export const DECLARATION_OPTIONS = { file: Object.keys(FILE_OPTIONS.options), device: Object.keys(DEVICE_OPTIONS.options) } as const;

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
  const options = parseOptions(cur, FILE_OPTIONS);
  return { decl: 'file', at, name: name.text, size: requireSize(options.size, name.text, at), ...options };
}

/** Reads `device NAME size=N [align=N]`. */
export function parseDevice(cur: Cursor): Decl {
  const at = cur.keyword('device');
  const name = cur.name('a device name');
  const options = parseOptions(cur, DEVICE_OPTIONS);
  return { decl: 'device', at, name: name.text, size: requireSize(options.size, name.text, at), ...options };
}

function requireSize(size: number | undefined, name: string, at: Pos): number {
  if (size === undefined) throw userError('missingSize', at, name);
  return size;
}

/** Reads option words to the end of the line, each group at most once. */
function parseOptions<T>(cur: Cursor, table: OptionTable<T>): Partial<T> {
  const seen = new Map<string, string>();
  let out: Partial<T> = {};
  while (!cur.atEol()) out = { ...out, ...readOption(cur, table, seen) };
  cur.eol();
  return out;
}

/** Reads one option; `seen` maps each group already given to the word that gave it. */
function readOption<T>(cur: Cursor, table: OptionTable<T>, seen: Map<string, string>): Partial<T> {
  const word = cur.word(`a ${table.what} (${table.expected})`);
  const option = table.options[word.text];
  if (option === undefined) {
    throw userError('unknownOption', word.at, table.what, word.text, table.expected);
  }
  const previous = seen.get(option.group);
  if (previous !== undefined) {
    throw userError('optionTwice', word.at, word.text, previous, table.what);
  }
  seen.set(option.group, word.text);
  return option.read(cur);
}
