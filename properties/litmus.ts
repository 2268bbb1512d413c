import fc from 'fast-check';
import { parseClaims } from '../lang/claims.js';
import { FALLOCATE_MODES, MAP_FLAGS, MSYNC_FLAGS, WRITE_FLAGS } from '../lang/ast.js';
import { LIMITS } from '../lang/limits.js';
import { OPERATIONS } from '../lang/operations.js';
import type { Cond, Decl, Expectation, Failure, Litmus, Observation, Op, OpName, Scope, Value } from '../lang/ast.js';

/** Words with a meaning somewhere in the language; generated names avoid them so every line reads one way. */
const KEYWORDS = new Set<string>([
  ...['daxcheck', 'config', 'file', 'device', 'program', 'observe', 'exists', 'forall', 'as', 'str'],
  ...['size', 'after', 'before', 'at', 'end', 'longterm', 'align', 'fill', 'content', 'written'],
  ...['unwritten', 'hole', 'dax', 'nodax', 'STATIC', 'NONE', 'MADV_DIRECT_ACCESS', 'SIGBUS'],
  ...Object.keys(OPERATIONS).filter((name) => name !== 'label'),
  ...MAP_FLAGS,
  ...WRITE_FLAGS,
  ...FALLOCATE_MODES,
  ...MSYNC_FLAGS,
]);

const ERRNOS = ['EINVAL', 'ENOSPC', 'ETXTBSY', 'EOPNOTSUPP', 'EEXIST', 'ENOMEM', 'EIO', 'E2BIG'] as const;

const notKeyword = (s: string): boolean => !KEYWORDS.has(s);
/** Names of files, mappings, registers and pins. */
const name = fc
  .oneof(fc.constantFrom('f', 'g', 'm', 'p', 'r', 'data.bin'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,7}$/))
  .filter(notKeyword);
/** Names of labels and observations. */
const simpleName = fc
  .oneof(fc.constantFrom('x', 'y', 'done', 'L1'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/))
  .filter(notKeyword);

/** Offsets, lengths and sizes up to the limit, biased to exact multiples of 1K and 1M so every printed suffix occurs. */
const num = fc.oneof(
  fc.nat(5000),
  fc.nat(64).map((k) => k * 1024),
  fc.nat(LIMITS.bytes / 2 ** 20).map((k) => k * 2 ** 20),
  fc.nat(LIMITS.bytes),
);
const count = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 64 }).map((k) => k * 1024));

const TRICKY_CHARS = ['a', ' ', '"', '\\', '\n', '\t', '\r', '\x00', '\x1f', '\x7f', 'é', '€', '😀', '(*', '*', ')'];
/** Strings that exercise every escape, non-ASCII text and arbitrary UTF-16. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...TRICKY_CHARS) }),
  fc.string({ unit: 'binary' }),
);

const intValue: fc.Arbitrary<Value> = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }))
  .map(([width, raw]) => ({ kind: 'int', value: raw & ((1n << BigInt(8 * width)) - 1n), width }));
const value: fc.Arbitrary<Value> = fc.oneof(
  intValue,
  text.map((t) => ({ kind: 'str', text: t }) as const),
  fc.record({ kind: fc.constant('repeat' as const), byte: fc.nat(255), count }),
);

const failure: fc.Arbitrary<Failure> = fc.oneof(
  fc.constantFrom(...ERRNOS).map((e) => ({ kind: 'errno', name: e }) as const),
  fc.constant({ kind: 'signal', name: 'SIGBUS' } as const),
);

type Model<T> = { [K in keyof T]: fc.Arbitrary<T[K]> };

/** A record with every field of `required` and any subset of the fields of `optional`. */
function withOptional<R extends object, O extends object>(
  required: Model<R>,
  optional: Model<O>,
): fc.Arbitrary<R & Partial<O>> {
  const optionals = fc.record(optional, { requiredKeys: [] });
  return fc.tuple(fc.record(required), optionals).map(([r, o]) => ({ ...r, ...o }) as R & Partial<O>);
}

const k = <K extends OpName>(op: K): fc.Arbitrary<K> => fc.constant(op);
const addr = { map: name, off: num };
const range = { off: num, len: num };
const mapFlags = fc.shuffledSubarray([...MAP_FLAGS], { minLength: 1 });

/** One arbitrary per operation kind, so every kind is equally likely. */
const OPS: { readonly [K in OpName]: fc.Arbitrary<Op> } = {
  create: fc.record({ op: k('create'), file: name }),
  unlink: fc.record({ op: k('unlink'), file: name }),
  rename: fc.record({ op: k('rename'), from: name, to: name }),
  write: fc.record({ op: k('write'), file: name, off: num, value, flags: fc.shuffledSubarray([...WRITE_FLAGS]) }),
  fallocate: withOptional({ op: k('fallocate'), file: name, ...range }, { mode: fc.constantFrom(...FALLOCATE_MODES) }),
  truncate: fc.record({ op: k('truncate'), file: name, len: num }),
  fsync: fc.record({ op: k('fsync'), file: name }),
  fdatasync: fc.record({ op: k('fdatasync'), file: name }),
  sync: fc.record({ op: k('sync') }),
  mmap: withOptional({ op: k('mmap'), dst: name, file: name, ...range, flags: mapFlags }, { atMap: name }),
  munmap: fc.record({ op: k('munmap'), map: name }),
  msync: withOptional({ op: k('msync'), map: name, ...range }, { flag: fc.constantFrom(...MSYNC_FLAGS) }),
  madvise: fc.record({ op: k('madvise'), map: name, ...range, advice: fc.constant('MADV_DIRECT_ACCESS' as const) }),
  store: fc.record({ op: k('store'), ...addr, value }),
  ntstore: fc.record({ op: k('ntstore'), ...addr, value }),
  clflush: fc.record({ op: k('clflush'), ...addr }),
  clflushopt: fc.record({ op: k('clflushopt'), ...addr }),
  clwb: fc.record({ op: k('clwb'), ...addr }),
  sfence: fc.record({ op: k('sfence') }),
  mfence: fc.record({ op: k('mfence') }),
  lfence: fc.record({ op: k('lfence') }),
  xchg: fc.record({ op: k('xchg'), ...addr, value }),
  load: withOptional({ op: k('load'), dst: name, ...addr }, { size: num }),
  daxctl: fc.oneof(
    withOptional({ op: k('daxctl'), file: name, mode: fc.constant('STATIC' as const) }, { align: num }),
    fc.record({ op: k('daxctl'), file: name, mode: fc.constant('NONE' as const) }),
  ),
  reflink: fc.record({ op: k('reflink'), dst: name, src: name }),
  pin: fc.record({ op: k('pin'), dst: name, map: name, ...range, longterm: fc.boolean() }),
  dma: fc.record({ op: k('dma'), pin: name, off: num, value }),
  unpin: fc.record({ op: k('unpin'), pin: name }),
  label: fc.record({ op: k('label'), name: simpleName }),
};

/** Any operation but a label may carry a `=> ERRNO` or `=> SIGBUS` annotation (a quarter of them do). */
const op: fc.Arbitrary<Op> = fc
  .tuple(fc.oneof(...Object.values(OPS)), fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, failure))
  .map(([o, fails]) => (fails === undefined || o.op === 'label' ? o : { ...o, fails }));

const content = fc.oneof(
  fc.record({ kind: fc.constant('fill' as const), byte: fc.nat(255) }),
  fc.record({ kind: fc.constant('content' as const), text }),
);

const decl: fc.Arbitrary<Decl> = fc.oneof(
  withOptional(
    { decl: fc.constant('file' as const), name, size: num },
    { state: fc.constantFrom('written', 'unwritten', 'hole'), dax: fc.boolean(), content },
  ),
  withOptional({ decl: fc.constant('device' as const), name, size: num }, { align: num }),
);

const observation: fc.Arbitrary<Observation> = fc.oneof(
  fc.record({ name: simpleName, kind: fc.constant('bytes' as const), target: name, ...range, asStr: fc.boolean() }),
  fc.record({ name: simpleName, kind: fc.constantFrom('size', 'exists'), target: name }),
);

const condValue = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 80n }).map((v) => ({ kind: 'int', value: v }) as const),
  text.map((t) => ({ kind: 'str', text: t }) as const),
);

const { cond } = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('eq' as const), name: simpleName, value: condValue }),
    fc.record({ kind: fc.constantFrom('and', 'or'), left: tie('cond'), right: tie('cond') }),
    fc.record({ kind: fc.constant('not' as const), inner: tie('cond') }),
  ),
}));

const scope: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant({ kind: 'all' } as const),
  fc.constant({ kind: 'end' } as const),
  fc.record({ kind: fc.constantFrom('after', 'before'), label: simpleName }),
);

const expectation: fc.Arbitrary<Expectation> = fc.record({
  quantifier: fc.constantFrom('exists', 'not-exists', 'forall'),
  scope,
  cond,
});

const configWord = fc.stringMatching(/^[A-Za-z0-9_.-]{1,10}$/);
const configEntry = fc.record({ key: configWord, value: configWord });

/** Syntactically valid litmus tests, without positions, covering every construct of the AST. */
export function litmusArbitrary(): fc.Arbitrary<Litmus> {
  return fc.record(
    {
      name: fc.stringMatching(/^[!-~]{1,16}$/),
      comment: text.filter((t) => !t.includes('*)')),
      config: fc.array(configEntry, { maxLength: 4 }),
      decls: fc.array(decl, { maxLength: 4 }),
      program: fc.array(op, { maxLength: 12 }),
      observations: fc.array(observation, { maxLength: 4 }),
      expectations: fc.array(expectation, { maxLength: 4 }),
    },
    { requiredKeys: ['name', 'config', 'decls', 'program', 'observations', 'expectations'] },
  ).map(withClaims);
}

/** A generated test with the claims its comment makes, as the parser would read them. */
function withClaims(test: Litmus): Litmus {
  const claims = test.comment === undefined ? undefined : parseClaims(test.comment);
  return claims ? { ...test, claims } : test;
}
