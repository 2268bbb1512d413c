import { basename } from 'node:path';

/**
 * The names the registered files go by in a litmus test and in `--expect` observations: each
 * path's base name made a litmus file name (letters, digits, `_` and `.`, not starting with a
 * digit or `.`), a repeated name suffixed `_2`, `_3`, ... in order of registration.
 */
export function fileNames(paths: readonly string[]): string[] {
  const names: string[] = [];
  for (const path of paths) {
    const base = basename(path).replace(/[^A-Za-z0-9_.]/g, '_').replace(/^(?=[0-9.]|$)/, 'f');
    let name = base;
    for (let n = 2; names.includes(name); n++) name = `${base}_${n}`;
    names.push(name);
  }
  return names;
}
