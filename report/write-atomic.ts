import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../lang/messages.js';

/**
 * Writes `text` to `file` so that a reader, or a run killed mid-write, sees the old file or the new
 * one, never a torn one. A file that cannot be written (its folder is missing, it is a folder) is a
 * user error naming it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}${TEMPORARY}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw userError('cannotWrite', undefined, file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** How this process's temporary files end. */
const TEMPORARY = `.${process.pid}.tmp`;

/**
 * Removes the temporary files this process left in `dir`: a worker thread stopped by a signal may
 * have written one and not yet renamed it (the file it stood for is written again on resume).
 */
export function removeAbandoned(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith(TEMPORARY)) rmSync(join(dir, name), { force: true });
}
