import type { Machine } from '../kernel/machine.js';
import { errno, type StepOutcome } from '../kernel/outcome.js';
import type { Op } from '../../lang/ast.js';
import { userError } from '../../lang/messages.js';

/**
 * File syscalls on a device-dax character device. Its file_operations (drivers/dax/device.c
 * dax_fops) have no read, write or fsync method, and it is not a regular file.
 */
export function runDeviceSyscall(state: Machine, op: Op): StepOutcome | undefined {
  const names = 'file' in op ? [op.file] : op.op === 'reflink' ? [op.src, op.dst] : op.op === 'rename' ? [op.from, op.to] : [];
  const device = names.find((n) => n in state.devices);
  if (device === undefined || op.op === 'mmap') return undefined;
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
    case 'create':
      return errno('EEXIST', 'the device node exists (open(2) O_CREAT|O_EXCL)');
    case 'daxctl':
      return errno('EINVAL', 'not a regular file (the daxctl RFC works on filesystem files)');
    case 'reflink':
      return errno('EINVAL', 'not a regular file (fs/remap_range.c generic_remap_checks)');
    default:
      throw userError('deviceInNamespace', op.at, device, op.op);
  }
}
