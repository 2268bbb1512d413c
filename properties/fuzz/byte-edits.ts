import fc from 'fast-check';
import { edit, type Edit } from './edit.js';

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const index = fc.nat(100_000);

const withBom = fc.constant(edit<Uint8Array>('start with a UTF-8 BOM', (bytes) => Buffer.concat([BOM, bytes])));

const truncate = index.map((i) => edit<Uint8Array>(`truncate at byte #${i}`, (bytes) => bytes.subarray(0, i % (bytes.length + 1))));

const insertBytes = fc.tuple(index, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, b]) =>
  edit<Uint8Array>(`insert bytes ${Buffer.from(b).toString('hex')} at byte #${i}`, (bytes) => {
    const at = i % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), b, bytes.subarray(at)]);
  }),
);

const setByte = fc.tuple(index, fc.integer({ min: 0, max: 255 })).map(([i, v]) =>
  edit<Uint8Array>(`byte #${i} becomes 0x${v.toString(16)}`, (bytes) => (bytes.length === 0 ? bytes : bytes.map((b, k) => (k === i % bytes.length ? v : b)))),
);

/** Edits of a file's bytes, below the text: a BOM, truncation (even inside a UTF-8 sequence), stray or changed bytes. */
export const byteEdit: fc.Arbitrary<Edit<Uint8Array>> = fc.oneof(withBom, truncate, insertBytes, setByte);
