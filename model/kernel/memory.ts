import type { Machine, Vma } from './machine.js';
import type { Pos } from '../../lang/ast.js';
import { userError } from '../../lang/messages.js';

/** Where an access through a mapping lands. */
export type Target =
  | { readonly kind: 'media'; readonly addr: number }
  /** A mapped file: the VMA and the file offset of the first byte. */
  | { readonly kind: 'file'; readonly vma: Vma; readonly fileOff: number }
  /** Past the end of the device: the fault handler returns VM_FAULT_SIGBUS. */
  | { readonly kind: 'sigbus'; readonly reason: string };

/** The virtual address `name[off]`; an unknown mapping name is a user error. */
function pointer(state: Machine, name: string, off: number, at?: Pos): number {
  const base = state.pointers[name]?.addr;
  if (base === undefined) throw userError('unmappedName', at, name);
  return base + off;
}

/** The VMA that holds `addr`, if any. */
function vmaAt(state: Machine, addr: number): Vma | undefined {
  return state.vmas.find((v) => addr >= v.start && addr < v.start + v.len);
}

/**
 * Translates an access of `size` bytes at `name[off]`. Touching an address no mapping covers
 * would raise SIGSEGV, which a litmus program cannot catch: it is reported as a user error.
 */
export function translate(state: Machine, name: string, off: number, size: number, at?: Pos): Target {
  const addr = pointer(state, name, off, at);
  const vma = vmaAt(state, addr);
  if (!vma || addr + size > vma.start + vma.len) {
    throw userError('unmappedAccess', at, size, name, off);
  }
  const offset = vma.off + (addr - vma.start);
  if (vma.target.kind === 'file') return { kind: 'file', vma, fileOff: offset };
  const device = state.devices[vma.target.device]!;
  if (offset + size > device.size) {
    // drivers/dax/device.c dax_pgoff_to_phys(): a page past the device's ranges gives VM_FAULT_SIGBUS.
    return { kind: 'sigbus', reason: `offset ${offset} is past the end of device '${device.name}' (${device.size} bytes)` };
  }
  return { kind: 'media', addr: device.base + offset };
}
