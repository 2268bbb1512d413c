import { UserError } from './errors.js';
import type { Machine, World } from './machine.js';
import { runFence, runFlush, runLoad, runStore, runXchg } from './ops/cpu.js';
import { runDeviceSyscall } from './ops/device.js';
import { runMmap, runMsync, runMunmap } from './ops/mmap.js';
import { done, type StepOutcome } from './outcome.js';
import type { Op } from './program.js';

/** Runs one operation: a pure function from a state to the states of its micro-steps, or its error. */
export function step(state: Machine, op: Op, world: World): StepOutcome {
  switch (op.op) {
    case 'store':
    case 'ntstore':
      return runStore(state, op, world);
    case 'xchg':
      return runXchg(state, op, world);
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
      return runMmap(state, op);
    case 'munmap':
      return runMunmap(state, op);
    case 'msync':
      return runMsync(state, op);
    default:
      return fileOp(state, op);
  }
}

function fileOp(state: Machine, op: Op): StepOutcome {
  if ('file' in op) {
    const outcome = runDeviceSyscall(state, op);
    if (outcome) return outcome;
  }
  throw new UserError(`not modelled yet: ${op.op}`, op.at);
}
