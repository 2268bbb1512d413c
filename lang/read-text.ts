import { readFileSync } from 'node:fs';
import { userError } from './messages.js';

/**
 * A file's text, without the byte-order mark some editors put first; a missing or unreadable file
 * is a user error, reported like a malformed one.
 */
export function readText(file: string): string {
  try {
    return withoutBom(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? userError('noSuchFile', undefined) : userError('cannotRead', undefined, code ?? String(e));
  }
}

/** Text as daxcheck reads it: without the UTF-8 byte-order mark some editors put first. */
export function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
