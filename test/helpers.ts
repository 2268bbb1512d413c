import { checkLitmus, type CheckOptions, type TestResult } from '../model/check/check.js';
import type { Litmus } from '../lang/ast.js';
import { UserError } from '../lang/errors.js';
import { parseLitmus } from '../lang/parse.js';
import type { Io } from '../cli/io.js';
import type { PlatformName } from '../profiles/platforms.js';

/** Parses and checks a litmus test given as text. */
export function check(text: string, options: CheckOptions = {}): TestResult {
  return checkLitmus(parseLitmus(text), options);
}

/** Parses a litmus test given as text. */
export function parse(text: string): Litmus {
  return parseLitmus(text);
}

/** The outcome lines of a test, e.g. ['x=0', 'x=0x2a']. */
export function outcomes(text: string, options: CheckOptions = {}): string[] {
  return check(text, options).outcomes.map((o) => o.text);
}

/** A device-dax test with one 4K device `d` mapped as `m`, the given platform, program and tail. */
export function devdax(platform: PlatformName, program: string, tail: string): string {
  return `daxcheck t\nconfig platform=${platform}\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n${program}\n${tail}\n`;
}

/** An `Io` that records what the command line printed. */
export function memoryIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), progress: () => {}, status: () => {}, interactive: false, stopRequested: () => undefined };
}

/** The error `run` throws; fails the test when it throws nothing. */
export function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

/** The positioned error parsing `text` gives, as `LINE:COL: MESSAGE`, or `no error`. */
export function parseError(text: string): string {
  try {
    parseLitmus(text);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return `${e.at?.line}:${e.at?.col}: ${e.message}`;
  }
  return 'no error';
}
