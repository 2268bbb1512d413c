import type { Machine, World } from './machine.js';
import { runFence, runFlush, runLoad, runStore } from './ops/cpu.js';
import { runDeviceSyscall } from './ops/device.js';
import { runMmap, runMunmap } from './ops/mmap.js';
import { runMadvise, runMsync } from './ops/msync.js';
import { runCreate, runRename, runUnlink } from './ops/namespace.js';
import { runDma, runPin, runUnpin } from './ops/pin.js';
import { runReflink } from './ops/reflink.js';
import { runFallocate, runTruncate } from './ops/space.js';
import { runDaxctl } from './ops/static.js';
import { runFsync, runSync } from './ops/sync.js';
import { runWrite } from './ops/write.js';
import { done, type StepOutcome } from './outcome.js';
import type { Op } from './program.js';

/**
 * Runs operation `index` of the program: a pure function from a state to the states of its
 * micro-steps, or the error it fails with.
 */
export function step(state: Machine, op: Op, world: World, index: number): StepOutcome {
  const device = runDeviceSyscall(state, op);
  if (device) return device;
  switch (op.op) {
    case 'store':
    case 'ntstore':
    case 'xchg':
      return runStore(state, op, world, index);
    case 'clflush':
    case 'clflushopt':
    case 'clwb':
      return runFlush(state, op, world);
    case 'sfence':
    case 'mfence':
    case 'lfence':
      return runFence(state, op, world);
    case 'load':
      return runLoad(state, op, world);
    case 'label':
      return done(state);
    case 'mmap':
      return runMmap(state, op, world);
    case 'munmap':
      return runMunmap(state, op, index);
    case 'msync':
      return runMsync(state, op, world, index);
    case 'madvise':
      return runMadvise(state, op, world);
    default:
      return fileOp(state, op, world, index);
  }
}

function fileOp(state: Machine, op: Op, world: World, index: number): StepOutcome {
  switch (op.op) {
    case 'create':
      return runCreate(state, op, world, index);
    case 'unlink':
      return runUnlink(state, op, world, index);
    case 'rename':
      return runRename(state, op, world, index);
    case 'write':
      return runWrite(state, op, world, index);
    case 'fallocate':
      return runFallocate(state, op, world, index);
    case 'truncate':
      return runTruncate(state, op, world, index);
    case 'fsync':
    case 'fdatasync':
      return runFsync(state, op, world, index);
    case 'sync':
      return runSync(state, world, index);
    case 'daxctl':
      return runDaxctl(state, op, world, index);
    case 'reflink':
      return runReflink(state, op, world, index);
    case 'pin':
      return runPin(state, op, world, index);
    case 'dma':
      return runDma(state, op, world);
    default:
      return runUnpin(state, op as Extract<Op, { op: 'unpin' }>, index, (s, o) => step(s, o, world, index));
  }
}
