import type { Bugs } from '../../profiles/bugs.js';
import type { Config } from '../../profiles/config.js';
import { PROFILES, type FsProfile } from '../../profiles/filesystems.js';
import { PLATFORMS, type Platform } from '../../profiles/platforms.js';

/** Where things live on the media. */
export interface Layout {
  /** Media address of filesystem block 0. */
  readonly fsBase: number;
  /** Number of filesystem blocks. */
  readonly blocks: number;
  /** Initial media contents of a line. */
  readonly initial: (line: number) => readonly number[];
}

/** What every step needs and never changes: the configuration, platform, profile, layout and seeded bugs. */
export interface World extends Layout {
  readonly config: Config;
  readonly platform: Platform;
  readonly profile: FsProfile;
  readonly bugs: Bugs;
}

/** The world in force, with the `eadr-as-adr` seeded bug applied if it is on. */
export function makeWorld(config: Config, bugs: Bugs, layout: Layout): World {
  const name = bugs.has('eadr-as-adr') ? 'adr' : config.platform;
  return { ...layout, config, platform: PLATFORMS[name], profile: PROFILES[config.fs], bugs };
}

/** The media address of filesystem block `block`. */
export function blockAddress(world: Layout, block: number): number {
  return world.fsBase + block * 4096;
}
