import fc from 'fast-check';
import { edit, type Edit } from './edit.js';

/** A number as the litmus lexer reads one: decimal or 0x hex, with an optional K, M or G. */
export const NUMBER = /(?<![\w.])(?:0x[0-9A-Fa-f]+|\d+)[KMG]?(?![\w.])/g;
/** A word that is not a number: a keyword, name, flag or configuration key or value. */
const WORD = /(?<![\w.])[A-Za-z_][\w.]*/g;
/** Anything between spaces: where an insertion starts. */
const TOKEN = /\S+/g;

/** Numbers that are huge, zero, negative, hex, suffixed or malformed, each just inside or past a limit. */
const ODD_NUMBERS = [
  ...['9007199254740991', '9007199254740992', '18446744073709551616', '99999999999999999999999', '4294967296'],
  ...['4M', '4194304', '4194305', '5M', '1G', '4096G', '0xFFFFFFFFFFFFFFFF', '0x100000000', '65536', '65537'],
  ...['0', '00', '0x0', '0K', '-1', '-0', '-4096', '-0x1', '0x', '0X10', '0xg', '0x1', '0xfff'],
  ...['4K', '1M', '2G', '1T', '3KK', '0x10K', '1k', '8KB', '1.5K', '1.5', '1e3', '08', '1_000', 'NaN'],
];

/** Words that mean nothing here, or something only in another place of a test. */
const ODD_WORDS = [
  ...['frob', 'MAP_FROB', 'O_FROB', 'KEEP', 'MS_FROB', 'EFROB', 'frob.bin', '_', 'x.y.z'],
  ...['daxcheck', 'config', 'program', 'observe', 'exists', 'forall', 'after', 'before', 'at', 'end', 'as', 'str'],
  ...['size', 'align', 'fill', 'content', 'written', 'dax', 'longterm', 'MAP_SYNC', 'O_DIRECT', 'SIGBUS', 'mmap', 'load', 'pin'],
];

const index = fc.nat(400);
const depth = fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(64, 65, 256, 257, 100_000));

/** What an insertion adds: deep nesting, long conjunctions, odd words, arbitrary characters. */
const snippet: fc.Arbitrary<string> = fc.oneof(
  depth.map((n) => '('.repeat(n)),
  depth.map((n) => '~'.repeat(n)),
  depth.map((n) => `${'('.repeat(n)}x=0${')'.repeat(n)}`),
  depth.map((n) => Array<string>(n).fill('x=0').join(' /\\ ')),
  depth.map((n) => ' \\/ x=1'.repeat(n)),
  fc.constantFrom(...ODD_WORDS, ...ODD_NUMBERS, '=', '=>', '[', ']', ':', '|', '*', '"', '(*', '*)', '\\', '\t', '\r', '\0', '\uFEFF'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Replaces the `i`-th match of `pattern` (modulo their number) with `by`; no match leaves the text. */
function replaceMatch(text: string, pattern: RegExp, i: number, by: (found: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = matches[i % matches.length]!;
  return text.slice(0, m.index) + by(m[0]) + text.slice(m.index + m[0].length);
}

const replaceNumber = fc.tuple(index, fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.bigInt({ min: 0n, max: 1n << 70n }).map(String))).map(([i, n]) =>
  edit<string>(`number #${i} becomes ${n}`, (text) => replaceMatch(text, NUMBER, i, () => n)),
);

const replaceWord = fc.tuple(index, fc.constantFrom(...ODD_WORDS)).map(([i, w]) => edit<string>(`word #${i} becomes ${w}`, (text) => replaceMatch(text, WORD, i, () => w)));

const deleteToken = index.map((i) => edit<string>(`delete token #${i}`, (text) => replaceMatch(text, TOKEN, i, () => '')));

const insert = fc.tuple(index, snippet).map(([i, s]) =>
  edit<string>(`insert ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...(${s.length} chars)` : s)} before token #${i}`, (text) =>
    replaceMatch(text, TOKEN, i, (found) => `${s} ${found}`),
  ),
);

/** Token-level edits of a litmus text: odd numbers and words, a deleted token, an insertion. */
export const tokenEdit: fc.Arbitrary<Edit<string>> = fc.oneof(replaceNumber, replaceWord, deleteToken, insert);
