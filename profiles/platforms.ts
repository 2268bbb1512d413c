/**
 * The places a store passes through on its way to the media, each inside the persistence domain or
 * not: what is inside survives power loss without a flush (SNIA NVM Programming Model v1.2 §10.2.1
 * "persistence domain"). A cached store goes store buffer, caches, memory controller; a
 * non-temporal store goes write-combining buffers, memory controller.
 */
export interface PersistenceDomain {
  readonly storeBuffer: boolean;
  readonly caches: boolean;
  /** The write-combining buffers that hold non-temporal stores in flight. */
  readonly writeCombining: boolean;
  /** The memory controller's write pending queues. */
  readonly memoryController: boolean;
}

/** What the model needs to know about a platform. */
export interface Platform {
  readonly name: string;
  readonly domain: PersistenceDomain;
}

/**
 * Platforms as data (DESIGN 1.1). `adr`: the memory controller's write queues are in the persistence
 * domain and the CPU caches are not. `eadr`: the caches are in the persistence domain too, so a store
 * is persistent once it leaves the store buffer (Intel, "eADR: New Opportunities for Persistent Memory
 * Applications", 2021; SNIA NVM Programming Model v1.2 §10.2.1 "persistence domain"). On both, a
 * non-temporal store needs a fence to leave the write-combining buffers (Intel SDM vol. 2B MOVNTI).
 */
export const PLATFORMS = {
  adr: { name: 'adr', domain: { storeBuffer: false, caches: false, writeCombining: false, memoryController: true } },
  eadr: { name: 'eadr', domain: { storeBuffer: false, caches: true, writeCombining: false, memoryController: true } },
} as const satisfies Record<string, Platform>;

/** The name of a built-in platform: the `platform=` values. */
export type PlatformName = keyof typeof PLATFORMS;

/** The built-in platform names in table order (ADR before eADR). */
export const PLATFORM_NAMES = Object.keys(PLATFORMS) as PlatformName[];
