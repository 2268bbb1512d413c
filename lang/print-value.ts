import type { Value } from './ast.js';

const SUFFIXES = [
  ['G', 2 ** 30],
  ['M', 2 ** 20],
  ['K', 2 ** 10],
] as const;

/** An offset, length, size or count: the largest exact K/M/G suffix (`4K`, `2M`), else decimal. */
export function printNumber(n: number): string {
  const suffix = n === 0 ? undefined : SUFFIXES.find(([, unit]) => n % unit === 0);
  return suffix === undefined ? String(n) : `${n / suffix[1]}${suffix[0]}`;
}

/** An integer: decimal below 10, else lowercase hex (`0x2a`). */
export function printInt(n: bigint): string {
  return n < 10n ? n.toString() : `0x${n.toString(16)}`;
}

/** A byte as two lowercase hex digits: `0x0a`. */
export function printByte(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** A quoted string; `"`, `\`, newline and tab use named escapes, other control characters `\xHH`. */
export function printString(text: string): string {
  return `"${text.replace(/["\\\x00-\x1f]/g, escape)}"`;
}

function escape(c: string): string {
  const named: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t' };
  return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** A VALUE: `0x2a`, `0x1:4`, `"text"` or `0xab*64`. */
export function printValue(value: Value): string {
  if (value.kind === 'str') return printString(value.text);
  if (value.kind === 'repeat') return `${printByte(value.byte)}*${printNumber(value.count)}`;
  return value.width === 8 ? printInt(value.value) : `${printInt(value.value)}:${value.width}`;
}
