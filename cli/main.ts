#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { setAutoFreeze } from 'immer';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../lang/errors.js';
import { runCatalogue } from './catalogue.js';
import { MATRIX_DEFAULTS, runMatrix } from './matrix.js';
import { runReplay } from './replay-command.js';
import { runHtmlReport } from './report-command.js';
import { runShow } from './show-command.js';
import { processIo, type Io } from './io.js';
import { packageRoot } from './package-root.js';
import { runPromote } from './promote.js';
import { CORPUS, MATRIX_GOLDEN, runPromoteMatrix } from './promote-matrix.js';
import { runRun } from './run.js';

/** Runs the `daxcheck` command line with `argv` (without node and script) and returns the exit status. */
export function main(argv: readonly string[], io: Io): number {
  // Exploration never mutates a finished state, so freezing every state would only cost time.
  setAutoFreeze(false);
  let status = 0;
  const program = new Command('daxcheck')
    .description('Crash-consistency model checker for persistent memory and Linux DAX')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(`daxcheck: ${s}`),
    });
  const done = (result: number) => void (status = result);
  litmusCommands(program, io, done);
  counterexampleCommands(program, io, done);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.exitCode === 0 ? 0 : 2;
  }
  return status;
}

type Done = (status: number) => void;

/** `run`, `promote` and `catalogue`: litmus tests and their goldens. */
function litmusCommands(program: Command, io: Io, done: Done): void {
  program
    .command('run')
    .description('check litmus tests and print their reports')
    .argument('<files...>', 'litmus test files')
    .option('--json', 'print one JSON object per test, one per line')
    .action((files: string[], opts: { json?: boolean }) => done(runRun(files, opts.json === true, io)));
  program
    .command('promote')
    .description("write each test's report as its golden .expected file, or the matrix's golden and corpus")
    .argument('[files...]', 'litmus test files')
    .option('--matrix', `write ${MATRIX_GOLDEN} and ${CORPUS}/ from the matrix with its defaults`)
    .action((files: string[], opts: { matrix?: boolean }) => done(guard(io, () => promote(files, opts.matrix === true, io))));
  program
    .command('catalogue')
    .description('run every litmus test under DIR against its golden report')
    .argument('[dir]', 'folder of litmus tests', `${packageRoot()}/litmus`)
    .action((dir: string) => done(runCatalogue(dir, io)));
}

/** `matrix`, `replay`, `show` and `report`: generated workloads and the counterexamples they find. */
function counterexampleCommands(program: Command, io: Io, done: Done): void {
  program
    .command('matrix')
    .description('check every mapping mode, platform and recipe with generated workloads (the main job)')
    .option('--json', 'print one JSON object instead of the table')
    .option('--seed <n>', 'fast-check seed', wholeNumber('--seed'), MATRIX_DEFAULTS.seed)
    .option('--num-runs <n>', 'workloads per cell', wholeNumber('--num-runs'), MATRIX_DEFAULTS.numRuns)
    .option('--cell <id>', 'only the cell MODE/PLATFORM/RECIPE')
    .option('--out <dir>', 'where counterexample files go', MATRIX_DEFAULTS.out)
    .action((opts: { json?: boolean; seed: number; numRuns: number; cell?: string; out: string }) => {
      done(guard(io, () => runMatrix({ ...opts, json: opts.json === true }, io)));
    });
  program
    .command('replay')
    .description('re-run counterexample files without the random generator')
    .argument('<files...>', 'counterexample JSON files')
    .action((files: string[]) => done(runReplay(files, io)));
  program
    .command('show')
    .description('explain counterexample files on one screen')
    .argument('<files...>', 'counterexample JSON files')
    .option('--litmus', 'print each as a litmus test for a catalogue')
    .action((files: string[], opts: { litmus?: boolean }) => done(runShow(files, opts.litmus === true, io)));
  program
    .command('report')
    .description('write one self-contained HTML page explaining counterexample files')
    .argument('<files...>', 'counterexample JSON files')
    .requiredOption('--html <out>', 'the HTML file to write')
    .action((files: string[], opts: { html: string }) => done(runHtmlReport(files, opts.html, io)));
}

/** Promotes the litmus `files`, and the matrix when asked; at least one of them. */
function promote(files: readonly string[], matrix: boolean, io: Io): number {
  if (files.length === 0 && !matrix) throw new UserError('promote needs litmus files or --matrix');
  const status = files.length > 0 ? runPromote(files, io) : 0;
  if (matrix) runPromoteMatrix(io);
  return status;
}

/** A commander parser for a whole number, refusing anything else with a clear message. */
function wholeNumber(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`${option} takes a whole number, not '${value}'`);
    return Number(value);
  };
}

/** Runs a command, turning a user error into its one-line message and exit status 2. */
function guard(io: Io, run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(`daxcheck: ${e.message}`);
    return 2;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
}

if (invokedDirectly()) process.exitCode = main(process.argv.slice(2), processIo());
