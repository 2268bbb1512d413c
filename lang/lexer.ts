import type { Pos } from './ast.js';
import { userError } from './messages.js';

/**
 * A token of litmus text. Words are runs of `[A-Za-z0-9_.-]` (names, numbers, flags and config
 * values alike; the parser decides which one it expects), except the test name after the leading
 * `daxcheck`, which is any run of non-whitespace. Blank lines and comments produce no tokens.
 */
export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: Pos }
  | { readonly kind: 'string'; readonly text: string; readonly at: Pos }
  | { readonly kind: 'punct'; readonly text: Punct; readonly at: Pos }
  | { readonly kind: 'newline' | 'eof'; readonly text: ''; readonly at: Pos };

export type Punct = '=' | '=>' | '[' | ']' | ':' | '|' | '*' | '(' | ')' | '~' | '/\\' | '\\/';

/** A `(* ... *)` comment: its text between the delimiters, and the index of the last token before it. */
export interface Comment {
  readonly text: string;
  readonly at: Pos;
  readonly afterToken: number;
}

const WORD_CHAR = /[A-Za-z0-9_.-]/;
const PUNCTS: readonly Punct[] = ['=>', '/\\', '\\/', '=', '[', ']', ':', '|', '*', '(', ')', '~'];
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/**
 * Splits litmus text into tokens, one each time the parser asks (after the last, `eof` again and
 * again), and keeps the comments it skipped: a long program's tokens all at once would take several
 * times the memory of the operations parsed from them.
 */
export class Lexer {
  readonly comments: Comment[] = [];
  private i = 0;
  private line = 1;
  private lineStart = 0;
  /** Tokens made so far, the first of them, and the index of the last one that is not a newline. */
  private count = 0;
  private first: Token | undefined;
  private lastKind: Token['kind'] | undefined;
  private lastSignificant = -1;
  private ready: Token | undefined;

  constructor(private readonly text: string) {}

  next(): Token {
    this.ready = undefined;
    while (this.ready === undefined && this.i < this.text.length) this.step();
    return this.ready ?? this.push({ kind: 'eof', text: '', at: this.pos() });
  }

  private step(): void {
    const c = this.text[this.i] ?? '';
    if (c === '\n') this.newline();
    else if (c === ' ' || c === '\t' || c === '\r') this.i++;
    else if (this.isHeaderName()) this.push({ kind: 'word', at: this.pos(), text: this.span(/\S/) });
    else if (this.text.startsWith('(*', this.i)) this.comment();
    else if (c === '"') this.push({ kind: 'string', at: this.pos(), text: this.string() });
    else if (WORD_CHAR.test(c)) this.push({ kind: 'word', at: this.pos(), text: this.span(WORD_CHAR) });
    else this.punct(c);
  }

  private pos(): Pos {
    return { line: this.line, col: this.i - this.lineStart + 1 };
  }

  private push(token: Token): Token {
    this.first ??= token;
    if (token.kind !== 'newline') this.lastSignificant = this.count;
    this.lastKind = token.kind;
    this.count++;
    return (this.ready = token);
  }

  /** Emits at most one newline token in a row, and none before the first token. */
  private newline(): void {
    if (this.lastKind !== undefined && this.lastKind !== 'newline') this.push({ kind: 'newline', text: '', at: this.pos() });
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  /** The test name is the token right after a leading `daxcheck` on the same line. */
  private isHeaderName(): boolean {
    const first = this.first;
    return first?.kind === 'word' && first.text === 'daxcheck' && this.count === 1 && first.at.line === this.line;
  }

  private span(chars: RegExp): string {
    const start = this.i;
    while (this.i < this.text.length && chars.test(this.text[this.i] ?? '')) this.i++;
    return this.text.slice(start, this.i);
  }

  private punct(c: string): void {
    const punct = PUNCTS.find((p) => this.text.startsWith(p, this.i));
    if (punct === undefined) throw userError('unexpectedCharacter', this.pos(), c);
    this.push({ kind: 'punct', text: punct, at: this.pos() });
    this.i += punct.length;
  }

  /** Skips a comment (comments do not nest), counting the lines it spans. */
  private comment(): void {
    const at = this.pos();
    const end = this.text.indexOf('*)', this.i + 2);
    if (end < 0) throw userError('unterminatedComment', at);
    const text = this.text.slice(this.i + 2, end);
    this.comments.push({ text, at, afterToken: this.lastSignificant });
    for (; this.i < end + 2; this.i++) if (this.text[this.i] === '\n') this.lineStart = this.i + 1;
    this.line += text.split('\n').length - 1;
  }

  /** Reads a one-line double-quoted string and decodes its escapes. */
  private string(): string {
    const at = this.pos();
    let out = '';
    for (this.i++; this.text[this.i] !== '"'; ) out += this.stringChar(at);
    this.i++;
    return out;
  }

  private stringChar(start: Pos): string {
    const c = this.text[this.i];
    if (c === undefined || c === '\n') throw userError('unterminatedString', start);
    if (c === '\\') return this.escape();
    this.i++;
    return c;
  }

  private escape(): string {
    const at = this.pos();
    const c = this.text[this.i + 1] ?? '';
    const hex = this.text.slice(this.i + 2, this.i + 4);
    if (c === 'x') {
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw userError('hexEscape', at);
      this.i += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const plain = ESCAPES[c];
    if (plain === undefined) throw userError('unknownEscape', at, c);
    this.i += 2;
    return plain;
  }
}
