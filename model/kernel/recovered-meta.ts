import type { Bugs } from '../../profiles/bugs.js';
import type { Oracle } from '../core/source.js';
import type { Site } from '../core/site.js';
import type { Meta } from '../fs/meta.js';
import { recoverMeta } from '../fs/replay.js';
import { metaAt, type FsState } from '../fs/state.js';
import { journalSource } from './fs-sources.js';

/** The metadata recovery makes from a committed journal prefix, and how many handles that prefix holds. */
export interface Recovered {
  readonly meta: Meta;
  readonly committed: number;
}

/** A question about the recovered metadata, answered in the crash state the oracle is building. */
export type AskRecovered = <T>(question: string, answer: (recovered: Recovered) => T) => T;

/**
 * Reads the metadata recovery makes at a crash without choosing the committed journal prefix
 * outright (DESIGN 1.4): each question narrows the prefixes to those giving the same answer, so
 * prefixes that no read tells apart stay one crash state to explore. `question` names `answer`.
 */
export function recoveredMeta(fs: FsState, bugs: Bugs, oracle: Oracle): AskRecovered {
  const source = journalSource(fs);
  const at = recoveries(fs, bugs);
  return (question, answer) => {
    const answerAt = (option: number) => answer(at(source.outcome(option)));
    return answerAt(oracle.narrow(JOURNAL, source.options, question, answerAt));
  };
}

const JOURNAL: Site = { kind: 'journal' };

/** Recovered metadata by the committed metadata it came from (crash points share their handles, so recovery runs once per handle), and by crash state and prefix. */
interface Cache {
  readonly byMeta: WeakMap<Meta, Meta>;
  readonly byState: WeakMap<FsState, Recovered[]>;
}

const caches = new WeakMap<Bugs, Cache>();

/** The metadata recovery makes after the first `committed` handles of `fs` committed. */
export function recoveredAt(fs: FsState, bugs: Bugs, committed: number): Recovered {
  return recoveries(fs, bugs)(committed);
}

function recoveries(fs: FsState, bugs: Bugs): (committed: number) => Recovered {
  let cache = caches.get(bugs);
  if (!cache) caches.set(bugs, (cache = { byMeta: new WeakMap(), byState: new WeakMap() }));
  const { byMeta } = cache;
  let known = cache.byState.get(fs);
  if (!known) cache.byState.set(fs, (known = []));
  const list = known;
  return (committed) => {
    let found = list[committed];
    if (!found) {
      const durable = metaAt(fs, committed);
      let meta = byMeta.get(durable);
      if (!meta) byMeta.set(durable, (meta = recoverMeta(durable, bugs)));
      list[committed] = found = { meta, committed };
    }
    return found;
  };
}
