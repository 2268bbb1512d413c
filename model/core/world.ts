import type { Bugs } from '../../profiles/bugs.js';
import { fsOptions, type Config } from '../../profiles/config.js';
import type { FsOptionKey, FsOptions, FsProfile } from '../../profiles/filesystems.js';
import type { Platform } from '../../profiles/platforms.js';
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

/** The world in force, with the `eadr-as-adr` seeded bug applied if it is on: the caches leave the persistence domain. */
export function makeWorld(config: Config, bugs: Bugs, layout: Layout, chosen: { platform: Platform; profile: FsProfile }): World {
  const { domain } = chosen.platform;
  const persistence = persistenceOf(bugs.has('eadr-as-adr') ? { ...domain, caches: false } : domain);
  return { ...layout, config, options: fsOptions(config, chosen.profile), persistence, profile: chosen.profile, bugs };
}

/** The media address of filesystem block `block`. */
export function blockAddress(world: Layout, block: number): number {
  return world.fsBase + block * 4096;
}
