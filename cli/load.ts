import { readFileSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import type { Litmus } from '../model/program.js';
import { parseLitmus } from './litmus/parse.js';

/** Reads and parses a litmus file; a missing file is a user error like a malformed one. */
export function loadLitmus(file: string): Litmus {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`);
  }
  return parseLitmus(text);
}
