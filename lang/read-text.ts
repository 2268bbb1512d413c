import { readFileSync } from 'node:fs';
import { UserError } from './errors.js';

/** A file's text; a missing or unreadable file is a user error, reported like a malformed one. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`);
  }
}
