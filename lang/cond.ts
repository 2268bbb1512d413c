import type { Cond, Expectation, Scope } from './ast.js';
import type { Cursor } from './cursor.js';
import { LIMITS } from './limits.js';
import { userError } from './messages.js';
import { integerOf } from './values.js';

/** Reads `exists|~exists|forall [SCOPE:] COND` to the end of the line. */
export function parseExpectation(cur: Cursor): Expectation {
  const at = cur.peek().at;
  const quantifier = parseQuantifier(cur);
  const scope = parseScope(cur);
  const cond = parseCond(cur);
  if (!cur.atEol()) cur.fail("'/\\', '\\/' or end of line");
  cur.eol();
  return { at, quantifier, scope, cond };
}

function parseQuantifier(cur: Cursor): Expectation['quantifier'] {
  if (cur.acceptWord('forall')) return 'forall';
  const negated = cur.accept('~');
  cur.keyword('exists');
  return negated ? 'not-exists' : 'exists';
}

/** `after L:`, `before L:`, `at end:`, or nothing (every crash point). */
function parseScope(cur: Cursor): Scope {
  if ((cur.isWord('after') || cur.isWord('before')) && cur.isWord(undefined, 1)) {
    const kind = cur.next().text as 'after' | 'before';
    const label = cur.simpleName('a label name');
    cur.punct(':');
    return { kind, label: label.text, at: label.at };
  }
  if (!(cur.isWord('at') && cur.isWord('end', 1))) return { kind: 'all' };
  cur.next();
  cur.keyword('end');
  cur.punct(':');
  return { kind: 'end' };
}

/** How much of the limits one condition has used: atoms read and the current nesting. */
interface Budget {
  atoms: number;
  depth: number;
}

/** COND: `\/` binds loosest, then `/\`, then `~`; binary operators are left-associative. */
export function parseCond(cur: Cursor, budget: Budget = { atoms: 0, depth: 0 }): Cond {
  let left = parseConjunction(cur, budget);
  while (cur.accept('\\/')) left = { kind: 'or', left, right: parseConjunction(cur, budget) };
  return left;
}

function parseConjunction(cur: Cursor, budget: Budget): Cond {
  let left = parseUnary(cur, budget);
  while (cur.accept('/\\')) left = { kind: 'and', left, right: parseUnary(cur, budget) };
  return left;
}

function parseUnary(cur: Cursor, budget: Budget): Cond {
  const token = cur.peek();
  if (!cur.isPunct('~') && !cur.isPunct('(')) return parseAtom(cur, budget);
  if (++budget.depth > LIMITS.conditionDepth) throw userError('pastLimit', token.at, "the nesting of '~' and '(' in a condition", LIMITS.conditionDepth);
  const inner = cur.accept('~') ? { kind: 'not' as const, inner: parseUnary(cur, budget) } : parenthesized(cur, budget);
  budget.depth--;
  return inner;
}

function parenthesized(cur: Cursor, budget: Budget): Cond {
  cur.punct('(');
  const inner = parseCond(cur, budget);
  cur.punct(')');
  return inner;
}

/** `x=V`, V an integer or a quoted string. */
function parseAtom(cur: Cursor, budget: Budget): Cond {
  const name = cur.simpleName("a condition (NAME=VALUE, '~' or '(')");
  if (++budget.atoms > LIMITS.conditionAtoms) throw userError('pastLimit', name.at, 'the number of NAME=VALUE atoms in a condition', LIMITS.conditionAtoms);
  cur.punct('=');
  const what = `an integer or a quoted string after '${name.text}='`;
  const value =
    cur.peek().kind === 'string'
      ? ({ kind: 'str', text: cur.next().text } as const)
      : ({ kind: 'int', value: integerOf(cur.word(what)) } as const);
  return { kind: 'eq', at: name.at, name: name.text, value };
}
