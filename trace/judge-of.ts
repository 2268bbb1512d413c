import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userError } from '../lang/messages.js';
import type { PersistContext } from '../model/x86/persist.js';
import type { Judge } from './judge.js';
import type { Layout } from './layout.js';
import { moduleJudge, type CheckFunction } from './module-judge.js';
import { programJudge } from './program-judge.js';

/** The user's checker: a program (a shell command, pmreorder's convention) or an in-process module (a path). */
export type Checker = { readonly program: string } | { readonly module: string };

/** The judge of `checker`, with at most `parallel` checker processes at once (default: the machine's parallelism). */
export async function judgeOf(checker: Checker, layout: Layout, ctx: PersistContext, parallel?: number): Promise<Judge> {
  if ('program' in checker) return programJudge({ command: checker.program, ...(parallel ? { parallel } : {}) }, layout, ctx);
  return moduleJudge(await loadCheckModule(checker.module), layout, ctx);
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
