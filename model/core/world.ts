import type { Bugs } from '../../profiles/bugs.js';
import { fsOptions, type Config } from '../../profiles/config.js';
import type { FsOptionKey, FsOptions, FsProfile } from '../../profiles/filesystems.js';
import type { PersistenceDomain, Platform } from '../../profiles/platforms.js';
import { persistenceOf, type Persistence } from './persistence.js';

/** Where things live on the media. */
export interface Layout {
  /** Media address of filesystem block 0. */
  readonly fsBase: number;
  /** Number of filesystem blocks. */
  readonly blocks: number;
  /** Initial media contents of a line. */
  readonly initial: (line: number) => readonly number[];
}

/** What every step needs and never changes: the configuration, persistence rules, profile, layout and seeded bugs. */
export interface World extends Layout {
  /** The configuration; the filesystem's own options are in `options`. */
  readonly config: Omit<Config, FsOptionKey>;
  readonly options: FsOptions;
  readonly persistence: Persistence;
  readonly profile: FsProfile;
  readonly bugs: Bugs;
}

/** The world in force, with the seeded bugs of the persistence rules applied if they are on. */
export function makeWorld(config: Config, bugs: Bugs, layout: Layout, chosen: { platform: Platform; profile: FsProfile }): World {
  const persistence = seededRules(persistenceOf(seededDomain(chosen.platform.domain, bugs), config.failure), bugs);
  return { ...layout, config, options: fsOptions(config, chosen.profile), persistence, profile: chosen.profile, bugs };
}

/** `eadr-as-adr`: the caches leave the persistence domain; `host-cache-durable`: a host page cache is not there. */
function seededDomain(domain: PersistenceDomain, bugs: Bugs): PersistenceDomain {
  const cpu = bugs.has('eadr-as-adr') ? { ...domain, caches: false } : domain;
  return bugs.has('host-cache-durable') && cpu.host ? { ...cpu, host: { ...cpu.host, pageCache: false } } : cpu;
}

/** `guest-crash-loses-cache`: a guest crash keeps only what the CPU rules persist; `virtio-map-sync`: every region is synchronous. */
function seededRules(rules: Persistence, bugs: Bugs): Persistence {
  const media = bugs.has('guest-crash-loses-cache') && rules.media === 'executed' ? 'cpu' : rules.media;
  return { ...rules, media, synchronous: rules.synchronous || bugs.has('virtio-map-sync') };
}

/** The media address of filesystem block `block`. */
export function blockAddress(world: Layout, block: number): number {
  return world.fsBase + block * 4096;
}
