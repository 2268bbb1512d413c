import { numberOf } from '../../lang/values.js';

/**
 * The most bytes a tamed mutant observes at once or writes in one value. The explorer's work grows
 * with the lines an observation reads (their crash states multiply) and with the pieces a value
 * splits into (each is a crash point), so a mutant within the documented limits can still run for
 * minutes; the fuzzer keeps to small tests, whose runs take milliseconds, and leaves large ones to
 * the run limits (`--max-evaluations`, `--timeout`).
 */
export const TAME_BYTES = 64;

/** An observed range's length: `observe NAME = TARGET[OFF:LEN]`. */
const OBSERVED_LENGTH = /(^[ \t]*observe\b[^\n[]*\[[^\n:\]]*:)([^\n\]\s]+)/gm;
/** A repeated value's count: `0xAB*COUNT`. */
const REPEAT_COUNT = /(\*[ \t]*)([0-9][\w]*)/g;

/** `text` with every observed length and repeat count above `TAME_BYTES` lowered to it; anything malformed is left for the parser to refuse. */
export function tame(text: string): string {
  return text.replace(OBSERVED_LENGTH, lower).replace(REPEAT_COUNT, lower);
}

function lower(_: string, before: string, count: string): string {
  return before + (denotes(count) > TAME_BYTES ? String(TAME_BYTES) : count);
}

/** The number the parser reads in `text`, or 0 when it refuses it. */
function denotes(text: string): number {
  try {
    return numberOf({ kind: 'word', text, at: { line: 1, col: 1 } });
  } catch {
    return 0;
  }
}
