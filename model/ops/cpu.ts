import { produce } from 'immer';
import { applyPiece, durableLine } from '../cpu.js';
import { LINE, lineOf, splitPieces, valueBytes } from '../geometry.js';
import type { Machine, World } from '../machine.js';
import { translate } from '../memory.js';
import { done, sigbus, type StepOutcome } from '../outcome.js';
import { clflush, fence, flushOpt, lockedStore, ntstore, store } from '../persist.js';
import type { OpOf } from '../program.js';



/** `store` and `ntstore`: one micro-step per failure-atomic piece, so a crash can tear the store. */
export function runStore(state: Machine, op: OpOf<'store' | 'ntstore'>, world: World): StepOutcome {
  const bytes = valueBytes(op.value);
  const target = translate(state, op.map, op.off, bytes.length, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
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

/** `xchg`: a locked read-modify-write, atomic as a whole. */
export function runXchg(state: Machine, op: OpOf<'xchg'>, world: World): StepOutcome {
  const bytes = valueBytes(op.value);
  const target = translate(state, op.map, op.off, bytes.length, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
  return done(produce(state, (draft) => lockedStore(draft.cpu, target.addr, bytes, world)));
}

/** `clflush`, `clflushopt`, `clwb` of the line holding `m[OFF]`. */
export function runFlush(state: Machine, op: OpOf<'clflush' | 'clflushopt' | 'clwb'>, world: World): StepOutcome {
  const target = translate(state, op.map, op.off, 1, op.at);
  if (target.kind === 'sigbus') return sigbus(target.reason);
  return done(
    produce(state, (draft) => {
      if (op.op === 'clflush') clflush(draft.cpu, target.addr, world);
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
  const bytes = visibleBytes(state, target.addr, size, world);
  return done(produce(state, (draft) => void (draft.registers[op.dst] = hex(bytes))));
}

/** The bytes a load sees: media contents with every store so far applied in program order. */
function visibleBytes(state: Machine, addr: number, size: number, world: World): number[] {
  const lines = new Map<number, readonly number[]>();
  const lineBytes = (line: number) => {
    const base = durableLine(state.cpu, line, world.initial);
    const image = { bytes: [...base.bytes], seqs: [...base.seqs] };
    for (const p of [...state.cpu.cached, ...state.cpu.nt]) if (p.line === line) applyPiece(image, p);
    return image.bytes;
  };
  return Array.from({ length: size }, (_, i) => {
    const line = lineOf(addr + i);
    if (!lines.has(line)) lines.set(line, lineBytes(line));
    return lines.get(line)![addr + i - line * LINE]!;
  });
}

/** Little-endian bytes as a hex integer, the way reports print loaded values. */
function hex(bytes: readonly number[]): string {
  return '0x' + ([...bytes].reverse().map((b) => b.toString(16).padStart(2, '0')).join('').replace(/^0+(?=.)/, ''));
}


