import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding daxcheck's package.json, from the source tree, from `dist/` or from an installed package. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('daxcheck: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

let version: string | undefined;

/** The version in daxcheck's package.json, read once. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
