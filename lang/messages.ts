import type { Pos } from './ast.js';
import { UserError } from './errors.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Every error message daxcheck shows a user, in one catalogue (as immer keeps its errors): the
 * code that finds a problem names the message and its details; the wording lives here. The reasons
 * an operation fails with an errno are not here: they belong to the model's rule, beside its source.
 */
export const MESSAGES = {
  // Reading files.
  noSuchFile: () => 'no such file',
  cannotRead: (code: string) => `cannot read (${code})`,
  cannotWrite: (file: string, code: string) => `cannot write ${file} (${code})`,

  // Litmus text: tokens and grammar.
  expected: (expected: string, found: string) => `expected ${expected}, found ${found}`,
  unexpectedCharacter: (c: string) => `unexpected character '${c}'`,
  unterminatedComment: () => "unterminated comment (expected '*)' before end of file)",
  unterminatedString: () => 'unterminated string (expected \'"\' before end of line)',
  hexEscape: () => "expected two hex digits after '\\x'",
  unknownEscape: (c: string) => `unknown escape '\\${c}' (expected \\", \\\\, \\n, \\t or \\xHH)`,
  numberTooLarge: (text: string) => `number '${text}' is too large (at most 2^53-1)`,
  byteOutOfRange: (text: string) => `byte '${text}' is out of range (expected 0..255)`,
  integerTooWide: (text: string, width: number) => `integer '${text}' does not fit in ${plural(width, 'byte')}`,
  repeatCount: (text: string) => `repeat count must be at least 1, found '${text}'`,
  width: (text: string) => `width must be 1..8 bytes, found '${text}'`,
  malformedNumber: (text: string, expected: string) => `malformed number '${text}' (expected ${expected})`,
  pastLimit: (what: string, limit: number) => `${what} is past daxcheck's limit of ${limit} (README "Limits")`,
  unknownWord: (what: string, text: string, options: readonly string[]) => `unknown ${what} '${text}' (expected one of ${options.join(', ')})`,
  duplicateWord: (what: string, text: string) => `duplicate ${what} '${text}'`,
  missingSize: (name: string) => `missing size=N in the declaration of '${name}'`,
  unknownOption: (what: string, text: string, expected: string) => `unknown ${what} '${text}' (expected ${expected})`,
  optionTwice: (text: string, previous: string, what: string) => `'${text}' cannot follow '${previous}' (each kind of ${what} at most once)`,

  // Configuration.
  unknownConfigKey: (key: string, keys: readonly string[]) => `unknown configuration key '${key}' (expected one of ${keys.join(', ')})`,
  unknownConfigValue: (value: string, key: string, values: readonly string[]) => `unknown value '${value}' for ${key} (expected one of ${values.join(', ')})`,
  configTwice: (key: string) => `configuration key '${key}' given twice`,
  failureWithoutGuest: (platform: string, guests: readonly string[]) => `failure=guest needs a guest, and platform=${platform} has no host (platforms with one: ${guests.join(', ')})`,
  optionElsewhere: (key: string, fs: string, owners: readonly string[]) => `configuration key '${key}' does not apply to fs=${fs} (it is an option of ${owners.join(', ')})`,

  // Declarations.
  declaredTwice: (name: string) => `'${name}' is declared twice`,
  deviceSize: (name: string) => `device '${name}' needs a size above 0`,
  deviceAlign: (name: string) => `device '${name}' alignment must be a power of two of at least 4K`,
  contentsOfUnwritten: (name: string, state: string) => `file '${name}' is ${state}: it cannot have contents`,
  fileSize: (name: string) => `file '${name}' needs a size of at least 0`,
  noPerFileDax: (fs: string, flag: string) => `${fs} has no per-file DAX flag ('${flag}')`,
  notDaxMounted: (fs: string, name: string) => `fs=${fs} is not mounted with DAX: file '${name}' cannot be dax`,

  // The program.
  labelTwice: (name: string) => `label '${name}' is defined twice`,
  unknownMapping: (name: string) => `unknown mapping '${name}'`,
  unmappedName: (name: string) => `unknown mapping '${name}' (map it first with '${name} = mmap ...')`,
  unknownMappingInAt: (name: string) => `unknown mapping '${name}' in at=`,
  unmappedAccess: (size: number, name: string, off: number) => `access of ${size} bytes at ${name}[${off}] touches an unmapped address (SIGSEGV)`,
  pinHeld: (name: string) => `pin '${name}' is already held`,
  unknownPin: (name: string) => `unknown pin '${name}'`,
  dmaOutsidePin: (size: number, off: number, name: string, len: number) => `dma of ${size} bytes at ${off} is outside pin '${name}' (${len} bytes)`,
  deviceInNamespace: (device: string, op: string) => `device '${device}' lives in /dev, outside the modelled filesystem: ${op} cannot name it`,
  unannotatedFailure: (op: string, failure: string, reason: string) => `${op} failed with ${failure}: ${reason}; annotate it '=> ${failure}' if that is expected`,

  // Observations and expectations.
  observationTwice: (name: string) => `observation '${name}' is defined twice`,
  unknownSafetyProperty: (name: string, known: readonly string[]) => `unknown safety property '${name}' in 'Safety: ... fails' (expected one of ${known.join(', ')})`,
  unknownLabel: (name: string) => `unknown label '${name}' (no '${name}:' in the program)`,
  unknownTarget: (name: string) => `unknown file or device '${name}' (declare it, or create it in the program)`,
  emptyRange: (target: string) => `observed range of ${target} must have a length above 0`,
  deviceSizeObserved: (target: string) => `size() of device '${target}': a device has no file size`,
  rangeOutsideDevice: (off: number, len: number, target: string, size: number) => `observed range ${off}:${len} is outside device '${target}' (${size} bytes)`,
  unknownObservation: (name: string) => `unknown observation '${name}' in condition`,
  comparedWrongKind: (name: string, isStr: boolean, withStr: boolean) =>
    `observation '${name}' is ${isStr ? 'a string' : 'an integer'}, compared with ${withStr ? 'a string' : 'an integer'}`,

  // Exploration.
  explorationLimit: (limit: number) =>
    `exploration stopped at its limit of ${limit} crash-state evaluations at one crash point: observe fewer lines, or split the test (many pending non-temporal stores multiply the states)`,
  internal: (detail: string) => `internal error, please report it with this file: ${detail}`,

  // Counterexample files.
  notJson: (detail: string) => `not JSON (truncated or corrupt): ${detail}`,
  badField: (field: string, reason: string) => `field '${field}': ${reason}`,
  wantString: () => 'expected a string',
  wantNatural: () => 'expected a whole number of at least 0',
  wantInteger: () => 'expected a whole number',
  wantObject: () => 'expected an object',
  wantList: () => 'expected a list',
  wantSchema: (schema: string) => `expected ${JSON.stringify(schema)}`,
  unknownProperty: (found: string, known: readonly string[]) => `unknown property ${found} (expected one of ${known.join(', ')})`,
  unknownVersion: (found: string, version: number) => `unknown version ${found} (this daxcheck reads version ${version})`,
  noLongerParses: (where: string, detail: string) => `no longer parses${where}: ${detail}`,
  noLongerRuns: (where: string, detail: string) => `no longer runs${where}: ${detail}`,
  noSuchExpectation: (text: string) => `the program has no expectation '${text}'`,
  notASite: (text: string) => `'${text}' is not a site (line N, nt N, journal, page I:P, meta I:P or landed I:P)`,
  noSuchCrashPoint: (index: number, points: number) => `crash point ${index} does not exist (the program has ${points})`,
  noWitness: (text: string) => `no counterexample file for '${text}': an exists that fails has no crash state to show`,

  // Why a counterexample no longer reproduces.
  siteNotRecorded: (site: string) => `the crash state does not say how '${site}' was chosen`,
  siteOptionsChanged: (site: string, now: number, then: number) => `'${site}' now has ${now} options, not ${then}`,
  safetyHoldsNow: (property: string) => `safety property ${property} holds now`,
  observedNow: (name: string, now: string, then: string) => `${name} is now ${now}, not ${then}`,
  outsideScope: () => 'the crash point is outside the expectation scope',
  noLongerViolates: (text: string) => `the crash state no longer violates '${text}'`,

  // pmemcheck store logs (daxcheck trace).
  logRecord: (log: string, record: number, detail: string) => `${log}:${record}: ${detail}`,
  logUnreadable: (log: string, why: string) => `${log}: ${why}`,
  unknownRecord: (text: string) => `unknown record '${text.length > 60 ? `${text.slice(0, 60)}...` : text}' (expected START, STOP, STORE, FLUSH, FENCE, DEEP_SYNC, REGISTER_FILE or a marker NAME.BEGIN / NAME.END)`,
  recordFields: (kind: string, form: string, found: number) => `${kind} takes the form ${form}, found ${plural(found, 'field')} after '${kind}'`,
  recordHex: (what: string, text: string) => `malformed ${what} '${text}' (expected a hex number 0x...)`,
  recordHexLarge: (what: string, text: string) => `${what} '${text}' is too large (at most 2^53-1)`,
  storeSize: (text: string, word: number) => `store size '${text}' is not 1..${word} bytes (pmemcheck logs at most a machine word)`,
  storeValueWidth: (text: string, size: number) => `value '${text}' does not fit in the store's ${plural(size, 'byte')}`,
  registerNoPath: () => 'REGISTER_FILE has an empty path',
  logNoStart: (text: string) => `the log must begin with START, found '${text.length > 60 ? `${text.slice(0, 60)}...` : text}'`,
  startTwice: () => 'a second START (one log is one run)',
  recordAfterStop: () => 'a record after STOP',
  logNoStop: () => 'the log ends without STOP (was it cut short?)',
  markerNotOpen: (name: string) => `marker '${name}.END' closes nothing (no '${name}.BEGIN' is open)`,
  markersCross: (name: string, open: string) => `marker '${name}.END' crosses '${open}', which is still open (markers nest, as pmreorder requires)`,

  traceTime: (seconds: string) => `daxcheck trace: ${seconds} s`,
  traceWrote: (file: string) => `wrote ${file}`,
  markerConfigPair: (config: string, pair: string) => `--markers ${config}: '${pair}' is not NAME=Engine`,
  markerConfigEngine: (config: string, engine: string, known: readonly string[]) => `--markers ${config}: unknown engine '${engine}' (pmreorder's engines: ${known.join(', ')})`,
  markerConfigJson: (file: string, reason: string) => `--markers ${file}: not a JSON object of marker names to engines (${reason})`,
  traceReproduces: (file: string, detail: string) => `reproduces ${file}: ${detail}`,
  traceDoesNotReproduce: (file: string, reason: string) => `does not reproduce ${file}: ${reason}`,
  traceLogChanged: (log: string) => `the log ${log} is not the one recorded (its sha256 differs)`,
  traceNoCrashPoint: (record: number) => `the run explores no crash point at record ${record}`,
  traceNowConsistent: (field: string) => `the checker now finds the ${field} consistent`,
  traceImage: (file: string, why: string) => `the pre-run image ${file} cannot be read (${why}); give it with --image FILE`,
  traceLitmusOperations: (log: string, limit: number) => `${log}: too large to print as a litmus test: more than ${limit} operations, the language's limit (docs/language.md, "Limits"); check it with daxcheck trace`,
  traceLitmusFileSize: (log: string, path: string, size: number, limit: number) => `${log}: cannot print as a litmus test: the registered file ${path} maps ${size} bytes, past the language's limit of ${limit} for a file`,
  traceLitmusContent: (log: string, path: string, why: string) => `${log}: cannot print as a litmus test: the pre-run bytes of ${path} in the lines the log stores to cannot be a file's content="...": ${why}`,
  traceExpectEvery: () => 'trace --expect checks every crash image: forall COND or ~exists COND, without a scope (exists and scopes are for litmus tests: trace --litmus)',
  traceExpectTarget: (name: string, files: readonly string[]) => `unknown file '${name}' (the registered files are ${files.join(', ') || 'none'})`,
  traceExpectFails: (expectation: string, values: string) => `${expectation} fails: ${values}`,
  traceExpectFile: (file: string, why: string) => `${file}: cannot read the expectations (${why})`,
  traceCheckerOption: () => 'trace needs one checker: --checker "CMD ARGS", --check-module FILE or --expect FILE',
  checkerOneFile: (files: number) => `--checker takes a log that registers one file (this one registers ${files}); use --check-module`,
  checkerCannotRun: (command: string, detail: string) => `the checker '${command}' cannot run: ${detail}`,
  checkModuleLoad: (file: string, why: string) => `${file}: cannot load the check module: ${why}`,
  checkModuleExport: (file: string) => `${file}: the check module must export a function, as its default export or as 'check'`,
  checkModuleAnswer: (answer: string) => `the check module returned ${answer}; it must return true (consistent), false or a reason (inconsistent)`,
  checkModuleRead: (file: number, offset: number, length: number, size: number) => `the check module read ${length} bytes at ${offset} of file ${file}, past its ${size} bytes`,

  // The command line.
  wholeNumber: (option: string, value: string) => `${option} takes a whole number, not '${value}'`,
  noSuchFolder: (dir: string) => `${dir}: no such folder`,
  notAFolder: (dir: string) => `${dir}: not a folder (catalogue takes a folder of .litmus tests; use 'daxcheck run' for files)`,
  noTests: (dir: string) => `${dir}: no .litmus tests in this folder`,
  noJournal: (file: string) => `--resume: no journal ${file} (it is written as cells finish; run without --resume first)`,
  badJournal: (command: string, file: string, detail: string) => `${command}: ${file} is not a journal daxcheck can read: ${detail}`,
  journalOptions: (file: string, seed: number, numRuns: number) => `--resume: ${file} was made with --seed=${seed} --num-runs=${numRuns}; give the same`,
  journalShard: (file: string, shard: string) => `--resume: ${file} was made with ${shard}; give the same`,
  badShard: (value: string) => `--shard takes INDEX/COUNT with 1 <= INDEX <= COUNT, e.g. 1/4, not '${value}'`,
  shardWithCell: () => '--shard splits the whole matrix: give it without --cell',
  reportNoJournal: (file: string) => `report: no journal ${file} (give the --out folder of a matrix run, or counterexample files)`,
  reportFolderAlone: (dir: string) => `report: ${dir} is a matrix folder: give it alone, not with counterexample files`,
  mergeNoJournal: (file: string) => `merge: no journal ${file} (give the --out folder of each shard)`,
  mergeOptions: (dir: string, seed: number, numRuns: number, first: string, firstSeed: number, firstNumRuns: number) =>
    `merge: ${dir} was made with --seed=${seed} --num-runs=${numRuns}, ${first} with --seed=${firstSeed} --num-runs=${firstNumRuns}`,
  mergeCounts: (dir: string, shard: string, first: string, firstShard: string) => `merge: ${dir} is shard ${shard}, ${first} is shard ${firstShard}: shards of different splits`,
  mergeTwice: (shard: string, dir: string, other: string) => `merge: shard ${shard} given twice (${other} and ${dir})`,
  mergeMissing: (shards: string) => `merge: missing shard ${shards}`,
  mergeUnfinished: (dir: string, shard: string, done: number, total: number) => `merge: ${dir}: shard ${shard} is not finished (${done} of ${total} cells; finish it with --resume)`,
  mergeOtherCells: (dir: string, shard: string) => `merge: ${dir}: shard ${shard} holds other cells than this daxcheck's matrix (made by another version?)`,
  mergeNoCounterexample: (file: string, cell: string) => `merge: no counterexample file ${file} (cell ${cell} is lost)`,
  outNotAFolder: (out: string) => `--out ${out}: not a folder`,
  atLeastOne: (option: string, value: string) => `${option} takes a whole number of at least 1, not '${value}'`,
  promoteWhat: () => 'promote needs litmus files or --matrix',
  unknownCell: (cell: string) => `no cell '${cell}' (expected MODE/PLATFORM/RECIPE or MODE/PLATFORM@guest/RECIPE, e.g. fsdax-shared/adr/flush+fence, devdax/nvdimm-dax@guest/none)`,
  recipeRefused: (mode: string, recipe: string, errno: string, reason: string) => `${mode} refuses ${recipe}: ${errno} (${reason})`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type MessageId = keyof typeof MESSAGES;

/** The catalogue's message `id` with its details. */
export function message<K extends MessageId>(id: K, ...args: Parameters<(typeof MESSAGES)[K]>): string {
  return (MESSAGES[id] as (...details: Parameters<(typeof MESSAGES)[K]>) => string)(...args);
}

/** A user error at `at` with the catalogue's message `id`. */
export function userError<K extends MessageId>(id: K, at: Pos | undefined, ...args: Parameters<(typeof MESSAGES)[K]>): UserError {
  return new UserError(message(id, ...args), at);
}
