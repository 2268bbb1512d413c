import type { Litmus } from './ast.js';
import { parseLitmus } from './parse.js';
import { readText } from './read-text.js';

/** Reads and parses a litmus file; a missing file is a user error like a malformed one. */
export function loadLitmus(file: string): Litmus {
  return parseLitmus(readText(file));
}
