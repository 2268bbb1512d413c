import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { userError } from '../lang/messages.js';

/**
 * Writes `text` to `file` so that a reader, or a run killed mid-write, sees the old file or the new
 * one, never a torn one. A file that cannot be written (its folder is missing, it is a folder) is a
 * user error naming it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw userError('cannotWrite', undefined, file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
