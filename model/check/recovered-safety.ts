import type { World } from '../core/world.js';
import { journalSource } from '../kernel/fs-sources.js';
import { recoveredAt } from '../kernel/recovered-meta.js';
import type { Meta } from '../fs/meta.js';
import { idempotenceViolations, ownershipViolations, wellFormedViolations, type SafetyProperty } from '../fs/safety.js';
import { metaAt, type FsState } from '../fs/state.js';

/** A safety property broken, and the first sentence saying how. */
export type Problem = readonly [SafetyProperty, string];

/**
 * The metadata safety properties of the states recovery can reach, each state checked once for the
 * whole test: crash points share the journal's handles, so the same committed metadata comes back
 * at every later crash point, and what it recovers to does not depend on the observations.
 */
export class RecoveredSafety {
  private readonly recovered = new WeakMap<Meta, readonly Problem[]>();
  private readonly running = new WeakMap<Meta, readonly Problem[]>();

  constructor(private readonly world: World) {}

  /** For each property that some committed journal prefix of `fs` breaks after recovery: the first such prefix (as the journal's option) and the problem. */
  violations(fs: FsState): { readonly option: number; readonly problem: Problem }[] {
    const source = journalSource(fs);
    const found = new Map<SafetyProperty, { option: number; problem: Problem }>();
    for (let option = 0; option < source.options; option++) {
      for (const problem of this.afterRecovery(fs, source.outcome(option))) if (!found.has(problem[0])) found.set(problem[0], { option, problem });
    }
    return [...found.values()];
  }

  /** What the running filesystem's metadata breaks: a block owned twice, or structure gone wrong. */
  whileRunning(live: Meta): readonly Problem[] {
    let problems = this.running.get(live);
    if (!problems) this.running.set(live, (problems = firsts([['block-ownership', ownershipViolations(live)], ['well-formed', wellFormedViolations(live, this.world, false)]])));
    return problems;
  }

  /** Ownership in the replayed journal, idempotence and well-formedness after recovering its first `committed` handles. */
  private afterRecovery(fs: FsState, committed: number): readonly Problem[] {
    const durable = metaAt(fs, committed);
    let problems = this.recovered.get(durable);
    if (!problems) {
      const { meta } = recoveredAt(fs, this.world.bugs, committed);
      problems = firsts([
        ['block-ownership', ownershipViolations(durable)],
        ['idempotent-recovery', idempotenceViolations(meta, this.world)],
        ['well-formed', wellFormedViolations(meta, this.world, true)],
      ]);
      this.recovered.set(durable, problems);
    }
    return problems;
  }
}

function firsts(found: readonly [SafetyProperty, readonly string[]][]): Problem[] {
  return found.flatMap(([property, problems]) => problems.slice(0, 1).map((p): Problem => [property, p]));
}
