import type { Litmus } from '../model/program.js';
import { parseLitmus } from './litmus/parse.js';
import { readText } from './read-text.js';

/** Reads and parses a litmus file; a missing file is a user error like a malformed one. */
export function loadLitmus(file: string): Litmus {
  return parseLitmus(readText(file));
}
