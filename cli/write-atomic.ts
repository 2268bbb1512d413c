import { renameSync, writeFileSync } from 'node:fs';

/** Writes `text` to `file` so that a reader, or a run killed mid-write, sees the old file or the new one, never a torn one. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
