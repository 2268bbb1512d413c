import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseLitmus } from '../../lang/parse.js';
import { printLitmus } from '../../lang/print.js';
import { UserError } from '../../lang/errors.js';
import { comparable, FALLOCATE_MODES, MAP_FLAGS, MSYNC_FLAGS, WRITE_FLAGS } from '../../lang/ast.js';
import type { Cond, Litmus, Op, Value } from '../../lang/ast.js';
import { litmusArbitrary } from '../../properties/litmus.js';

const SEED = 42;
const RUNS = 1000;

/** `parse(print(p))` means the same program as `p`, printing with `print`. */
function roundTrips(print: (p: Litmus) => string): (p: Litmus) => boolean {
  return (p) => JSON.stringify(comparable(parseLitmus(print(p)))) === JSON.stringify(comparable(p));
}

/** A deliberately broken printer: it prints every integer value as 8 bytes wide. */
function printWithoutWidths(p: Litmus): string {
  const widen = (v: Value): Value => (v.kind === 'int' ? { ...v, width: 8 } : v);
  const dropWidth = (op: Op): Op => ('value' in op ? ({ ...op, value: widen(op.value) } as Op) : op);
  return printLitmus({ ...p, program: p.program.map(dropWidth) });
}

describe('litmus round trip', () => {
  test.prop([litmusArbitrary()], { seed: SEED, numRuns: RUNS })('parse(print(p)) equals p without positions', (p) => {
    expect(comparable(parseLitmus(printLitmus(p)))).toEqual(comparable(p));
  });

  test.prop([litmusArbitrary()], { seed: SEED, numRuns: RUNS })('printing is canonical: print(parse(print(p))) = print(p)', (p) => {
    const text = printLitmus(p);
    expect(printLitmus(parseLitmus(text))).toBe(text);
  });

  test.prop([litmusArbitrary()], { seed: SEED, numRuns: 100 })('printed text ends in exactly one newline', (p) => {
    expect(printLitmus(p)).toMatch(/[^\n]\n$/);
  });
});

/** Parses `text`, returning the UserError it throws (any other exception escapes). */
function userErrorOf(text: string): UserError | undefined {
  try {
    parseLitmus(text);
    return undefined;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

describe('damaged litmus text', () => {
  const damage = fc.record({ at: fc.nat(), insert: fc.string({ maxLength: 2 }), remove: fc.nat(3) });

  test.prop([litmusArbitrary(), damage], { seed: SEED, numRuns: RUNS })('only ever fails with a positioned UserError', (p, d) => {
    const text = printLitmus(p);
    const at = d.at % (text.length + 1);
    const error = userErrorOf(text.slice(0, at) + d.insert + text.slice(at + d.remove));
    if (error !== undefined) expect(error.at?.line).toBeGreaterThanOrEqual(1);
  });
});

describe('the round-trip property can fail', () => {
  test('a printer that drops value widths is caught, with a seed and path to replay it', () => {
    const details = fc.check(fc.property(litmusArbitrary(), roundTrips(printWithoutWidths)), { seed: SEED, numRuns: RUNS });
    expect(details.failed).toBe(true);
    expect(details.counterexamplePath).toBeTypeOf('string');
    const [shrunk] = details.counterexample ?? [];
    expect(shrunk?.program.some((op) => 'value' in op && op.value.kind === 'int' && op.value.width !== 8)).toBe(true);
  });

  test('the correct printer passes the same check', () => {
    expect(fc.check(fc.property(litmusArbitrary(), roundTrips(printLitmus)), { seed: SEED, numRuns: RUNS }).failed).toBe(false);
  });
});

function depth(c: Cond): number {
  if (c.kind === 'eq') return 0;
  return 1 + (c.kind === 'not' ? depth(c.inner) : Math.max(depth(c.left), depth(c.right)));
}

describe('litmusArbitrary covers the AST', () => {
  const samples = fc.sample(litmusArbitrary(), { seed: SEED, numRuns: 400 });
  const ops = samples.flatMap((p) => p.program);
  const kinds = (xs: readonly { kind: string }[]): Set<string> => new Set(xs.map((x) => x.kind));

  test('every operation kind, failure kind and value kind occurs', () => {
    expect(new Set(ops.map((o) => o.op)).size).toBe(29);
    expect(kinds(ops.flatMap((o) => (o.fails ? [o.fails] : [])))).toEqual(new Set(['errno', 'signal']));
    expect(kinds(ops.flatMap((o) => ('value' in o ? [o.value] : [])))).toEqual(new Set(['int', 'str', 'repeat']));
  });

  test('every observation kind, scope kind and quantifier occurs', () => {
    const expectations = samples.flatMap((p) => p.expectations);
    expect(kinds(samples.flatMap((p) => p.observations))).toEqual(new Set(['bytes', 'size', 'exists']));
    expect(kinds(expectations.map((e) => e.scope))).toEqual(new Set(['all', 'after', 'before', 'end']));
    expect(new Set(expectations.map((e) => e.quantifier))).toEqual(new Set(['exists', 'not-exists', 'forall']));
  });

  test('conditions nest every connective', () => {
    const conds = samples.flatMap((p) => p.expectations.map((e) => e.cond));
    expect(kinds(conds)).toEqual(new Set(['eq', 'and', 'or', 'not']));
    expect(Math.max(...conds.map(depth))).toBeGreaterThanOrEqual(3);
  });

  test('every flag, mode, width and declaration option occurs', () => {
    const words = new Set(samples.map((p) => printLitmus(p)).join('\n').split(/[\s|=]+/));
    for (const flag of [...MAP_FLAGS, ...WRITE_FLAGS, ...FALLOCATE_MODES, ...MSYNC_FLAGS]) expect(words).toContain(flag);
    for (const option of ['written', 'unwritten', 'hole', 'dax', 'nodax', 'fill', 'content', 'align', 'STATIC', 'NONE', 'longterm']) {
      expect(words).toContain(option);
    }
    const widths = ops.flatMap((o) => ('value' in o && o.value.kind === 'int' ? [o.value.width] : []));
    expect(new Set(widths)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });
});
