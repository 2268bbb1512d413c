import type { Value } from '../../lang/ast.js';

/** Cache line size on x86 (Intel SDM vol. 3A §12.1.1 [formerly §11.1.1], "64-byte cache lines"). */
export const LINE = 64;
/** Page and filesystem block size. */
export const PAGE = 4096;
/**
 * Largest failure-atomic store: aligned accesses of up to a quadword are atomic (Intel SDM vol. 3A
 * §9.1.1 [formerly §8.1.1], "Guaranteed Atomic Operations").
 */
export const ATOMIC = 8;

/** One failure-atomic piece of a store: `bytes` at media or memory address `addr`, within one aligned quadword. */
export interface Piece {
  readonly addr: number;
  readonly bytes: readonly number[];
}

/** The bytes a value stands for: integers little-endian in their width, strings as UTF-8. */
export function valueBytes(value: Value): number[] {
  switch (value.kind) {
    case 'int':
      return Array.from({ length: value.width }, (_, i) => Number((value.value >> BigInt(8 * i)) & 0xffn));
    case 'str':
      return [...Buffer.from(value.text, 'utf8')];
    case 'repeat':
      return new Array<number>(value.count).fill(value.byte);
  }
}

/**
 * Splits a store of `bytes` at `addr` into failure-atomic pieces: it is cut at every 8-byte
 * boundary, so each piece lies inside one aligned quadword (DESIGN 1.1: "a larger store is a
 * sequence of aligned <=8-byte stores in address order").
 */
export function splitPieces(addr: number, bytes: readonly number[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < bytes.length) {
    const next = Math.min(bytes.length, at + ATOMIC - ((addr + at) % ATOMIC));
    pieces.push({ addr: addr + at, bytes: bytes.slice(at, next) });
    at = next;
  }
  return pieces;
}

/** The cache line that holds `addr`. */
export function lineOf(addr: number): number {
  return Math.floor(addr / LINE);
}
