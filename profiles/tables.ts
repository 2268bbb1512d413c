import { PROFILES, type FsProfile } from './filesystems.js';
import { PLATFORMS, type Platform } from './platforms.js';

/**
 * The tables that `platform=` and `fs=` name, passed down from the check options so that a test can
 * add a flavour of its own; every real run uses `TABLES`. Names a test adds are outside the
 * `PlatformName` and `FsName` types, which list the built-in entries.
 */
export interface Tables {
  readonly platforms: Readonly<Record<string, Platform>>;
  readonly filesystems: Readonly<Record<string, FsProfile>>;
}

/** The built-in platforms and filesystems. */
export const TABLES: Tables = { platforms: PLATFORMS, filesystems: PROFILES };

/** The platform and filesystem that a resolved configuration names. */
export function chosen(tables: Tables, names: { readonly platform: string; readonly fs: string }): { platform: Platform; profile: FsProfile } {
  const platform = tables.platforms[names.platform];
  const profile = tables.filesystems[names.fs];
  if (!platform || !profile) throw new Error(`no platform '${names.platform}' or filesystem '${names.fs}' in the tables`);
  return { platform, profile };
}
