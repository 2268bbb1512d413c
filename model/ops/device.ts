import { UserError } from '../errors.js';
import type { Machine } from '../machine.js';
import { errno, type StepOutcome } from '../outcome.js';
import type { Op } from '../program.js';

/**
 * File syscalls on a device-dax character device. Its file_operations (drivers/dax/device.c
 * dax_fops) have no read, write or fsync method, and it is not a regular file.
 */
export function runDeviceSyscall(state: Machine, op: Op & { file: string }): StepOutcome | undefined {
  if (!(op.file in state.devices)) return undefined;
  switch (op.op) {
    case 'fsync':
    case 'fdatasync':
      return errno('EINVAL', 'device-dax has no fsync method (fs/sync.c vfs_fsync_range)');
    case 'write':
      return errno('EINVAL', 'device-dax has no write method (fs/read_write.c vfs_write: !FMODE_CAN_WRITE)');
    case 'truncate':
      return errno('EINVAL', 'not a regular file (fs/open.c vfs_truncate)');
    case 'fallocate':
      return errno('ENODEV', 'neither a regular file nor a block device (fs/open.c vfs_fallocate)');
    default:
      throw new UserError(`not modelled yet: ${op.op} of a device-dax device`, op.at);
  }
}
