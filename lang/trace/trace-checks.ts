import type { Cond, Expectation, Observation } from '../ast.js';
import { parseExpectation } from '../cond.js';
import { Cursor } from '../cursor.js';
import { formatUserError, UserError } from '../errors.js';
import { Lexer } from '../lexer.js';
import { userError } from '../messages.js';
import { parseObservation } from '../observations.js';

/** What `daxcheck trace --expect FILE` checks in every crash image: litmus observations and the expectations over them. */
export interface TraceChecks {
  readonly file: string;
  readonly observations: readonly Observation[];
  readonly expectations: readonly Expectation[];
}

/**
 * Reads `text`, the file `file` of `observe` and expectation lines in the litmus language's syntax
 * (docs/language.md): every crash image must meet each expectation, so only `forall C` and
 * `~exists C` without a scope are taken, and every condition names an observation of its kind.
 * A problem is one line `FILE:LINE:COL: message`.
 */
export function parseTraceChecks(text: string, file: string): TraceChecks {
  try {
    const cur = new Cursor(new Lexer(text));
    const observations: Observation[] = [];
    const expectations: Expectation[] = [];
    while (cur.peek().kind !== 'eof') {
      if (cur.isWord('observe')) observations.push(parseObservation(cur));
      else expectations.push(everyImage(parseExpectation(cur)));
    }
    checkNames(observations, expectations);
    return { file, observations, expectations };
  } catch (e) {
    throw e instanceof UserError ? new UserError(formatUserError(file, e)) : e;
  }
}

function everyImage(e: Expectation): Expectation {
  if (e.quantifier === 'exists' || e.scope.kind !== 'all') throw userError('traceExpectEvery', e.at);
  return e;
}

/** Observation names are unique; a condition compares a known observation with a value of its kind. */
function checkNames(observations: readonly Observation[], expectations: readonly Expectation[]): void {
  const kinds = new Map<string, 'int' | 'str'>();
  for (const o of observations) {
    if (kinds.has(o.name)) throw userError('observationTwice', o.at, o.name);
    kinds.set(o.name, o.kind === 'bytes' && o.asStr ? 'str' : 'int');
  }
  for (const atom of expectations.flatMap((e) => atoms(e.cond))) {
    const kind = kinds.get(atom.name);
    if (!kind) throw userError('unknownObservation', atom.at, atom.name);
    if (kind !== atom.value.kind) throw userError('comparedWrongKind', atom.at, atom.name, kind === 'str', atom.value.kind === 'str');
  }
}

function atoms(c: Cond): Extract<Cond, { kind: 'eq' }>[] {
  if (c.kind === 'eq') return [c];
  return c.kind === 'not' ? atoms(c.inner) : [...atoms(c.left), ...atoms(c.right)];
}
