import { UserError } from '../lang/errors.js';
import type { Litmus } from '../lang/ast.js';
import { COUNTEREXAMPLE_VERSION, type Counterexample } from './counterexample.js';
import { parseLitmus } from '../lang/parse.js';
import { printExpectation } from '../lang/print.js';
import { readText } from '../lang/read-text.js';
import { message, userError } from '../lang/messages.js';
import { parseSite } from '../model/core/site.js';
import { SAFETY } from '../model/fs/safety.js';
import { PROPERTIES } from '../matrix/claims.js';
import type { Choice } from '../model/check/explore.js';
import { prepare } from '../model/check/check.js';
import { NO_BUGS } from '../profiles/bugs.js';

/** A field of a counterexample file that is missing or malformed: named by its path, with the reason. */
export class BadCounterexample extends UserError {
  constructor(field: string, reason: string) {
    super(message('badField', field, reason));
    this.name = 'BadCounterexample';
  }
}

type Check = (value: unknown, field: string) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const want = (ok: boolean, field: string, reason: string) => {
  if (!ok) throw new BadCounterexample(field, reason);
};
const str: Check = (v, f) => want(typeof v === 'string', f, message('wantString'));
const nat: Check = (v, f) => want(Number.isSafeInteger(v) && (v as number) >= 0, f, message('wantNatural'));
const nullable = (check: Check): Check => (v, f) => (v === null ? undefined : check(v, f));
const object = (fields: Record<string, Check>): Check => (v, f) => {
  want(isObject(v), f, message('wantObject'));
  for (const [key, check] of Object.entries(fields)) check((v as Record<string, unknown>)[key], f ? `${f}.${key}` : key);
};
const list = (check: Check): Check => (v, f) => {
  want(Array.isArray(v), f, message('wantList'));
  (v as unknown[]).forEach((item, i) => check(item, `${f}[${i}]`));
};
const map = (check: Check): Check => (v, f) => {
  want(isObject(v), f, message('wantObject'));
  for (const [key, item] of Object.entries(v as Record<string, unknown>)) check(item, `${f}.${key}`);
};

/** The properties a counterexample can violate: a matrix claim or a safety property. */
const KNOWN_PROPERTIES: readonly string[] = [...PROPERTIES, ...Object.keys(SAFETY)];

/** What the `schema` field of every counterexample file says. */
const SCHEMA = 'daxcheck-counterexample';

/** The shape of version 1 (see counterexamples/schema.json for the same rules as JSON Schema). */
const SHAPE = object({
  schema: (v, f) => want(v === SCHEMA, f, message('wantSchema', SCHEMA)),
  version: (v, f) => want(v === COUNTEREXAMPLE_VERSION, f, message('unknownVersion', JSON.stringify(v), COUNTEREXAMPLE_VERSION)),
  name: str,
  cell: nullable(object({ mode: str, platform: str, recipe: str })),
  property: (v, f) => want(typeof v === 'string' && KNOWN_PROPERTIES.includes(v), f, message('unknownProperty', JSON.stringify(v), KNOWN_PROPERTIES)),
  program: str,
  config: map(str),
  violated: nullable(str),
  crashPoint: object({ index: nat, description: str }),
  crashState: list(object({ site: str, chosen: nat, of: nat })),
  persisted: list(str),
  observed: map(str),
  fastCheck: nullable(object({ seed: (v, f) => want(Number.isSafeInteger(v), f, message('wantInteger')), path: str, numRuns: nat })),
});

/** A counterexample file as read: the record as stored, its program, and what the record names resolved against it. */
export interface Loaded {
  readonly cx: Counterexample;
  readonly test: Litmus;
  /** The violated expectation's id (its index in the program), or null for a safety property. */
  readonly violated: number | null;
  /** The crash state's choices, with their sites parsed. */
  readonly choices: readonly Choice[];
}

/** Reads and validates a counterexample file, and parses and runs its program once. Every problem names the field. */
export function loadCounterexample(file: string): Loaded {
  const text = readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw userError('notJson', undefined, (e as Error).message);
  }
  SHAPE(json, '');
  return resolveCounterexample(json as Counterexample);
}

/** Parses a well-formed counterexample's program and resolves what the record names against it. */
export function resolveCounterexample(cx: Counterexample): Loaded {
  const test = inProgram('noLongerParses', () => parseLitmus(cx.program));
  inProgram('noLongerRuns', () => prepare(test, NO_BUGS));
  return { cx, test, violated: violatedId(cx.violated, test), choices: cx.crashState.map(choiceOf) };
}

/**
 * Runs `work` on the program; a problem it finds is one of the field `program`, its line and column
 * being the program's and not the file's (which would point into the JSON).
 */
function inProgram<T>(id: 'noLongerParses' | 'noLongerRuns', work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const where = e.at ? ` at line ${e.at.line}, column ${e.at.col}` : '';
    throw new BadCounterexample('program', message(id, where, e.message));
  }
}

/** The id of the expectation the record names by its text: the one place an expectation is matched by text. */
function violatedId(violated: string | null, test: Litmus): number | null {
  if (violated === null) return null;
  const id = test.expectations.findIndex((e) => printExpectation(e) === violated);
  want(id >= 0, 'violated', message('noSuchExpectation', violated));
  return id;
}

function choiceOf(c: Counterexample['crashState'][number], i: number): Choice {
  const site = parseSite(c.site);
  if (!site) throw new BadCounterexample(`crashState[${i}].site`, message('notASite', c.site));
  return { site, chosen: c.chosen, of: c.of };
}
