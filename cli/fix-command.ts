import type { Litmus } from '../lang/ast.js';
import { parseLitmus } from '../lang/parse.js';
import { readText } from '../lang/read-text.js';
import { findFix } from '../fix/search.js';
import { loadCounterexample } from '../report/counterexample-load.js';
import type { Reporter } from '../report/events.js';
import { fixText } from '../report/fix-text.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';
import { fileStatus } from './per-file.js';

/** `daxcheck fix FILE [--max-size N]`: 0 with a verified fix (or nothing to fix), 1 when none exists within the bound, 2 on bad input. */
export function runFix(file: string, maxSize: number, reporter: Reporter, io: Io): number {
  return fileStatus(file, reporter, io, () => {
    const { test, source } = loadProgram(file);
    const result = findFix(test, { maxSize });
    fixText(file, source, result).forEach((line) => io.out(line));
    return result.kind === 'none' ? EXIT.verdict : EXIT.ok;
  });
}

/** A litmus test, or the program of a counterexample file (`.json`), with the text its positions point into. */
function loadProgram(file: string): { test: Litmus; source: string } {
  if (file.endsWith('.json')) {
    const { cx, test } = loadCounterexample(file);
    return { test, source: cx.program };
  }
  const source = readText(file);
  return { test: parseLitmus(source), source };
}
