import { Ajv2020, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { message } from '../lang/messages.js';
import { BadCounterexample } from './bad-counterexample.js';
import type { Counterexample } from './counterexample.js';
import type { TraceCounterexample } from './trace-counterexample.js';
import { packageRoot } from './package-root.js';

/** Where the schema ships: in the source tree and in the installed package alike (package.json `files`). */
export const SCHEMA_FILE = join(packageRoot(), 'counterexamples', 'schema.json');

/** Where the schema of trace counterexamples (`daxcheck trace --out`) ships. */
export const TRACE_SCHEMA_FILE = join(packageRoot(), 'counterexamples', 'trace-schema.json');

const compiled = new Map<string, ValidateFunction>();

/** The validator compiled from a schema file, once; it stops at the first error, so the error it reports is always the same. */
function validator(file: string): ValidateFunction {
  // verbose: each error carries the schema that failed and the value, which its wording needs.
  if (!compiled.has(file)) compiled.set(file, new Ajv2020({ allErrors: false, verbose: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject));
  return compiled.get(file)!;
}

/**
 * Checks `json` against counterexamples/schema.json, the one statement of the format; the first
 * problem is one line naming the field (`crashState[0].site`) and the reason.
 */
export function checkSchema(json: unknown): asserts json is Counterexample {
  validate(json, SCHEMA_FILE);
}

/** Checks `json` against counterexamples/trace-schema.json, as checkSchema does. */
export function checkTraceSchema(json: unknown): asserts json is TraceCounterexample {
  validate(json, TRACE_SCHEMA_FILE);
}

function validate(json: unknown, file: string): void {
  const validate = validator(file);
  if (validate(json)) return;
  const error = validate.errors![0]!;
  throw new BadCounterexample(fieldOf(json, error), reasonOf(error));
}

/** The field an error is about, as a path written the way a reader of the file would: `crashPoint.index`, `crashState[0].site`. */
function fieldOf(json: unknown, error: ErrorObject): string {
  const keys = error.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') keys.push((error.params as { missingProperty: string }).missingProperty);
  let field = '';
  let at: unknown = json;
  for (const key of keys) {
    field = Array.isArray(at) ? `${field}[${key}]` : field ? `${field}.${key}` : key;
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return field;
}

/** Why the field is wrong, in the catalogue's words, from the schema of the field (a missing field is judged as the value `undefined`). */
function reasonOf(error: ErrorObject): string {
  const missing = error.keyword === 'required';
  const schema = (missing ? error.parentSchema!.properties[(error.params as { missingProperty: string }).missingProperty] : error.parentSchema) as AnySchemaObject;
  const found = String(JSON.stringify(missing ? undefined : error.data));
  // The version is the schema's one numeric constant: a file of another version is told which one this daxcheck reads.
  if (typeof schema.const === 'number') return message('unknownVersion', found, schema.const);
  if (schema.const !== undefined) return message('wantSchema', String(schema.const));
  if (schema.enum !== undefined) return message('unknownProperty', found, schema.enum as string[]);
  return expected(schema);
}

/** The message for each type the schema gives a field (besides null); an integer at least 0 is a whole number of at least 0. */
const WANT = { string: 'wantString', object: 'wantObject', array: 'wantList', integer: 'wantInteger' } as const;

/** What a field of this schema must be. */
function expected(schema: AnySchemaObject): string {
  const type = ([schema.type].flat() as (keyof typeof WANT | 'null')[]).find((t) => t !== 'null')!;
  return message(type === 'integer' && schema.minimum === 0 ? 'wantNatural' : WANT[type]);
}
