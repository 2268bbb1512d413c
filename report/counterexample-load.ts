import { UserError } from '../lang/errors.js';
import type { Litmus } from '../lang/ast.js';
import { BadCounterexample } from './bad-counterexample.js';
import type { Counterexample } from './counterexample.js';
import { checkSchema } from './counterexample-schema.js';
import { parseLitmus } from '../lang/parse.js';
import { printExpectation } from '../lang/print.js';
import { readText } from '../lang/read-text.js';
import { message, userError } from '../lang/messages.js';
import { parseSite } from '../model/core/site.js';
import type { Choice } from '../model/check/explore.js';
import { prepare } from '../model/check/check.js';
import { NO_BUGS } from '../profiles/bugs.js';

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
  return counterexampleFrom(readCounterexampleJson(file));
}

/** The JSON of a counterexample file, of either kind (a litmus or matrix one, or a trace one). */
export function readCounterexampleJson(file: string): unknown {
  try {
    return JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw userError('notJson', undefined, (e as Error).message);
  }
}

/** Validates the JSON of a counterexample file, and parses and runs its program once. */
export function counterexampleFrom(json: unknown): Loaded {
  checkSchema(json);
  return resolveCounterexample(json);
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
  if (id < 0) throw new BadCounterexample('violated', message('noSuchExpectation', violated));
  return id;
}

function choiceOf(c: Counterexample['crashState'][number], i: number): Choice {
  const site = parseSite(c.site);
  if (!site) throw new BadCounterexample(`crashState[${i}].site`, message('notASite', c.site));
  return { site, chosen: c.chosen, of: c.of };
}
