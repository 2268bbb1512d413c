import type { Failure } from '../../model/core/persistence.js';
import type { PersistenceDomain } from '../../profiles/platforms.js';

/** The parts of the way to media a domain can hold, in the order a cached store passes them. */
const PARTS: { readonly [K in Exclude<keyof PersistenceDomain, 'host'>]: string } = {
  storeBuffer: 'store buffer',
  caches: 'CPU caches',
  writeCombining: 'write-combining buffers',
  memoryController: 'memory controller',
};

/**
 * What a platform's persistence domain holds, in words: the parts that survive power loss, and what
 * backs a guest's pmem on its host; against a guest's crash, what the surviving host keeps.
 */
export function domainWords(domain: PersistenceDomain, failure: Failure = 'host'): string {
  if (failure === 'guest') return "guest crash: the host survives, and every store the guest executed is in host memory (the guest's page cache and open journal transaction are lost)";
  const inside = (Object.keys(PARTS) as (keyof typeof PARTS)[]).filter((part) => domain[part]).map((part) => PARTS[part]);
  const held = `persistence domain: ${inside.length > 0 ? inside.join(', ') : 'nothing'}`;
  if (domain.host === null) return held;
  const backing = domain.host.pageCache ? 'a host file in the host page cache' : 'host pmem through a DAX mapping';
  return `${held}; on ${backing}${domain.host.flushRequest ? ', flushed by request to the host' : ''}`;
}
