/**
 * Seeded model bugs: each one breaks one rule of the model on purpose. The test suite switches them
 * on one at a time and requires some test to notice (STYLE rule 6: the checker proves it can fail).
 * They are data passed to the model, never global switches, so a normal run cannot pick one up.
 */
export const BUGS = {
  'sfence-noop': 'sfence completes no pending clflushopt, clwb or non-temporal store',
  'clflush-unordered': 'clflush persists nothing by itself (it waits for a fence like clflushopt)',
  'no-eviction': 'a dirty line never reaches media unless it is flushed',
  'eadr-as-adr': 'the eadr platform is treated as adr (caches volatile)',
  'line-out-of-order': 'stores to one cache line may persist in any order, not program order',
  'fsync-skips-commit': 'fsync and fdatasync write data back but do not commit the journal',
  'mapsync-fault-skips-commit': 'a MAP_SYNC write fault does not commit the metadata it changed',
  'dax-alloc-skips-zeroing': 'a DAX block allocation does not zero the block before the handle can commit',
  'reuse-before-commit': 'a freed block may be reallocated before the transaction that freed it commits',
  'ordered-metadata-before-data': 'data=ordered lets an allocation commit before its data is written',
  'daxctl-allows-truncate': 'a static (daxctl) file lets truncate and fallocate change its block map',
  'double-allocation': 'the allocator forgets blocks that handles not yet committed allocated',
  'recovery-one-orphan-per-run': 'recovery frees only one orphan inode each time it runs',
  'unlink-leaves-dangling-name': 'unlink frees the inode but leaves its name behind',
  'size-at-writeback': 'an ext4 append that ends inside an allocated block journals its size only at writeback',
  'auto-da-alloc-waits': 'auto_da_alloc waits for the new data before a replacing rename in data=writeback too',
  'delalloc-pages-apart': 'writeback of contiguous delayed-allocation pages may commit a later page before an earlier one',
  'map-direct-extends': 'a file sealed by MAP_DIRECT as a guarantee may still grow (the swap-file rule)',
  'odirect-fenced': 'an O_DIRECT write to pmem ends with a fence, as if the driver fenced every write',
  'freed-range-reads-zeros': 'a page written over a range freed by an uncommitted truncate or punch reads as zeros, not the old block',
  'write-skips-mtime': 'write() leaves the inode out of the running transaction (no mtime update)',
  'virtio-flush-noop': 'the virtio-pmem flush request does nothing: fsync on virtio-pmem leaves the data in the host page cache',
  'host-cache-durable': 'a host page cache is durable: stores a guest made are never lost to a host power loss',
  'guest-crash-loses-cache': 'a guest crash on a host loses what the CPU rules lose, as if the host had lost power too',
  'virtio-map-sync': 'virtio-pmem accepts MAP_SYNC, as if its region were synchronous',
  'periodic-commit-no-flush': "the periodic journal commit on virtio-pmem sends no flush request, so the metadata it commits may point at data still in the host page cache",
} as const;

export type Bug = keyof typeof BUGS;

/** The seeded bugs switched on for one run; empty in every real run. */
export type Bugs = ReadonlySet<Bug>;

export const NO_BUGS: Bugs = new Set();
