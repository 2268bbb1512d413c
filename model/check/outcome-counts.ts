import type { Observation } from '../../lang/ast.js';
import { showObserved, type Observed } from './observe.js';

/** What one observation saw, as a map key: an integer's value or a string's text (an observation always reads one kind). */
type Seen = bigint | string;

/** One level of the counts: by what the next observation saw, the level below, or the count at the last. */
type Level = Map<Seen, Level | number>;

/**
 * How many crash states gave each combination of observed values. Kept as a tree of maps, one level
 * per observation, so that counting a crash state builds no text: the outcome lines are written once, at the end.
 */
export class OutcomeCounts {
  private readonly root: Level = new Map();

  constructor(private readonly observations: readonly Observation[]) {}

  /** Counts one crash state's values (one for each observation). */
  add(values: Readonly<Record<string, Observed>>): void {
    const last = this.observations.length - 1;
    let level = this.root;
    for (let i = 0; i < last; i++) {
      const seen = seenOf(values[this.observations[i]!.name]!);
      let next = level.get(seen) as Level | undefined;
      if (!next) level.set(seen, (next = new Map()));
      level = next;
    }
    const seen = seenOf(values[this.observations[last]!.name]!);
    level.set(seen, ((level.get(seen) as number | undefined) ?? 0) + 1);
  }

  /** Each outcome as `NAME=VALUE; ...` with its count, in the order of the text. */
  lines(): { text: string; count: number }[] {
    const out: { text: string; count: number }[] = [];
    const walk = (level: Level, depth: number, prefix: string) => {
      for (const [seen, below] of level) {
        const text = `${prefix}${depth > 0 ? '; ' : ''}${this.observations[depth]!.name}=${showObserved(observedOf(seen))}`;
        if (typeof below === 'number') out.push({ text, count: below });
        else walk(below, depth + 1, text);
      }
    };
    if (this.observations.length > 0) walk(this.root, 0, '');
    return out.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }
}

const seenOf = (v: Observed): Seen => (v.kind === 'int' ? v.value : v.text);
const observedOf = (seen: Seen): Observed => (typeof seen === 'bigint' ? { kind: 'int', value: seen } : { kind: 'str', text: seen });
