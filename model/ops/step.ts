import { produce } from 'immer';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { runFence, runFlush, runLoad, runStore } from './cpu.js';
import { runDeviceSyscall } from './device.js';
import { runMmap, runMunmap } from './mmap.js';
import { runMadvise, runMsync } from './msync.js';
import { runCreate, runRename, runUnlink } from './namespace.js';
import { runDma, runPin, runUnpin } from './pin.js';
import { runReflink } from './reflink.js';
import { runFallocate, runTruncate } from './space.js';
import { runDaxctl } from './static.js';
import { runFsync, runSync } from './sync.js';
import { runWrite } from './write.js';
import { done, type StepOutcome } from '../kernel/outcome.js';
import type { Op, OpName, OpOf } from '../../lang/ast.js';

type Handler<K extends OpName> = (state: Machine, op: OpOf<K>, world: World, index: number) => StepOutcome;

/** The transition of every operation of the language, by name. */
const HANDLERS: { readonly [K in OpName]: Handler<K> } = {
  store: runStore,
  ntstore: runStore,
  xchg: runStore,
  clflush: (s, op, w) => runFlush(s, op, w),
  clflushopt: (s, op, w) => runFlush(s, op, w),
  clwb: (s, op, w) => runFlush(s, op, w),
  sfence: (s, op, w) => runFence(s, op, w),
  mfence: (s, op, w) => runFence(s, op, w),
  lfence: (s, op, w) => runFence(s, op, w),
  load: (s, op, w) => runLoad(s, op, w),
  label: (s) => done(s),
  mmap: (s, op, w) => runMmap(s, op, w),
  munmap: (s, op, _w, i) => runMunmap(s, op, i),
  msync: runMsync,
  madvise: (s, op, w) => runMadvise(s, op, w),
  create: runCreate,
  unlink: runUnlink,
  rename: runRename,
  write: runWrite,
  fallocate: runFallocate,
  truncate: runTruncate,
  fsync: runFsync,
  fdatasync: runFsync,
  sync: (s, _op, w, i) => runSync(s, w, i),
  daxctl: runDaxctl,
  reflink: runReflink,
  pin: runPin,
  dma: (s, op, w) => runDma(s, op, w),
  unpin: (s, op, w, i) => runUnpin(s, op, i, (state, o) => step(state, o, w, i)),
};

/**
 * Runs operation `index` of the program: a pure function from a state to the states of its
 * micro-steps, or the error it fails with. File syscalls that name a device-dax device go to the
 * device's rules first. What the operation makes records `index` as its provenance.
 */
export function step(state: Machine, op: Op, world: World, index: number): StepOutcome {
  const running = state.cpu.op === index ? state : produce(state, (d) => void (d.cpu.op = index));
  const device = runDeviceSyscall(running, op);
  if (device) return device;
  return (HANDLERS[op.op] as Handler<typeof op.op>)(running, op as never, world, index);
}
