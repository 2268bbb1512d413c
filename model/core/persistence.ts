import type { PersistenceDomain } from '../../profiles/platforms.js';

/** The persistence rules of the CPU model, read from a platform's persistence domain. */
export interface Persistence {
  /** What a crash keeps of the cached stores: a program-order prefix of the store buffer, or of each line. */
  readonly crashKeeps: 'store-buffer-prefix' | 'line-prefixes';
  /** Whether a store is persistent once it drains from the store buffer (by a fence, a clflush of its line, or as a locked store). */
  readonly drainedStoresPersist: boolean;
  /** Whether writing a line back (clflush, clflushopt, clwb, a non-temporal store's eviction) persists more than draining does. */
  readonly writebackPersists: boolean;
}

/**
 * The one interpretation of a persistence domain. A buffer inside the domain drains only into
 * buffers inside it, since power loss drains the domain to media; a domain that breaks this, or that
 * the model has no rules for (stores persistent as they issue), is refused.
 */
export function persistenceOf(domain: PersistenceDomain): Persistence {
  if (!domain.memoryController) refuse(domain, 'every store reaches media through the memory controller, so it must be inside');
  if (domain.storeBuffer && !domain.caches) refuse(domain, 'the store buffer drains into the caches, so they must be inside when it is');
  if (domain.storeBuffer || domain.writeCombining) refuse(domain, 'the model has no rules for stores that persist as they issue (store buffer or write-combining buffers inside)');
  const caches = domain.caches;
  return { crashKeeps: caches ? 'store-buffer-prefix' : 'line-prefixes', drainedStoresPersist: caches, writebackPersists: !caches };
}

function refuse(domain: PersistenceDomain, why: string): never {
  const inside = Object.entries(domain).flatMap(([part, yes]) => (yes ? [part] : []));
  throw new Error(`no persistence rules for a domain of {${inside.join(', ')}}: ${why}`);
}
