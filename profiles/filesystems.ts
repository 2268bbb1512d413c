/** How a file's data is reached: DAX in place, through the page cache, or through a copy-on-write log. */
export type FileKind = 'dax' | 'pagecache' | 'cow-log';

/** The `dax_reflink` values: whether FICLONE works on DAX files, by sharing extents copy-on-write. */
export const DAX_REFLINK = ['unsupported', 'cow'] as const;

/**
 * Filesystem profiles as data (DESIGN 1.2). Adding a flavour is a new entry here, not an edit of the
 * engine: each field names a behaviour the engine interprets.
 */
export interface FsProfile {
  readonly name: string;
  /** How a file is reached unless declared `nodax`: DAX, page cache, or NOVA's copy-on-write log (Xu & Swanson, FAST 2016 §4). */
  readonly access: FileKind;
  /** Files may be declared `dax` or `nodax` one by one; `nodax` files use the page cache (Documentation/filesystems/dax.rst "dax=inode"). */
  readonly perFileDax: boolean;
  /** Mount options only some filesystems have, each with its values, the default first. */
  readonly options: Readonly<Record<string, readonly string[]>>;
  /** FICLONE works on page-cache files (xfs: yes; ext4 has no reflink: EOPNOTSUPP). */
  readonly reflink: boolean;
  /** The `dax_reflink` default (DESIGN section 2: `cow` where the filesystem has reflink). */
  readonly daxReflink: (typeof DAX_REFLINK)[number];
  /**
   * `MAP_SHARED|MAP_SYNC` behaves like `MAP_SHARED_VALIDATE|MAP_SYNC`: do_mmap() computes VM_SYNC
   * (calc_vm_flag_bits) before it masks legacy flags, and ext4/xfs then check it in
   * daxdev_mapping_supported(). A filesystem that does not know MAP_SYNC ignores it.
   */
  readonly mapSync: boolean;
  /** The proposed MAP_DIRECT flag is known (seeds/004; the proposal is for ext4 and xfs). */
  readonly mapDirect: boolean;
  /** `daxctl STATIC` can freeze a file's block map (the 2017 RFC reuses the swap-file block map of ext4 and xfs). */
  readonly staticFiles: boolean;
  /** Every syscall is atomic and durable when it returns (NOVA, Xu & Swanson, FAST 2016 §3). */
  readonly synchronous: boolean;
  /**
   * A buffered append that ends inside an allocated, written block journals the new size at write()
   * time, before writeback (fs/ext4/inode.c ext4_da_do_write_end: "If the end of the current write
   * is > i_size and inside an allocated block (ext4_da_should_update_i_disksize() check), we need to
   * update i_disksize here"). xfs grows the on-disk size only when the I/O completes (fs/xfs/xfs_aops.c
   * xfs_end_ioend -> xfs_setfilesize).
   */
  readonly sizeAtWrite: boolean;
  /**
   * Writeback maps a contiguous run of delayed-allocation pages as one extent in one handle that also
   * raises the on-disk size, and data=ordered makes the commit wait for every page of it
   * (fs/ext4/inode.c mpage_map_and_submit_extent, "Update on-disk size after IO is submitted";
   * ext4_map_blocks -> ext4_jbd2_inode_add_write). Without it each page's writeback stands alone.
   */
  readonly delallocExtent: boolean;
}

/** ext4's own mount options (Documentation/admin-guide/ext4.rst "data=", "auto_da_alloc"). */
const EXT4_OPTIONS = { data: ['ordered', 'journal', 'writeback'], auto_da_alloc: ['on', 'off'] } as const;

const EXT4 = { perFileDax: true, options: EXT4_OPTIONS, reflink: false, daxReflink: 'unsupported', mapSync: true, mapDirect: true, staticFiles: true, synchronous: false, sizeAtWrite: true, delallocExtent: true } as const;
const XFS = { perFileDax: true, options: {}, reflink: true, daxReflink: 'cow', mapSync: true, mapDirect: true, staticFiles: true, synchronous: false, sizeAtWrite: false, delallocExtent: false } as const;

/** The filesystem table, in the order `fs=` lists its values; the first is the default. */
export const PROFILES = {
  'ext4-dax': { name: 'ext4-dax', access: 'dax', ...EXT4 },
  ext4: { name: 'ext4', access: 'pagecache', ...EXT4 },
  'xfs-dax': { name: 'xfs-dax', access: 'dax', ...XFS },
  xfs: { name: 'xfs', access: 'pagecache', ...XFS },
  nova: { name: 'nova', access: 'cow-log', perFileDax: false, options: {}, reflink: false, daxReflink: 'unsupported', mapSync: false, mapDirect: false, staticFiles: false, synchronous: true, sizeAtWrite: false, delallocExtent: false },
} as const satisfies Record<string, FsProfile>;

/** The name of a built-in filesystem: the `fs=` values. */
export type FsName = keyof typeof PROFILES;

type Declared = (typeof PROFILES)[FsName]['options'];
type KeysOf<T> = T extends unknown ? keyof T : never;
type ValuesOf<T, K extends PropertyKey> = T extends { readonly [P in K]: readonly (infer V)[] } ? V : never;

/** A mount option some filesystem declares (`data`, `auto_da_alloc`). */
export type FsOptionKey = KeysOf<Declared>;

/** The values of the mount option `K`. */
export type FsOptionValue<K extends FsOptionKey> = ValuesOf<Declared, K>;

/** The mount options in force on one filesystem: only those it declares. */
export type FsOptions = { readonly [K in FsOptionKey]?: FsOptionValue<K> };
