import { existsSync, mkdirSync, statSync } from 'node:fs';
import { userError } from '../lang/messages.js';

/** Makes the folder `--out` names (and its parents), before any check runs, so that a wrong `--out` fails at once. */
export function prepareOut(out: string): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw userError('outNotAFolder', undefined, out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw userError('cannotWrite', undefined, out, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
