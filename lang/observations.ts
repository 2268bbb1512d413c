import type { Observation } from './ast.js';
import type { Cursor } from './cursor.js';
import { number } from './values.js';

/** Reads `observe x = f[OFF:LEN] [as str]`, `observe s = size(f)` or `observe e = exists(f)`. */
export function parseObservation(cur: Cursor): Observation {
  const at = cur.keyword('observe');
  const name = cur.simpleName('an observation name (letters, digits and _)').text;
  cur.punct('=');
  const observation = isCall(cur) ? call(cur, name) : bytes(cur, name);
  cur.eol();
  return { ...observation, at };
}

function isCall(cur: Cursor): boolean {
  return (cur.isWord('size') || cur.isWord('exists')) && cur.isPunct('(', 1);
}

function call(cur: Cursor, name: string): Observation {
  const kind = cur.next().text as 'size' | 'exists';
  cur.punct('(');
  const target = cur.name('a file or device name').text;
  cur.punct(')');
  return { name, kind, target };
}

function bytes(cur: Cursor, name: string): Observation {
  const target = cur.name('f[OFF:LEN], size(f) or exists(f)').text;
  if (!cur.isPunct('[')) cur.fail("'[' (as in f[OFF:LEN])");
  cur.next();
  const off = number(cur, 'an offset');
  cur.punct(':');
  const len = number(cur, 'a length');
  cur.punct(']');
  const asStr = cur.acceptWord('as');
  if (asStr) cur.keyword('str');
  return { name, kind: 'bytes', target, off, len, asStr };
}
