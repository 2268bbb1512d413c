import fc from 'fast-check';
import { applyEdits, type Edit } from './edit.js';
import { byteEdit } from './byte-edits.js';
import { lineEdit } from './line-edits.js';
import { tokenEdit } from './token-edits.js';

/** A file a mutant starts from: its name (for the report) and its content. */
export interface Source {
  readonly name: string;
  readonly text: string;
}

/** A mutated file: what it came from, the edits made, in words, and the bytes to write. */
export interface Mutant {
  readonly source: string;
  readonly edits: readonly string[];
  readonly bytes: Uint8Array;
}

/** One to three edits of a litmus text, line- or token-level. */
export const litmusTextEdits: fc.Arbitrary<Edit<string>[]> = fc.array(fc.oneof(lineEdit, tokenEdit), { minLength: 1, maxLength: 3 });

/** Byte edits after the text edits: usually none. */
export const byteEdits: fc.Arbitrary<Edit<Uint8Array>[]> = fc.oneof({ arbitrary: fc.constant<Edit<Uint8Array>[]>([]), weight: 4 }, fc.array(byteEdit, { minLength: 1, maxLength: 2 }));

/**
 * A mutant of one of `sources` (litmus tests), made small enough to run quickly by `tame`, which
 * gets the edited text before the byte edits.
 */
export function litmusMutant(sources: readonly Source[], tame: (text: string) => string): fc.Arbitrary<Mutant> {
  return fc.tuple(fc.constantFrom(...sources), litmusTextEdits, byteEdits).map(([source, edits, bytes]) => {
    const text = tame(applyEdits(source.text, edits));
    return mutant(source.name, [...edits, ...bytes], applyEdits<Uint8Array>(Buffer.from(text, 'utf8'), bytes));
  });
}

/** A mutant printed by its source and edits, not by its bytes. */
export function mutant(source: string, edits: readonly { label: string }[], bytes: Uint8Array): Mutant {
  const labels = edits.map((e) => e.label);
  return { source, edits: labels, bytes, [fc.toStringMethod]: () => `${source} with ${labels.join('; ') || 'no edit'}` } as Mutant;
}
