import fc from 'fast-check';
import { applyEdits, edit, pick, type Edit } from './edit.js';

/** Absolute paths a mutated command line names: each kind of file, folders, and paths that lead nowhere. */
export interface Paths {
  readonly litmus: string;
  readonly counterexample: string;
  readonly catalogue: string;
  /** A catalogue folder with a dangling link, a link to itself, a link to its parent and a test whose golden is a folder. */
  readonly oddCatalogue: string;
  /** A litmus test whose golden is a folder. */
  readonly goldenFolder: string;
  readonly folder: string;
  readonly missing: string;
  readonly dangling: string;
  /** A path below a file. */
  readonly underFile: string;
  readonly html: string;
  readonly out: string;
}

/** A command line: arguments edits never touch, then the ones they may change. */
interface CommandLine {
  readonly fixed: readonly string[];
  readonly free: readonly string[];
}

/**
 * The command lines mutants start from, each quick: the matrix keeps its one cell and its output
 * folder (a full matrix takes a minute, and without `--out` it would write in the working folder),
 * catalogue its folder (the whole catalogue takes seconds), and promote never takes `--matrix` (it
 * rewrites the package's golden files).
 */
function commandLines(p: Paths): CommandLine[] {
  const free = (...args: string[]): CommandLine => ({ fixed: [], free: args });
  return [
    ...[free('run', p.litmus), free('run', '--json', p.litmus, p.litmus), free('promote', p.litmus), free('promote', p.goldenFolder)],
    ...[free('replay', p.counterexample), free('show', '--litmus', p.counterexample), free('report', p.counterexample, `--html=${p.html}`)],
    ...[{ fixed: ['catalogue', p.catalogue], free: [] }, { fixed: ['catalogue', p.oddCatalogue], free: [] }],
    { fixed: ['matrix', '--cell=devdax/adr/fence', `--out=${p.out}`], free: ['--num-runs=1'] },
    ...[free(), free('--help'), free('-V'), free('help', 'run'), free('show', '--debug', p.counterexample)],
  ];
}

/** Options and words a command does not take, takes in another form, or with a value it refuses. */
function oddArguments(p: Paths): string[] {
  return [
    ...['frob', '--frob', '-x', '--', '-', '--format=xml', '--format=', '--json', '--debug', '--litmus', '--resume', '--help', '-V'],
    ...['--num-runs=0', '--num-runs=-1', '--num-runs=abc', '--num-runs=1.5', '--num-runs=99999999999999999999', '--num-runs='],
    ...['--seed=abc', '--seed=-1', '--seed=1.5', '--seed=99999999999999999999', '--seed=7', '--seed=0x10'],
    ...['--cell=', '--cell=x', '--cell=devdax/adr', '--cell=devdax/frob/fence', '--cell=devdax/adr/fence/x', '--cell=../../x/y/z'],
    ...[`--expect=${p.missing}`, `--expect=${p.folder}`, `--expect=${p.litmus}`, `--html=${p.folder}`, `--html=${p.missing}/x.html`, `--out=${p.litmus}`, `--out=${p.underFile}`, `--out=${p.dangling}`],
    ...[p.missing, p.folder, p.litmus, p.counterexample, p.dangling, p.underFile, '', ' '],
  ];
}

/** Options that take a value, given last so that their value is missing. */
const VALUE_OPTIONS = ['--format', '--seed', '--num-runs', '--cell', '--out', '--expect', '--html'];

const index = fc.nat(20);

function edits(p: Paths): fc.Arbitrary<Edit<string[]>> {
  const paths = [p.missing, p.folder, p.litmus, p.counterexample, p.catalogue, p.goldenFolder, p.dangling, p.underFile, ''];
  const insert = fc.tuple(index, fc.constantFrom(...oddArguments(p))).map(([i, a]) => edit<string[]>(`insert ${JSON.stringify(a)} at #${i}`, (args) => args.toSpliced(i % (args.length + 1), 0, a)));
  const remove = index.map((i) => edit<string[]>(`delete argument #${i}`, (args) => args.filter((_, k) => k !== i % Math.max(args.length, 1))));
  const repath = fc.tuple(index, fc.nat(paths.length - 1)).map(([i, j]) =>
    edit<string[]>(`path #${i} becomes ${JSON.stringify(pick(paths, j))}`, (args) => {
      const at = args.flatMap((a, k) => (a.startsWith('/') ? [k] : []));
      return at.length === 0 ? args : args.map((a, k) => (k === pick(at, i) ? pick(paths, j) : a));
    }),
  );
  return fc.oneof(insert, remove, repath);
}

/** Ends a command line with an option that takes a value, so that its value is missing (last, so that nothing after it is read as its value). */
const valueless = fc.constantFrom(...VALUE_OPTIONS).map((o) => edit<string[]>(`end with ${o} and no value`, (args) => [...args, o]));

/** A mutated command line over the files in `paths`: one of the quick command lines with one to three edits. */
export function argvMutant(paths: Paths): fc.Arbitrary<string[]> {
  const mutations = fc.tuple(fc.array(edits(paths), { maxLength: 3 }), fc.option(valueless)).filter(([e, last]) => e.length > 0 || last !== null);
  return fc.tuple(fc.constantFrom(...commandLines(paths)), mutations).map(([line, [e, last]]) => [...line.fixed, ...applyEdits([...line.free], [...e, ...(last ? [last] : [])])]);
}
