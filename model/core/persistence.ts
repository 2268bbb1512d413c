import type { PersistenceDomain } from '../../profiles/platforms.js';

/** What fails at a crash (DESIGN 1.5): the whole machine loses power, or only the guest (or its qemu) dies. */
export type Failure = 'host' | 'guest';

/** The persistence rules of the CPU model, read from a platform's persistence domain. */
export interface Persistence {
  /** What a crash keeps of the cached stores: a program-order prefix of the store buffer, or of each line. */
  readonly crashKeeps: 'store-buffer-prefix' | 'line-prefixes';
  /** Whether a store is persistent once it drains from the store buffer (by a fence, a clflush of its line, or as a locked store). */
  readonly drainedStoresPersist: boolean;
  /** Whether writing a line back (clflush, clflushopt, clwb, a non-temporal store's eviction) persists more than draining does. */
  readonly writebackPersists: boolean;
  /**
   * What a crash leaves of the media: what the CPU rules above persisted (`cpu`), what the host wrote
   * back of its page cache (`host-writeback`), or every store that executed (`executed`: the host
   * outlived the guest, and its memory holds them).
   */
  readonly media: 'cpu' | 'host-writeback' | 'executed';
  /** Whether the region's flush (nvdimm_flush, at every fsync, msync and sync) makes the host write its page cache back. */
  readonly flushReachesHost: boolean;
  /** Whether the region is synchronous, so that MAP_SYNC (daxdev_mapping_supported) and device-dax are possible. */
  readonly synchronous: boolean;
}

/**
 * The one interpretation of a persistence domain under a failure. A buffer inside the domain drains
 * only into buffers inside it, since power loss drains the domain to media; a domain that breaks this,
 * or that the model has no rules for (stores persistent as they issue), is refused.
 */
export function persistenceOf(domain: PersistenceDomain, failure: Failure): Persistence {
  if (!domain.memoryController) refuse(domain, 'every store reaches media through the memory controller, so it must be inside');
  if (domain.storeBuffer && !domain.caches) refuse(domain, 'the store buffer drains into the caches, so they must be inside when it is');
  if (domain.storeBuffer || domain.writeCombining) refuse(domain, 'the model has no rules for stores that persist as they issue (store buffer or write-combining buffers inside)');
  if (failure === 'guest' && !domain.host) refuse(domain, 'a guest failure needs a host that survives it');
  const caches = domain.caches;
  const flushRequest = domain.host?.flushRequest ?? false;
  return { crashKeeps: caches ? 'store-buffer-prefix' : 'line-prefixes', drainedStoresPersist: caches, writebackPersists: !caches, media: mediaOf(domain, failure), flushReachesHost: flushRequest, synchronous: !flushRequest };
}

/**
 * What survives on the media. A killed guest leaves the host running, so every store the guest
 * executed is in host memory: a retired store leaves the store buffer, and the interrupt that takes
 * the vCPU out of the guest drains the write-combining buffers (Intel SDM vol. 3A §12.3.1 [formerly
 * §11.3.1]: WC writes wait at most until "an interrupt occurrence"); the guest's page cache and running journal
 * transaction are in guest RAM and die with it. A host power loss over a host page cache keeps what the
 * host wrote back, which reads the page through the coherent caches, flushed or not.
 */
function mediaOf(domain: PersistenceDomain, failure: Failure): Persistence['media'] {
  if (failure === 'guest') return 'executed';
  return domain.host?.pageCache ? 'host-writeback' : 'cpu';
}

function refuse(domain: PersistenceDomain, why: string): never {
  const inside = Object.entries(domain).flatMap(([part, yes]) => (yes === true ? [part] : []));
  throw new Error(`no persistence rules for a domain of {${inside.join(', ')}}: ${why}`);
}
