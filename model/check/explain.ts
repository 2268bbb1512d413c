import type { Litmus } from '../../lang/ast.js';
import { LINE, PAGE } from '../core/geometry.js';
import type { Site } from '../core/site.js';
import type { World } from '../core/world.js';
import type { Machine } from '../kernel/machine.js';
import { metaAt, pageKey } from '../fs/state.js';
import type { Evidence } from './tally.js';

/** What `explain` reads of the evidence: the crash point and the choices of its crash state. */
type Crash = Pick<Evidence, 'point' | 'choices'>;

/** What a journal handle was for, from the operation that made it. */
export type HandlePurpose = 'fault-allocation' | 'write-allocation' | 'metadata';

/**
 * One reason a crash state lost data. Choices are named by their index in the evidence, operations
 * by their index in the program.
 */
export type Cause =
  | { readonly kind: 'uncommitted-handle'; readonly op: number; readonly purpose: HandlePurpose; readonly committed: number; readonly uncommitted: number }
  | { readonly kind: 'cached-stores-lost'; readonly choice: number; readonly ops: readonly number[]; readonly outside: 'store-buffer' | 'caches' }
  | { readonly kind: 'page-not-written-back'; readonly choice: number; readonly ops: readonly number[] }
  | { readonly kind: 'host-not-written-back'; readonly choice: number; readonly ops: readonly number[] }
  | { readonly kind: 'nt-not-landed'; readonly choice: number; readonly ops: readonly number[] }
  | { readonly kind: 'writeback-metadata-not-committed'; readonly choice: number }
  | { readonly kind: 'data-not-landed'; readonly choice: number }
  | { readonly kind: 'private-stores' }
  | { readonly kind: 'cut'; readonly op: number }
  | { readonly kind: 'no-crash-state' };

/**
 * Why the crash state of `evidence` lost data, most direct cause first, from what the model
 * recorded at the crash point: handles the crash state left uncommitted, choices that kept less
 * than everything pending (with the operations behind them), stores that went to private copies,
 * an operation the crash cut, and at last that no crash state keeps the data.
 */
export function explain(evidence: Crash, test: Litmus, world: World): Cause[] {
  return [...uncommittedHandles(evidence, test), ...lostChoices(evidence, world), ...privateStores(evidence.point.state), ...cut(evidence), { kind: 'no-crash-state' }];
}

/** The program operations behind a site: those that made the pending stores of a line or piece, or the writes of a page. */
export function sourceOps(site: Site, state: Machine): number[] {
  switch (site.kind) {
    case 'line':
      return unique(state.cpu.cached.filter((p) => p.line === site.line).map((p) => p.op));
    case 'nt':
      return unique(state.cpu.nt.filter((p) => p.seq === site.seq).map((p) => p.op));
    case 'journal':
      return [];
    case 'host':
      return unique((state.cpu.host?.since ?? []).filter((p) => Math.floor((p.line * LINE) / PAGE) === site.page).map((p) => p.op));
    default:
      return unique((state.fs.pages[pageKey(site.ino, site.page)]?.writes ?? []).map((w) => w.op));
  }
}

/** Handles the crash state left uncommitted that changed metadata (a timestamp-only handle keeps the metadata it had). */
function uncommittedHandles({ point, choices }: Crash, test: Litmus): Cause[] {
  const { fs } = point.state;
  const committed = choices.find((c) => c.site.kind === 'journal')?.chosen ?? 0;
  const first = fs.committed + committed;
  const changing = fs.handles.slice(first).filter((h, i) => h.meta !== metaAt(fs, first + i));
  return changing.map((h) => ({ kind: 'uncommitted-handle', op: h.op, purpose: purposeOf(test, h.op), committed, uncommitted: fs.handles.length - fs.committed }));
}

/** Stores through a mapping allocate only by a write fault; write() allocates and grows the size; the rest is other metadata. */
function purposeOf(test: Litmus, op: number): HandlePurpose {
  const name = test.program[op]?.op;
  if (name === 'store' || name === 'ntstore' || name === 'xchg') return 'fault-allocation';
  return name === 'write' ? 'write-allocation' : 'metadata';
}

function lostChoices({ point, choices }: Crash, world: World): Cause[] {
  return choices.flatMap((c, choice): Cause[] => {
    if (c.chosen + 1 >= c.of) return [];
    const ops = sourceOps(c.site, point.state);
    switch (c.site.kind) {
      case 'journal':
        return [];
      case 'line':
        return [{ kind: 'cached-stores-lost', choice, ops, outside: world.persistence.drainedStoresPersist ? 'store-buffer' : 'caches' }];
      case 'page':
        return [{ kind: 'page-not-written-back', choice, ops }];
      case 'host':
        return [{ kind: 'host-not-written-back', choice, ops }];
      case 'nt':
        return [{ kind: 'nt-not-landed', choice, ops }];
      case 'meta':
        return [{ kind: 'writeback-metadata-not-committed', choice }];
      case 'landed':
        return [{ kind: 'data-not-landed', choice }];
    }
  });
}

/** Stores through a MAP_PRIVATE mapping went to private copies of pages, which never reach the file. */
function privateStores(state: Machine): Cause[] {
  return Object.keys(state.fs.privatePages).length > 0 ? [{ kind: 'private-stores' }] : [];
}

function cut({ point }: Crash): Cause[] {
  return point.inside ? [{ kind: 'cut', op: point.completed }] : [];
}

function unique(ops: readonly number[]): number[] {
  return [...new Set(ops)];
}
