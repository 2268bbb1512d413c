import { UserError } from './errors.js';
import type { Value } from './ast.js';
import type { Cursor, Word } from './cursor.js';
import type { Token } from './lexer.js';
import { LIMITS } from './limits.js';
import { userError } from './messages.js';

const NUMBER = /^(0x[0-9A-Fa-f]+|[0-9]+)([KMG]?)$/;
const INTEGER = /^(0x[0-9A-Fa-f]+|[0-9]+)$/;
const SUFFIX: Readonly<Record<string, bigint>> = { '': 1n, K: 1n << 10n, M: 1n << 20n, G: 1n << 30n };

/** Reads an offset, length, size or count: decimal or 0x hex with an optional K, M or G suffix. */
export function number(cur: Cursor, what: string): number {
  const word = cur.word(`${what} (a number)`);
  return numberOf(word);
}

/** The safe integer a word such as `4K`, `0x10` or `2M` denotes. */
export function numberOf(word: Word): number {
  const match = NUMBER.exec(word.text);
  if (!match) throw malformed(word, 'decimal or 0x hex, optionally followed by K, M or G');
  const n = BigInt(match[1] as string) * (SUFFIX[match[2] as string] as bigint);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw userError('numberTooLarge', word.at, word.text);
  }
  if (n > BigInt(LIMITS.bytes)) throw userError('pastLimit', word.at, `'${word.text}' (${n} bytes)`, LIMITS.bytes);
  return Number(n);
}

/** The unbounded integer a word without suffix denotes: decimal or 0x hex. */
export function integerOf(word: Word): bigint {
  if (!INTEGER.test(word.text)) throw malformed(word, 'an integer, decimal or 0x hex');
  return BigInt(word.text);
}

/** Reads a byte 0..255, as in `fill=0xAB` or `0xAB*64`. */
export function byteOf(word: Word): number {
  if (!INTEGER.test(word.text)) throw malformed(word, 'a byte, decimal or 0x hex');
  const n = BigInt(word.text);
  if (n > 255n) throw userError('byteOutOfRange', word.at, word.text);
  return Number(n);
}

/** Reads a quoted string. */
export function string(cur: Cursor, what: string): string {
  return cur.peek().kind === 'string' ? cur.next().text : cur.fail(what);
}

/** Reads a VALUE: `0x2a`, `0x1:4`, `"text"` or `0xAB*64`. */
export function value(cur: Cursor): Value {
  if (cur.peek().kind === 'string') return { kind: 'str', text: bounded(cur.next()) };
  const word = cur.word('a value (an integer, a quoted string or 0xAB*COUNT)');
  if (cur.isPunct('*')) return repeat(cur, word);
  const n = integerOf(word);
  const width = cur.isPunct(':') ? widthAfterColon(cur) : 8;
  if (n >= 1n << BigInt(8 * width)) {
    throw userError('integerTooWide', word.at, word.text, width);
  }
  return { kind: 'int', value: n, width };
}

function repeat(cur: Cursor, byteWord: Word): Value {
  const byte = byteOf(byteWord);
  cur.punct('*');
  const countWord = cur.word("a repeat count after '*'");
  const count = numberOf(countWord);
  if (count < 1) throw userError('repeatCount', countWord.at, countWord.text);
  if (count > LIMITS.valueBytes) throw userError('pastLimit', countWord.at, `a value of ${count} bytes`, LIMITS.valueBytes);
  return { kind: 'repeat', byte, count };
}

/** A quoted string's text, refused past the limit of a value's bytes. */
function bounded(token: Token): string {
  const bytes = Buffer.byteLength(token.text, 'utf8');
  if (bytes > LIMITS.valueBytes) throw userError('pastLimit', token.at, `a value of ${bytes} bytes`, LIMITS.valueBytes);
  return token.text;
}

function widthAfterColon(cur: Cursor): number {
  cur.punct(':');
  const word = cur.word("a width in bytes (1..8) after ':'");
  const width = /^[0-9]+$/.test(word.text) ? Number(word.text) : NaN;
  if (!(width >= 1 && width <= 8)) throw userError('width', word.at, word.text);
  return width;
}

function malformed(word: Word, expected: string): UserError {
  return userError('malformedNumber', word.at, word.text, expected);
}
