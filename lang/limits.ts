/**
 * The documented limits of a litmus test (README "Limits"), checked while parsing, before anything
 * is allocated, so that a test past them is a positioned error rather than a run that exhausts
 * memory or the stack. The model keeps state per byte of every file it touches, so sizes are small.
 */
export const LIMITS = {
  /** Sizes, offsets and lengths (`size=`, offsets, lengths, `align=`, repeat counts), in bytes: 4 MiB. */
  bytes: 4 << 20,
  /** Bytes in one written value (`0xAB*N`, a quoted string): 64 KiB. */
  valueBytes: 64 << 10,
  /** Operations in a program. */
  operations: 1_000_000,
  /** Nesting of `~` and parentheses in one condition. */
  conditionDepth: 64,
  /** `NAME=VALUE` atoms in one condition. */
  conditionAtoms: 256,
} as const;

/** How the limits are named in messages. */
export type Limit = keyof typeof LIMITS;
