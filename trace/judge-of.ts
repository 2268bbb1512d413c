import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userError } from '../lang/messages.js';
import { parseTraceChecks } from '../lang/trace/trace-checks.js';
import { expectationCheck } from './expectation-check.js';
import type { PersistContext } from '../model/x86/persist.js';
import type { Judge } from './judge.js';
import type { Layout } from './layout.js';
import { moduleJudge, type CheckFunction } from './module-judge.js';
import { programJudge } from './program-judge.js';

/**
 * The user's checker: a program (a shell command, pmreorder's convention), an in-process module (a
 * path) or a file of litmus observations and expectations (a path).
 */
export type Checker = { readonly program: string } | { readonly module: string } | { readonly expect: string };

/** The checker as the user named it: the command, or the path. */
export function checkerName(checker: Checker): string {
  return 'program' in checker ? checker.program : 'module' in checker ? checker.module : checker.expect;
}

/** The checker with its path (a module's, an expectation file's) rewritten by `path`; a command is kept as given. */
export function checkerWithPath(checker: Checker, path: (p: string) => string): Checker {
  if ('program' in checker) return checker;
  return 'module' in checker ? { module: path(checker.module) } : { expect: path(checker.expect) };
}

/** The judge of `checker`, with at most `parallel` checker processes at once (default: the machine's parallelism). */
export async function judgeOf(checker: Checker, layout: Layout, ctx: PersistContext, parallel?: number): Promise<Judge> {
  if ('program' in checker) return programJudge({ command: checker.program, ...(parallel ? { parallel } : {}) }, layout, ctx);
  if ('expect' in checker) return moduleJudge(expectationCheck(parseTraceChecks(readExpectations(checker.expect), checker.expect)), layout, ctx);
  return moduleJudge(await loadCheckModule(checker.module), layout, ctx);
}

function readExpectations(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw userError('traceExpectFile', undefined, file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** The checker a module exports: its default export or `check`, a function. */
async function loadCheckModule(file: string): Promise<CheckFunction> {
  let loaded: { default?: unknown; check?: unknown };
  try {
    loaded = (await import(pathToFileURL(resolve(file)).href)) as typeof loaded;
  } catch (e) {
    throw userError('checkModuleLoad', undefined, file, e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const check = loaded.default ?? loaded.check;
  if (typeof check !== 'function') throw userError('checkModuleExport', undefined, file);
  return check as CheckFunction;
}
