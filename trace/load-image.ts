import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { userError } from '../lang/messages.js';

/** A pre-run image: the file as it is, or gunzipped when its name ends in .gz. */
export function loadImage(file: string): Uint8Array {
  try {
    const bytes = readFileSync(file);
    return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  } catch (e) {
    throw userError('traceImage', undefined, file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
