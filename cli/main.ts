#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { setAutoFreeze } from 'immer';
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../lang/errors.js';
import type { Reporter } from '../report/events.js';
import { FORMATS, REPORTERS, type Format } from '../report/reporters.js';
import { RunLimits, withLimits, type LimitOptions } from './limits.js';
import { atLeastOne, wholeNumber } from './number-options.js';
import type { MatrixOptions } from './matrix.js';
import { CORPUS, MATRIX_DEFAULTS, MATRIX_GOLDEN } from './defaults.js';
import { FIX_DEFAULTS } from '../fix/defaults.js';
import { errorStatus, EXIT, EXIT_HELP } from './exit.js';
import { processIo, type Io } from './io.js';
import { asUserError } from './per-file.js';
import { packageRoot, packageVersion } from '../report/package-root.js';
import type { TraceOptions } from './trace-command.js';
import { PLATFORM_NAMES, PLATFORMS } from '../profiles/platforms.js';
import type { MergeOptions } from './merge.js';
import { shardOption, type Shard } from './shard.js';
import { message, userError } from '../lang/messages.js';

/** Runs the `daxcheck` command line with `argv` (without node and script) and returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Exploration never mutates a finished state, so freezing every state would only cost time.
  setAutoFreeze(false);
  let status: number = EXIT.ok;
  const program = new Command('daxcheck')
    .description('Crash-consistency model checker for persistent memory and Linux DAX')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--debug', 'show the stack trace of an internal error')
    .addHelpText('after', `${PARALLEL_HELP}\n${EXIT_HELP}`)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(`daxcheck: ${s}`),
    });
  const done: Done = async (opts, run) => {
    const reporter = reporterOf(opts);
    status = await guard(io, program.opts<{ debug?: boolean }>().debug === true, () => run(reporter));
    reporter.finish?.(io);
  };
  litmusCommands(program, io, done);
  counterexampleCommands(program, io, done);
  traceCommand(program, io, done);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return status;
}

/** What `--help` says about running on several cores and machines. */
const PARALLEL_HELP = `
Cores and machines:
  matrix, catalogue and run check on a worker thread per core (--workers N;
  --workers 1 checks in-process); the output is the same for every N.
  matrix --shard i/n and catalogue --shard i/n check every n-th cell or test
  from the i-th, one share per machine; merge DIR... combines the shards'
  matrix --out folders into the whole run's folder and table, byte for byte.`;

/** Runs a command's work with the reporter its options ask for, and records its exit status. */
type Done = (opts: FormatOptions, run: (reporter: Reporter) => number | Promise<number>) => Promise<void>;

/** The options every command that prints results takes: `--format NAME`, and `--json` for `--format json`. */
interface FormatOptions {
  readonly format: Format;
  readonly json?: boolean;
}

/** Adds `--format` (and `--json`, its short form) to a command. */
function withFormat(command: Command): Command {
  return command
    .addOption(new Option('--format <name>', 'output format').choices(FORMATS).default('text'))
    .option('--json', 'the same as --format json');
}

/** The format the options ask for. */
function formatOf(opts: FormatOptions): Format {
  return opts.json ? 'json' : opts.format;
}

/** A fresh reporter of the format the options ask for. */
function reporterOf(opts: FormatOptions): Reporter {
  return REPORTERS[formatOf(opts)]();
}

/** `--workers N`: how many worker threads check the units of a long command. */
interface WorkerOptions {
  readonly workers?: number;
}

/** Adds `--workers` to a command; without it, a worker per core. */
function withWorkers(command: Command): Command {
  return command.option('--workers <n>', 'worker threads that check in parallel (default: one per core; 1 checks in-process)', atLeastOne('--workers'));
}

/** The worker threads the options ask for, and the format they render in. */
function poolOf(opts: FormatOptions & WorkerOptions): { workers: number; format: Format } {
  return { workers: opts.workers ?? availableParallelism(), format: formatOf(opts) };
}

/** `run`, `promote` and `catalogue`: litmus tests and their goldens. */
function litmusCommands(program: Command, io: Io, done: Done): void {
  withWorkers(withLimits(withFormat(program.command('run').description('check litmus tests and print their reports').argument('<files...>', 'litmus test files'))))
    .option('--out <dir>', 'write a counterexample file into this folder for each failing expectation and safety property')
    .action((files: string[], opts: FormatOptions & LimitOptions & WorkerOptions & { out?: string }) =>
      done(opts, async (reporter) => (await import('./run.js')).runRun(files, reporter, io, new RunLimits(opts), { ...poolOf(opts), ...(opts.out === undefined ? {} : { out: opts.out }) })),
    );
  withWorkers(withFormat(program.command('promote').description("write each test's report as its golden .expected file, or the matrix's golden and corpus").argument('[files...]', 'litmus test files')))
    .option('--matrix', `write ${MATRIX_GOLDEN} and ${CORPUS}/ from the matrix with its defaults`)
    .action((files: string[], opts: FormatOptions & WorkerOptions & { matrix?: boolean }) => done(opts, (reporter) => promote(files, opts.matrix === true, poolOf(opts).workers, reporter, io)));
  withWorkers(withFormat(program.command('catalogue').description('run every litmus test under DIR against its golden report').argument('[dir]', 'folder of litmus tests', `${packageRoot()}/litmus`)))
    .option('--timeout <seconds>', 'stop after this many seconds, with the tests done so far (exit 2)', atLeastOne('--timeout'))
    .addOption(shardFlag('tests'))
    .action((dir: string, opts: FormatOptions & LimitOptions & WorkerOptions & { shard?: Shard }) =>
      done(opts, async (reporter) => (await import('./catalogue.js')).runCatalogue(dir, reporter, io, new RunLimits(opts), { ...poolOf(opts), ...(opts.shard ? { shard: opts.shard } : {}) })),
    );
}

/** `matrix`, `replay`, `show` and `report`: generated workloads and the counterexamples they find. */
function counterexampleCommands(program: Command, io: Io, done: Done): void {
  withWorkers(withLimits(withFormat(program.command('matrix').description('check every mapping mode, platform and recipe with generated workloads (the main job)'))))
    .option('--seed <n>', 'fast-check seed', wholeNumber('--seed'), MATRIX_DEFAULTS.seed)
    .option('--num-runs <n>', 'workloads per cell (at least 1)', atLeastOne('--num-runs'), MATRIX_DEFAULTS.numRuns)
    .option('--cell <id>', 'only the cell MODE/PLATFORM/RECIPE (PLATFORM@guest for a guest crash)')
    .option('--out <dir>', 'where counterexample files go', MATRIX_DEFAULTS.out)
    .option('--resume', 'continue the run journalled in --out (same --seed and --num-runs), without checking its finished cells again')
    .option('--expect <file>', 'exit 1 unless the table equals this golden (matrix.expected), byte for byte')
    .addOption(shardFlag('cells'))
    .option('--html <file>', 'then write the run as one HTML page: the grid, and the counterexample of each lost cell')
    .action((opts: FormatOptions & MatrixOptions & LimitOptions & { html?: string }) =>
      done(opts, async (reporter) => {
        const status = await (await import('./matrix.js')).runMatrix({ ...opts, ...poolOf(opts) }, reporter, io, new RunLimits(opts));
        return opts.html === undefined ? status : Math.max(status, await (await import('./report-command.js')).writeMatrixPage(opts.out, opts.html, reporter, io));
      }),
    );
  withFormat(program.command('merge').description("combine the --out folders of a matrix run's shards into the whole run's folder and table").argument('<dirs...>', 'the --out folder of each shard'))
    .option('--out <dir>', "where the whole run's journal and counterexample files go", MATRIX_DEFAULTS.out)
    .option('--expect <file>', 'exit 1 unless the table equals this golden (matrix.expected), byte for byte')
    .action((dirs: string[], opts: FormatOptions & MergeOptions) => done(opts, async (reporter) => (await import('./merge.js')).runMerge(dirs, opts, reporter, io)));
  withFormat(program.command('replay').description('re-run counterexample files without the random generator').argument('<files...>', 'counterexample JSON files'))
    .action((files: string[], opts: FormatOptions) => done(opts, async (reporter) => (await import('./replay-command.js')).runReplay(files, reporter, io)));
  withFormat(program.command('show').description('explain counterexample files on one screen').argument('<files...>', 'counterexample JSON files'))
    .option('--litmus', 'print each as a litmus test for a catalogue')
    .action((files: string[], opts: FormatOptions & { litmus?: boolean }) => done(opts, async (reporter) => (await import('./show-command.js')).runShow(files, opts.litmus === true, reporter, io)));
  program
    .command('fix')
    .description('find the smallest verified fix of a litmus test or counterexample file')
    .argument('<file>', 'a litmus test, or a counterexample JSON file')
    .option('--max-size <n>', 'most edits a fix may make', atLeastOne('--max-size'), FIX_DEFAULTS.maxSize)
    .action((file: string, opts: { maxSize: number }) => done({ format: 'text' }, async (reporter) => (await import('./fix-command.js')).runFix(file, opts.maxSize, reporter, io)));
  withFormat(program.command('report').description('write one self-contained HTML page explaining counterexample files').argument('<files...>', 'counterexample JSON files, or the --out folder of a matrix run'))
    .requiredOption('--html <out>', 'the HTML file to write (given a matrix --out folder: the grid and its counterexamples)')
    .action((files: string[], opts: FormatOptions & { html: string }) => done(opts, async (reporter) => (await import('./report-command.js')).runHtmlReport(files, opts.html, reporter, io)));
}

/** `trace`: a real program's pmemcheck store log, checked by the user's checker. */
function traceCommand(program: Command, io: Io, done: Done): void {
  program
    .command('trace')
    .description("check every crash state of a pmemcheck store log (valgrind --tool=pmemcheck --log-stores=yes) with the user's checker")
    .argument('<log>', 'the pmemcheck store log')
    .option('--image <file>', "the pre-run image of the next registered file (default: the registered path; .gz is gunzipped); repeat for several files", (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--platform <name>', 'persistence domain (a platform without a host: a trace is of one machine)').choices(PLATFORM_NAMES.filter((p) => PLATFORMS[p].domain.host === null)).default('adr'))
    .option('--checker <command>', 'a checker program, as pmreorder runs one: the image path appended, exit 0 = consistent')
    .option('--check-module <file>', 'a JavaScript module exporting check(image) => true | false | reason, given a lazy read(offset, length)')
    .option('--expect <file>', 'litmus observations and forall/~exists expectations over the registered files that every crash image must meet (docs/trace.md)')
    .addOption(new Option('--crash-at <where>', 'crash points: before every fence, at every marker and at the end; or before every store too').choices(['fences', 'stores']).default('fences'))
    .option('--max-images <n>', 'crash states per crash point before the bounded search (docs/trace.md)', atLeastOne('--max-images'), 10000)
    .option('--bound <k>', 'in the bounded search, lines that may differ from none or all persisted', atLeastOne('--bound'), 1)
    .option('--parallel <n>', 'checker processes at once (default: the number of CPUs)', atLeastOne('--parallel'))
    .option('--markers <config>', "pmreorder's marker configuration (-x): a JSON file or NAME=Engine,...; NoReorderNoCheck regions get no crash points")
    .option('--out <dir>', 'write a counterexample file for each inconsistent image into this folder (daxcheck replay, daxcheck show)')
    .option('--litmus', 'print the log as a litmus test (docs/trace.md) instead of checking it')
    .action((log: string, opts: TraceOptions) => done({ format: 'text' }, async () => (await import('./trace-command.js')).runTrace(log, opts, io)));
}

/** `--shard i/n`: this machine's share of the cells or tests. */
function shardFlag(units: string): Option {
  return new Option('--shard <i/n>', `check only the i-th of n shares of the ${units} (every n-th, from the i-th)`).argParser(shardOption);
}

/** Promotes the litmus `files`, and the matrix when asked (on `workers` threads); at least one of them. */
async function promote(files: readonly string[], matrix: boolean, workers: number, reporter: Reporter, io: Io): Promise<number> {
  if (files.length === 0 && !matrix) throw userError('promoteWhat', undefined);
  const status = files.length > 0 ? await (await import('./promote.js')).runPromote(files, reporter, io) : EXIT.ok;
  return matrix ? Math.max(status, await (await import('./promote-matrix.js')).runPromoteMatrix(io, workers)) : status;
}

/**
 * Runs a command's work: a user error becomes its one-line message and exit status 2, anything else
 * an internal error on one line with exit status 3 (and its stack trace with `--debug`).
 */
async function guard(io: Io, debug: boolean, run: () => number | Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const error = asUserError(e);
    io.err(`daxcheck: ${error.message}`);
    if (debug && error instanceof InternalError && error.cause instanceof Error) io.err(error.cause.stack ?? '');
    return errorStatus(error);
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
}

/** The process's entry: whatever escapes `main` is still one line and exit status 3, never a stack trace unless --debug. */
async function entry(argv: readonly string[]): Promise<number> {
  try {
    return await main(argv, processIo());
  } catch (e) {
    process.stderr.write(`daxcheck: ${asUserError(e).message}\n`);
    if (argv.includes('--debug') && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    return EXIT.internal;
  }
}

if (invokedDirectly()) process.exitCode = await entry(process.argv.slice(2));
