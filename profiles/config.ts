import type { ConfigEntry } from '../lang/ast.js';
import { DAX_REFLINK, type FsName, type FsOptionKey, type FsOptions, type FsOptionValue, type FsProfile } from './filesystems.js';
import type { PlatformName } from './platforms.js';
import { TABLES, type Tables } from './tables.js';
import { userError } from '../lang/messages.js';

/**
 * The configuration keys of DESIGN section 2 that every filesystem has, each with its values, the
 * default first; `dax_reflink` defaults to the filesystem's own. `msync` defaults to `range`, not
 * DESIGN's `file`: today's mm/msync.c calls vfs_fsync_range() over the msync'd range only (with
 * datasync), while whole-file msync is what the 2014 kernels did (seeds/003). `map_direct_extend`
 * says whether a file sealed by the MAP_DIRECT guarantee may grow: `refuse` is the v6 patches
 * ("[PATCH v6 2/5] fs, xfs: introduce S_IOMAP_SEALED": inode_newsize_ok() gives ETXTBSY for "Any
 * size change", generic_write_checks() for a write past i_size), `allow` the swap-file rule that
 * lets a file grow. `failure` names what fails at the crash (DESIGN 1.5): `host`, the whole machine
 * loses power, or `guest`, the guest or its qemu dies while the host runs on; a platform without a
 * host (`domain.host` null) has no guest to fail alone, so `failure=guest` there is refused rather
 * than read as `host`, which would claim a guarantee the test never checked.
 */
const KERNEL_KEYS = {
  msync: ['range', 'file'],
  map_direct: ['hint', 'guarantee'],
  map_direct_extend: ['refuse', 'allow'],
  static_unwritten: ['keep', 'convert', 'refuse'],
  dax_reflink: DAX_REFLINK,
  pins: ['wait', 'unsafe'],
  failure: ['host', 'guest'],
} as const;

type KernelKey = keyof typeof KERNEL_KEYS;

/**
 * A full configuration. A filesystem option the filesystem does not have holds the default of the
 * first filesystem that has it, so that every configuration lists every key; the engine reads
 * filesystem options only through `fsOptions`.
 */
export type Config = { readonly platform: PlatformName; readonly fs: FsName } & { readonly [K in FsOptionKey]: FsOptionValue<K> } & {
  readonly [K in KernelKey]: (typeof KERNEL_KEYS)[K][number];
};

/**
 * Every key with its values: platforms, filesystems, the filesystems' options, then the rest. The
 * filesystems that share an option share its values (ext4's options are one table).
 */
export function configKeys(tables: Tables = TABLES): Record<string, readonly string[]> {
  const options: Record<string, readonly string[]> = {};
  for (const profile of Object.values(tables.filesystems)) for (const [key, values] of Object.entries(profile.options)) options[key] ??= values;
  return { platform: Object.keys(tables.platforms), fs: Object.keys(tables.filesystems), ...options, ...KERNEL_KEYS };
}

const firstValues = (keys: Readonly<Record<string, readonly string[]>>) => Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v[0]]));

/** Validates `config` lines into a full configuration; unknown keys or values, and options of another filesystem, are user errors. */
export function resolveConfig(entries: readonly ConfigEntry[], tables: Tables = TABLES): Config {
  const keys = configKeys(tables);
  const given = givenValues(entries, keys);
  const profile = tables.filesystems[given.get('fs') ?? keys.fs![0]!]!;
  for (const entry of entries) refuseForeignOption(entry, profile, tables);
  refuseGuestWithoutHost(entries, given.get('platform') ?? keys.platform![0]!, tables);
  return { ...firstValues(keys), ...firstValues(profile.options), dax_reflink: profile.daxReflink, ...Object.fromEntries(given) } as Config;
}

function givenValues(entries: readonly ConfigEntry[], keys: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const given = new Map<string, string>();
  for (const entry of entries) {
    if (!Object.hasOwn(keys, entry.key)) {
      throw userError('unknownConfigKey', entry.at, entry.key, Object.keys(keys));
    }
    const allowed = keys[entry.key]!;
    if (!allowed.includes(entry.value)) {
      throw userError('unknownConfigValue', entry.at, entry.value, entry.key, allowed);
    }
    if (given.has(entry.key)) throw userError('configTwice', entry.at, entry.key);
    given.set(entry.key, entry.value);
  }
  return given;
}

/** A filesystem option lives with its filesystem: `data=` on xfs is an error, not ignored. */
function refuseForeignOption(entry: ConfigEntry, profile: FsProfile, tables: Tables): void {
  const owners = Object.entries(tables.filesystems).flatMap(([name, p]) => (Object.hasOwn(p.options, entry.key) ? [name] : []));
  if (owners.length === 0 || Object.hasOwn(profile.options, entry.key)) return;
  throw userError('optionElsewhere', entry.at, entry.key, profile.name, owners);
}

/** `failure=guest` needs a guest: on bare metal the machine is the only thing that fails. */
function refuseGuestWithoutHost(entries: readonly ConfigEntry[], platform: string, tables: Tables): void {
  const entry = entries.find((e) => e.key === 'failure' && e.value === 'guest');
  if (!entry || tables.platforms[platform]!.domain.host !== null) return;
  const guests = Object.values(tables.platforms).flatMap((p) => (p.domain.host ? [p.name] : []));
  throw userError('failureWithoutGuest', entry.at, platform, guests);
}

/** The filesystem options in force: those `profile` declares, with their configured values. */
export function fsOptions(config: Config, profile: FsProfile): FsOptions {
  return Object.fromEntries(Object.keys(profile.options).map((key) => [key, config[key as FsOptionKey]]));
}
