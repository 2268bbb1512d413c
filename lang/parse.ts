import type { ConfigEntry, Decl, Expectation, Litmus, Observation, Op } from './ast.js';
import { parseClaims } from './claims.js';
import { parseExpectation } from './cond.js';
import { Cursor } from './cursor.js';
import { parseConfig, parseDevice, parseFile } from './decls.js';
import { Lexer } from './lexer.js';
import { parseObservation } from './observations.js';
import { LIMITS } from './limits.js';
import { userError } from './messages.js';
import { parseOp } from './ops.js';

/** Index of the test name token: the one after `daxcheck`. */
const NAME_TOKEN = 1;

/** Parses a litmus test (DESIGN section 2); throws a UserError with the line and column of the first problem. */
export function parseLitmus(text: string): Litmus {
  const lexer = new Lexer(text);
  const cur = new Cursor(lexer);
  const name = parseHeader(cur);
  const { config, decls } = parsePreamble(cur);
  const program = parseProgram(cur);
  const { observations, expectations } = parseChecks(cur);
  const header = lexer.comments.find((c) => c.afterToken === NAME_TOKEN);
  const claims = header && parseClaims(header.text, header.at);
  const head = { name, ...(header ? { comment: header.text } : {}), ...(claims ? { claims } : {}) };
  return { ...head, config, decls, program, observations, expectations };
}

/** `daxcheck NAME` on the first non-blank line. */
function parseHeader(cur: Cursor): string {
  if (!cur.acceptWord('daxcheck')) cur.fail("the header 'daxcheck NAME'");
  const name = cur.word("a test name after 'daxcheck'").text;
  cur.eol();
  return name;
}

/** Config lines and declarations, up to and including the `program` line. */
function parsePreamble(cur: Cursor): { config: ConfigEntry[]; decls: Decl[] } {
  const config: ConfigEntry[] = [];
  const decls: Decl[] = [];
  while (!cur.isWord('program')) {
    if (cur.isWord('config')) config.push(...parseConfig(cur));
    else if (cur.isWord('file')) decls.push(parseFile(cur));
    else if (cur.isWord('device')) decls.push(parseDevice(cur));
    else cur.fail('config, file, device or program');
  }
  cur.next();
  cur.eol();
  return { config, decls };
}

/** Operations up to the first observation or expectation. */
function parseProgram(cur: Cursor): Op[] {
  const ops: Op[] = [];
  while (cur.peek().kind !== 'eof' && !startsCheck(cur)) {
    if (ops.length === LIMITS.operations) throw userError('pastLimit', cur.peek().at, 'the number of operations', LIMITS.operations);
    ops.push(parseOp(cur));
  }
  return ops;
}

function startsCheck(cur: Cursor): boolean {
  return ['observe', 'exists', 'forall'].some((w) => cur.isWord(w)) || (cur.isPunct('~') && cur.isWord('exists', 1));
}

/** Observations and expectations, in any order, to the end of the file. */
function parseChecks(cur: Cursor): { observations: Observation[]; expectations: Expectation[] } {
  const observations: Observation[] = [];
  const expectations: Expectation[] = [];
  while (cur.peek().kind !== 'eof') {
    if (!startsCheck(cur)) cur.fail('observe, exists, ~exists or forall');
    if (cur.isWord('observe')) observations.push(parseObservation(cur));
    else expectations.push(parseExpectation(cur));
  }
  return { observations, expectations };
}
