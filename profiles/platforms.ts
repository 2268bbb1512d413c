/**
 * The places a store passes through on its way to the media, each inside the persistence domain or
 * not: what is inside survives power loss without a flush (SNIA NVM Programming Model v1.2 §10.2.1
 * "persistence domain"). A cached store goes store buffer, caches, memory controller; a
 * non-temporal store goes write-combining buffers, memory controller. A guest's pmem adds what the
 * host puts between the guest's memory controller and the host's media (`host`).
 */
export interface PersistenceDomain {
  readonly storeBuffer: boolean;
  readonly caches: boolean;
  /** The write-combining buffers that hold non-temporal stores in flight. */
  readonly writeCombining: boolean;
  /** The memory controller's write pending queues. */
  readonly memoryController: boolean;
  /** What backs a guest's pmem on its host; null on bare metal, where there is no guest to fail alone. */
  readonly host: HostBacking | null;
}

/** How a host backs a guest's pmem: a second failure domain (the guest, or qemu, dies while the host runs on). */
export interface HostBacking {
  /**
   * The pmem is a host file in the host's page cache: a guest store that reaches it survives a guest
   * crash, and a host power loss keeps only what the host wrote back, which it may do for any page
   * at any moment.
   */
  readonly pageCache: boolean;
  /**
   * The guest's region flush (nvdimm_flush) is a request the host answers by syncing the file: the
   * region is asynchronous (ND_REGION_ASYNC), so MAP_SYNC is refused and device-dax has no way to it.
   */
  readonly flushRequest: boolean;
}

/** What the model needs to know about a platform. */
export interface Platform {
  readonly name: string;
  readonly domain: PersistenceDomain;
}

const ADR = { storeBuffer: false, caches: false, writeCombining: false, memoryController: true } as const;
const EADR = { ...ADR, caches: true } as const;

/**
 * Platforms as data (DESIGN 1.1, 1.5). `adr`: the memory controller's write queues are in the
 * persistence domain and the CPU caches are not. `eadr`: the caches are in the persistence domain too,
 * so a store is persistent once it leaves the store buffer (Intel, "eADR: New Opportunities for
 * Persistent Memory Applications", 2021; SNIA NVM Programming Model v1.2 §10.2.1 "persistence
 * domain"). On both, a non-temporal store needs a fence to leave the write-combining buffers (Intel SDM
 * vol. 2B MOVNTI).
 *
 * `virtio-pmem`: a guest's pmem on a host file in the host page cache. drivers/nvdimm/virtio_pmem.c
 * registers the region with ND_REGION_ASYNC and `async_pmem_flush` as its flush; nd_virtio.c
 * virtio_pmem_flush sends VIRTIO_PMEM_REQ_TYPE_FLUSH and waits for the host, which (virtio spec,
 * "PMEM Device", flush request; qemu hw/virtio/virtio-pmem.c) fsyncs the backing file. qemu
 * docs/system/devices/virtio-pmem.rst, "Guest Data Persistence": the guest must fsync/msync, and
 * MAP_SYNC is not supported.
 *
 * `nvdimm-file`: a qemu NVDIMM over a plain host file (memory-backend-file without pmem=on on a DAX
 * file). The guest sees a synchronous region with no flush of its own, but qemu docs/nvdimm.txt,
 * "Guest Data Persistence": write persistence "is not guaranteed after a system crash" unless the
 * backend is a DAX device or a DAX file with pmem=on and share=on.
 *
 * `nvdimm-dax`: that guaranteed case (a DAX file mapped with MAP_SYNC, pmem=on, share=on): guest
 * stores reach the host's pmem through the host's DAX mapping, so the guest sees the host's ADR.
 *
 * `cxl` and `cxl-gpf`: CXL-attached persistent memory. With Global Persistent Flush (CXL 2.0, GPF:
 * phase 1 writes the host's caches back to the devices, phase 2 the devices' buffers to media) the
 * caches are in the persistence domain, as on eADR; without it, as on ADR.
 */
export const PLATFORMS = {
  adr: { name: 'adr', domain: { ...ADR, host: null } },
  eadr: { name: 'eadr', domain: { ...EADR, host: null } },
  'virtio-pmem': { name: 'virtio-pmem', domain: { ...ADR, host: { pageCache: true, flushRequest: true } } },
  'nvdimm-file': { name: 'nvdimm-file', domain: { ...ADR, host: { pageCache: true, flushRequest: false } } },
  'nvdimm-dax': { name: 'nvdimm-dax', domain: { ...ADR, host: { pageCache: false, flushRequest: false } } },
  cxl: { name: 'cxl', domain: { ...ADR, host: null } },
  'cxl-gpf': { name: 'cxl-gpf', domain: { ...EADR, host: null } },
} as const satisfies Record<string, Platform>;

/** The name of a built-in platform: the `platform=` values. */
export type PlatformName = keyof typeof PLATFORMS;

/** The built-in platform names in table order (ADR before eADR). */
export const PLATFORM_NAMES = Object.keys(PLATFORMS) as PlatformName[];
