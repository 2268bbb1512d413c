import { prepare, evaluateAt, DEFAULT_LIMIT } from '../model/check/check.js';
import { enumerateLazily } from '../model/check/explore.js';
import { journalSource, pageSources } from '../model/kernel/fs-sources.js';
import { pageOfKey } from '../model/fs/state.js';
import { NO_BUGS } from '../profiles/bugs.js';
import type { Oracle } from '../model/core/source.js';
import type { Site } from '../model/core/site.js';
import type { CrashPoint } from '../model/check/execute.js';
import type { World } from '../model/core/world.js';
import type { Litmus } from '../lang/ast.js';

/** What an enumeration of a test's crash states did: recovery runs, and the distinct (observed values, committed journal prefix) pairs summed over crash points. */
export interface Enumerated {
  readonly evaluations: number;
  readonly outcomes: number;
}

/**
 * An eager enumerator, for comparing with the lazy explorer: at each crash point it fixes every
 * site of the crash state before recovery reads anything, so it runs recovery once per crash state
 * (the product of every line's, non-temporal piece's, journal's and page's options). Per-line
 * sources only (ADR): eADR's shared prefix is one source that its lines read in turn.
 */
export function enumerateEagerly(test: Litmus): Enumerated {
  const { world, execution } = prepare(test, NO_BUGS);
  let evaluations = 0;
  let outcomes = 0;
  for (const point of execution.points) {
    const sites = sitesOf(point, world);
    const leaves = enumerateLazily((oracle) => {
      const fixed = sites.map(([site, size]) => [site, oracle.choose(site, size)] as const);
      const eager: Oracle = { choose: (site, size) => oracle.choose(site, size), narrow: (site, size) => oracle.choose(site, size) };
      const committed = fixed.find(([site]) => site.kind === 'journal')?.[1] ?? 0;
      return `${JSON.stringify(evaluateAt(test, point, world, eager).values, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))} ${committed}`;
    }, DEFAULT_LIMIT * 50);
    evaluations += leaves.length;
    outcomes += new Set(leaves.map((l) => l.result)).size;
  }
  return { evaluations, outcomes };
}

/** Every site of a crash point with its options: each line with cached stores, each non-temporal piece, the journal and each cached page. */
function sitesOf(point: CrashPoint, world: World): (readonly [Site, number])[] {
  const { cpu, fs } = point.state;
  const lines = new Map<number, number>();
  for (const p of cpu.cached) lines.set(p.line, (lines.get(p.line) ?? 1) + 1);
  const pages = Object.entries(fs.pages).flatMap(([key, page]): (readonly [Site, number])[] => {
    const { ino, page: p } = pageOfKey(key);
    const { version, meta, landed } = pageSources(page, world);
    return [[{ kind: 'page', ino, page: p }, version.options], [{ kind: 'meta', ino, page: p }, meta.options], ...(landed ? [[{ kind: 'landed', ino, page: p }, landed.options] as const] : [])];
  });
  return [
    ...[...lines].map(([line, options]) => [{ kind: 'line', line }, options] as const),
    ...cpu.nt.map((p) => [{ kind: 'nt', seq: p.seq }, 2] as const),
    [{ kind: 'journal' }, journalSource(fs).options] as const,
    ...pages,
  ];
}
