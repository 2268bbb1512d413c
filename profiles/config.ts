import { UserError } from '../lang/errors.js';
import type { ConfigEntry } from '../lang/ast.js';

/**
 * The configuration keys of DESIGN section 2, each with its allowed values; the first value listed
 * is the default, except `dax_reflink`, which `defaults` derives from the filesystem. `msync`
 * defaults to `range`, not DESIGN's `file`: today's mm/msync.c calls vfs_fsync_range() over the
 * msync'd range only (with datasync), while whole-file msync is what the 2014 kernels did (seeds/003).
 */
export const CONFIG_KEYS = {
  platform: ['adr', 'eadr'],
  fs: ['ext4-dax', 'ext4', 'xfs-dax', 'xfs', 'nova'],
  data: ['ordered', 'journal', 'writeback'],
  auto_da_alloc: ['on', 'off'],
  msync: ['range', 'file'],
  map_direct: ['hint', 'guarantee'],
  static_unwritten: ['keep', 'convert', 'refuse'],
  dax_reflink: ['unsupported', 'cow'],
  pins: ['wait', 'unsafe'],
} as const satisfies Record<string, readonly string[]>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type Config = { readonly [K in ConfigKey]: (typeof CONFIG_KEYS)[K][number] };

function isKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key);
}

/** The defaults; `dax_reflink` is `cow` on xfs and `unsupported` elsewhere (DESIGN section 2). */
function defaults(fs: Config['fs']): Config {
  const first = Object.fromEntries(Object.entries(CONFIG_KEYS).map(([k, v]) => [k, v[0]]));
  const daxReflink = fs.startsWith('xfs') ? 'cow' : 'unsupported';
  return { ...first, fs, dax_reflink: daxReflink } as Config;
}

/** Validates `config` lines into a full configuration; unknown keys or values are user errors. */
export function resolveConfig(entries: readonly ConfigEntry[]): Config {
  const given = new Map<ConfigKey, string>();
  for (const entry of entries) {
    if (!isKey(entry.key)) {
      throw new UserError(`unknown configuration key '${entry.key}' (expected one of ${Object.keys(CONFIG_KEYS).join(', ')})`, entry.at);
    }
    const allowed: readonly string[] = CONFIG_KEYS[entry.key];
    if (!allowed.includes(entry.value)) {
      throw new UserError(`unknown value '${entry.value}' for ${entry.key} (expected one of ${allowed.join(', ')})`, entry.at);
    }
    if (given.has(entry.key)) throw new UserError(`configuration key '${entry.key}' given twice`, entry.at);
    given.set(entry.key, entry.value);
  }
  const base = defaults((given.get('fs') ?? 'ext4-dax') as Config['fs']);
  return { ...base, ...Object.fromEntries(given) } as Config;
}
