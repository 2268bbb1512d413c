import { produce } from 'immer';
import { visibleBytes } from '../x86/cpu.js';
import { splitPieces, valueBytes } from '../core/geometry.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../core/world.js';
import { translate } from '../kernel/memory.js';
import { done, sigbus, type StepOutcome } from '../kernel/outcome.js';
import { clflush, fence, flushOpt, lockedStore, ntstore, store } from '../x86/persist.js';
import type { OpOf } from '../../lang/ast.js';
import { flushFile, loadFromFile, storeToFile } from './file-access.js';

/** `store`, `ntstore` and `xchg`: device stores take one micro-step per failure-atomic piece, so a crash can tear them. */
export function runStore(state: Machine, op: OpOf<'store' | 'ntstore' | 'xchg'>, world: World, index: number): StepOutcome {
  const bytes = valueBytes(op.value);
  const target = translate(state, op.map, op.off, bytes.length, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
  if (target.kind === 'file') return storeToFile(state, op.op, target.vma, target.fileOff, bytes, world, index);
  if (op.op === 'xchg') return done(produce(state, (draft) => lockedStore(draft.cpu, target.addr, bytes, world)));
  const steps: Machine[] = [];
  let current = state;
  for (const piece of splitPieces(target.addr, bytes)) {
    current = produce(current, (draft) => {
      if (op.op === 'store') store(draft.cpu, piece.addr, piece.bytes);
      else ntstore(draft.cpu, piece.addr, piece.bytes, world);
    });
    steps.push(current);
  }
  return { ok: true, steps };
}

/** `clflush`, `clflushopt`, `clwb` of the line holding `m[OFF]`. */
export function runFlush(state: Machine, op: OpOf<'clflush' | 'clflushopt' | 'clwb'>, world: World): StepOutcome {
  const target = translate(state, op.map, op.off, 1, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
  return done(
    produce(state, (draft) => {
      if (target.kind === 'file') flushFile(draft, world, op.op, target.vma, target.fileOff);
      else if (op.op === 'clflush') clflush(draft.cpu, target.addr, world);
      else flushOpt(draft.cpu, target.addr, world);
    }),
  );
}

/** `sfence` and `mfence` order persistence; `lfence` orders only loads, so it changes nothing here. */
export function runFence(state: Machine, op: OpOf<'sfence' | 'mfence' | 'lfence'>, world: World): StepOutcome {
  if (op.op === 'lfence') return done(state);
  return done(produce(state, (draft) => fence(draft.cpu, op.op === 'sfence' ? 'sfence' : 'mfence', world)));
}

/** `r = load m[OFF] [SIZE]`: reads what the program sees (the newest store), which orders nothing. */
export function runLoad(state: Machine, op: OpOf<'load'>, world: World): StepOutcome {
  const size = op.size ?? 8;
  const target = translate(state, op.map, op.off, size, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
  const bytes = target.kind === 'file' ? loadFromFile(state, world, target.vma, target.fileOff, size) : visibleBytes(state.cpu, world.initial, target.addr, size);
  if (typeof bytes === 'string') return sigbus(bytes);
  return done(produce(state, (draft) => void (draft.registers[op.dst] = hex(bytes))));
}

/** Little-endian bytes as a hex integer, the way reports print loaded values. */
function hex(bytes: readonly number[]): string {
  return '0x' + [...bytes].reverse().map((b) => b.toString(16).padStart(2, '0')).join('').replace(/^0+(?=.)/, '');
}
