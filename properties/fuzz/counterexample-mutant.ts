import fc from 'fast-check';
import { applyEdits } from './edit.js';
import { fieldEdit, jsonEdit, type Json } from './json-edits.js';
import { byteEdits, litmusTextEdits, mutant, type Mutant, type Source } from './litmus-mutant.js';

/**
 * A mutant of one of `sources` (counterexample files): JSON-level edits, edits of the litmus test in
 * its `program` (made small by `tame`), then byte edits of the serialized file (truncation among them).
 */
export function counterexampleMutant(sources: readonly Source[], tame: (text: string) => string): fc.Arbitrary<Mutant> {
  const program = fieldEdit('program', litmusTextEdits, tame);
  const edits = fc.array(fc.oneof(jsonEdit, program), { minLength: 1, maxLength: 3 });
  return fc.tuple(fc.constantFrom(...sources), edits, byteEdits).map(([source, json, bytes]) => {
    const edited = applyEdits(JSON.parse(source.text) as Json, json);
    const text = `${JSON.stringify(edited, null, 2)}\n`;
    return mutant(source.name, [...json, ...bytes], applyEdits<Uint8Array>(Buffer.from(text, 'utf8'), bytes));
  });
}
