/**
 * Filesystem profiles as data (DESIGN 1.2). Adding a flavour is a new entry here, not an edit of the
 * engine. `kind` is what a file on the profile is by default; `nodax` files of a DAX profile use the
 * page cache (ext4 and xfs per-inode DAX, Documentation/filesystems/dax.rst "dax=inode").
 */
export interface FsProfile {
  readonly name: string;
  /** Default file kind: DAX (no page cache), page cache, or NOVA's copy-on-write log-structured files. */
  readonly kind: 'dax' | 'pagecache' | 'nova';
  /** ext4's `data=` and `auto_da_alloc` apply (Documentation/admin-guide/ext4.rst). */
  readonly ext4: boolean;
  /** FICLONE works on page-cache files (xfs: yes; ext4 has no reflink: EOPNOTSUPP). */
  readonly reflink: boolean;
  /**
   * `MAP_SHARED|MAP_SYNC` behaves like `MAP_SHARED_VALIDATE|MAP_SYNC`: do_mmap() computes VM_SYNC
   * (calc_vm_flag_bits) before it masks legacy flags, and ext4/xfs then check it in
   * daxdev_mapping_supported(). A filesystem that does not know MAP_SYNC ignores it.
   */
  readonly mapSync: boolean;
  /** Every syscall is atomic and durable when it returns (NOVA, Xu & Swanson, FAST 2016 §3). */
  readonly synchronous: boolean;
}

export const PROFILES = {
  ext4: { name: 'ext4', kind: 'pagecache', ext4: true, reflink: false, mapSync: true, synchronous: false },
  'ext4-dax': { name: 'ext4-dax', kind: 'dax', ext4: true, reflink: false, mapSync: true, synchronous: false },
  xfs: { name: 'xfs', kind: 'pagecache', ext4: false, reflink: true, mapSync: true, synchronous: false },
  'xfs-dax': { name: 'xfs-dax', kind: 'dax', ext4: false, reflink: true, mapSync: true, synchronous: false },
  nova: { name: 'nova', kind: 'nova', ext4: false, reflink: false, mapSync: false, synchronous: true },
} as const satisfies Record<string, FsProfile>;

