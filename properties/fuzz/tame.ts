import { numberOf } from '../../lang/values.js';
import { NUMBER } from './token-edits.js';

/**
 * The most bytes a tamed mutant observes at once or writes in one value. The explorer's work grows
 * with the lines an observation reads (their crash states multiply) and with the pieces a value
 * splits into (each is a crash point), so a mutant within the documented limits can still run for
 * minutes; the fuzzer keeps to small tests, whose runs take milliseconds, and leaves large ones to
 * the run limits (`--max-evaluations`, `--timeout`).
 */
export const TAME_BYTES = 64;

/** The largest size, offset or length of a tamed mutant: the model keeps state per byte of a file, and a 4 MiB file takes seconds and a gigabyte. */
export const TAME_SIZE = 64 << 10;

/** An observed range's length: `observe NAME = TARGET[OFF:LEN]`. */
const OBSERVED_LENGTH = /(^[ \t]*observe\b[^\n[]*\[[^\n:\]]*:)([^\n\]\s]+)/gm;
/** A repeated value's count: `0xAB*COUNT`. */
const REPEAT_COUNT = /(\*[ \t]*)([0-9][\w]*)/g;

/**
 * `text` with every number above `TAME_SIZE`, then every observed length and repeat count above
 * `TAME_BYTES`, lowered to it; a number past the limits, or malformed, is left for the parser to refuse.
 */
export function tame(text: string): string {
  const inBytes = (_: string, before: string, n: string) => before + lowered(n, TAME_BYTES);
  return text.replace(NUMBER, (n) => lowered(n, TAME_SIZE)).replace(OBSERVED_LENGTH, inBytes).replace(REPEAT_COUNT, inBytes);
}

/** `n`, or `bound` if `n` denotes more. */
function lowered(n: string, bound: number): string {
  return denotes(n) > bound ? String(bound) : n;
}

/** The number the parser reads in `text`, or 0 when it refuses it. */
function denotes(text: string): number {
  try {
    return numberOf({ kind: 'word', text, at: { line: 1, col: 1 } });
  } catch {
    return 0;
  }
}
