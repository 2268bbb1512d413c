import { InvalidArgumentError } from 'commander';
import { message } from '../lang/messages.js';

/** One of `count` machines' share of a run (`--shard INDEX/COUNT`, INDEX from 1). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A commander parser for `--shard i/n`: whole numbers with 1 <= i <= n. */
export function shardOption(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!(index >= 1 && index <= count && Number.isSafeInteger(count))) throw new InvalidArgumentError(message('badShard', value));
  return { index, count };
}

/**
 * The shard's share of `items` in their fixed order: every COUNT-th from the INDEX-th, so that each
 * shard gets some of every mode (the costly cells are neighbours in the order) and the shards
 * together are every item exactly once.
 */
export function shardOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard === undefined ? [...items] : items.filter((_, i) => i % shard.count === shard.index - 1);
}

/** `i/n`, as `--shard` takes it. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
