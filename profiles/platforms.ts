/**
 * Platforms as data (DESIGN 1.1). `adr`: the memory controller's write queues are in the persistence
 * domain and the CPU caches are not. `eadr`: the caches are in the persistence domain too, so a store
 * is persistent once it leaves the store buffer (Intel, "eADR: New Opportunities for Persistent
 * Memory Applications", 2021; SNIA NVM Programming Model v1.2 §10.2.1 "persistence domain").
 */
export const PLATFORMS = {
  adr: { name: 'adr', cachesPersistent: false },
  eadr: { name: 'eadr', cachesPersistent: true },
} as const satisfies Record<string, Platform>;

/** What the model needs to know about a platform. */
export interface Platform {
  readonly name: string;
  /** Whether a store that has left the store buffer survives power loss without a flush. */
  readonly cachesPersistent: boolean;
}

