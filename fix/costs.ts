/**
 * What each kind of edit costs a program that adopts it, cheapest first: among fixes of the same
 * size the search prefers the lower sum. The order is the run-time price of the added work (an
 * instruction before a system call, a range before a file, one call before every call), and a
 * program's structure changed last.
 */
export const EDIT_COSTS = {
  // One instruction that waits only for the flushes already issued (Intel SDM vol. 2B SFENCE).
  sfence: 1,
  // One instruction per line that writes it back and keeps it cached, unordered (SDM vol. 2A CLWB).
  clwb: 2,
  // Writes back and invalidates, ordered with other stores: the next read of the line misses (SDM vol. 2A CLFLUSH).
  clflush: 3,
  // A system call that writes back only the pages of one range (mm/msync.c, vfs_fsync_range).
  msync: 4,
  // A system call over the whole file's data, and its metadata only where needed to read it (fdatasync(2)).
  fdatasync: 5,
  // fdatasync plus every metadata change, timestamps included: a journal commit (fsync(2)).
  fsync: 6,
  // Every write fault of the mapping commits the metadata it needs first (mmap(2) MAP_SYNC, dax_iomap_fault).
  'map-sync': 7,
  // Every write(2) to the file becomes a write and an fdatasync (open(2) O_DSYNC).
  'o-dsync': 8,
  // Reordering an existing operation adds no work, but it changes what the program does when: the last resort.
  move: 9,
} as const;

/** A kind of edit the fix searcher makes. */
export type EditKind = keyof typeof EDIT_COSTS;
