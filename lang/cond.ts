import type { Cond, Expectation, Scope } from './ast.js';
import type { Cursor } from './cursor.js';
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

/** COND: `\/` binds loosest, then `/\`, then `~`; binary operators are left-associative. */
export function parseCond(cur: Cursor): Cond {
  let left = parseConjunction(cur);
  while (cur.accept('\\/')) left = { kind: 'or', left, right: parseConjunction(cur) };
  return left;
}

function parseConjunction(cur: Cursor): Cond {
  let left = parseUnary(cur);
  while (cur.accept('/\\')) left = { kind: 'and', left, right: parseUnary(cur) };
  return left;
}

function parseUnary(cur: Cursor): Cond {
  if (cur.accept('~')) return { kind: 'not', inner: parseUnary(cur) };
  if (!cur.accept('(')) return parseAtom(cur);
  const inner = parseCond(cur);
  cur.punct(')');
  return inner;
}

/** `x=V`, V an integer or a quoted string. */
function parseAtom(cur: Cursor): Cond {
  const name = cur.simpleName("a condition (NAME=VALUE, '~' or '(')");
  cur.punct('=');
  const what = `an integer or a quoted string after '${name.text}='`;
  const value =
    cur.peek().kind === 'string'
      ? ({ kind: 'str', text: cur.next().text } as const)
      : ({ kind: 'int', value: integerOf(cur.word(what)) } as const);
  return { kind: 'eq', at: name.at, name: name.text, value };
}
