import { UserError } from './errors.js';
import type { Pos } from './ast.js';
import type { Lexer, Punct, Token } from './lexer.js';
import { userError } from './messages.js';

/** A word token: a name, number, flag or keyword. */
export type Word = Extract<Token, { kind: 'word' }>;

/** Names of files, mappings, registers and pins. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Names of labels and observations. */
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How an error message names a token: `'stor'`, `a string`, `end of line`. */
export function describe(token: Token): string {
  if (token.kind === 'newline') return 'end of line';
  if (token.kind === 'eof') return 'end of file';
  if (token.kind === 'string') return 'a string';
  return `'${token.text}'`;
}

/** Reads the lexer's tokens front to back; every `expect`-style method throws a positioned UserError. */
export class Cursor {
  /** Tokens read from the lexer and not yet consumed: at most the next two. */
  private readonly ahead: Token[] = [];

  constructor(private readonly lexer: Lexer) {}

  peek(ahead = 0): Token {
    while (this.ahead.length <= ahead) this.ahead.push(this.lexer.next());
    return this.ahead[ahead]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.ahead.shift();
    return token;
  }

  /** Throws `expected EXPECTED, found TOKEN` at the token. */
  fail(expected: string, token: Token = this.peek()): never {
    throw userError('expected', token.at, expected, describe(token));
  }

  atEol(): boolean {
    const kind = this.peek().kind;
    return kind === 'newline' || kind === 'eof';
  }

  isWord(text?: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && (text === undefined || token.text === text);
  }

  isPunct(text: Punct, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.text === text;
  }

  /** Consumes the punctuation `text` if it is next. */
  accept(text: Punct): boolean {
    return this.isPunct(text) && this.next() !== undefined;
  }

  /** Consumes the word `text` if it is next. */
  acceptWord(text: string): boolean {
    return this.isWord(text) && this.next() !== undefined;
  }

  word(expected: string): Word {
    const token = this.peek();
    return token.kind === 'word' ? (this.next() as Word) : this.fail(expected);
  }

  keyword(text: string): Pos {
    return this.isWord(text) ? this.next().at : this.fail(`'${text}'`);
  }

  punct(text: Punct): Pos {
    return this.isPunct(text) ? this.next().at : this.fail(`'${text}'`);
  }

  /** A name of a file, mapping, register or pin (`[A-Za-z_][A-Za-z0-9_.]*`). */
  name(what: string): Word {
    return this.matching(NAME, what);
  }

  /** A name of a label or observation (`[A-Za-z_][A-Za-z0-9_]*`). */
  simpleName(what: string): Word {
    return this.matching(SIMPLE_NAME, what);
  }

  private matching(pattern: RegExp, what: string): Word {
    const token = this.peek();
    return token.kind === 'word' && pattern.test(token.text) ? (this.next() as Word) : this.fail(what);
  }

  /** Consumes the end of a line (or sees the end of the file). */
  eol(): void {
    if (!this.atEol()) this.fail('end of line');
    this.next();
  }
}
