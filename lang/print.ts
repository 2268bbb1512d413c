import type { Cond, Decl, Expectation, Litmus, Observation, Scope } from './ast.js';
import { printOp } from './print-op.js';
import { printByte, printInt, printNumber as n, printString } from './print-value.js';

/** The canonical text of a litmus test, ending in a newline; `parseLitmus` reads it back to the same test. */
export function printLitmus(p: Litmus): string {
  const lines = [
    `daxcheck ${p.name}`,
    ...(p.comment === undefined ? [] : [`(*${p.comment}*)`]),
    ...(p.config.length === 0 ? [] : [`config ${p.config.map((e) => `${e.key}=${e.value}`).join(' ')}`]),
    ...p.decls.map(printDecl),
    'program',
    ...p.program.map((op) => `  ${printOp(op)}`),
    ...p.observations.map(printObservation),
    ...p.expectations.map(printExpectation),
  ];
  return `${lines.join('\n')}\n`;
}

/** Options in a fixed order: size, state, dax/nodax, fill/content; then align for devices. */
function printDecl(d: Decl): string {
  if (d.decl === 'device') return `device ${d.name} size=${n(d.size)}${d.align === undefined ? '' : ` align=${n(d.align)}`}`;
  const dax = d.dax === undefined ? [] : [d.dax ? 'dax' : 'nodax'];
  const content = d.content === undefined ? [] : [printContent(d.content)];
  return [`file ${d.name} size=${n(d.size)}`, ...(d.state ? [d.state] : []), ...dax, ...content].join(' ');
}

function printContent(c: NonNullable<Extract<Decl, { decl: 'file' }>['content']>): string {
  return c.kind === 'fill' ? `fill=${printByte(c.byte)}` : `content=${printString(c.text)}`;
}

function printObservation(o: Observation): string {
  const head = `observe ${o.name} = `;
  if (o.kind !== 'bytes') return `${head}${o.kind}(${o.target})`;
  return `${head}${o.target}[${n(o.off)}:${n(o.len)}]${o.asStr ? ' as str' : ''}`;
}

const QUANTIFIERS = { exists: 'exists', 'not-exists': '~exists', forall: 'forall' } as const;

/** One expectation line, e.g. `forall after done: x=0 \/ x=0x2a` (also the text reports show). */
export function printExpectation(e: Expectation): string {
  return `${QUANTIFIERS[e.quantifier]} ${printScope(e.scope)}${printCond(e.cond)}`;
}

function printScope(s: Scope): string {
  if (s.kind === 'all') return '';
  return s.kind === 'end' ? 'at end: ' : `${s.kind} ${s.label}: `;
}

/** Binding strength: a child weaker than its position requires gets parentheses. */
const PRECEDENCE: Readonly<Record<Cond['kind'], number>> = { or: 1, and: 2, not: 3, eq: 4 };

/** A condition with the fewest parentheses that parse back to the same tree. */
function printCond(c: Cond, minimum = 1): string {
  const text = condText(c);
  return PRECEDENCE[c.kind] < minimum ? `(${text})` : text;
}

/** Left-associative binary operators: the right operand needs one level more than the operator. */
function condText(c: Cond): string {
  if (c.kind === 'or') return `${printCond(c.left, 1)} \\/ ${printCond(c.right, 2)}`;
  if (c.kind === 'and') return `${printCond(c.left, 2)} /\\ ${printCond(c.right, 3)}`;
  if (c.kind === 'not') return `~${printCond(c.inner, 3)}`;
  const value = c.value.kind === 'int' ? printInt(c.value.value) : printString(c.value.text);
  return `${c.name}=${value}`;
}
