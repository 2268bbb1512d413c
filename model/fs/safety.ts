import type { World } from '../core/world.js';
import { blocksOf, type Meta } from './meta.js';
import { recoverMeta } from './replay.js';

/** The safety properties checked on every explored state (DESIGN 1.2, issue 3): a stable name and a one-sentence claim. */
export const SAFETY = {
  'block-ownership': 'no inode points at a block another inode owns (reflinked blocks are shared openly)',
  'no-stale-data': 'recovery never shows bytes that were never written to that file (data=writeback excepted)',
  'idempotent-recovery': 'running recovery again on a recovered filesystem changes nothing',
  'well-formed': 'names lead to inodes, blocks lie inside the filesystem, nothing is left half-done after recovery',
} as const;

export type SafetyProperty = keyof typeof SAFETY;

/** Blocks that two inodes refer to without both marking the block shared. */
export function ownershipViolations(meta: Meta): string[] {
  const owners = new Map<number, { ino: number; shared: boolean }[]>();
  for (const inode of Object.values(meta.inodes)) {
    const shared = new Set(Object.values(inode.extents).filter((e) => e.shared).map((e) => e.block));
    for (const block of new Set(blocksOf(inode))) owners.set(block, [...(owners.get(block) ?? []), { ino: inode.ino, shared: shared.has(block) }]);
  }
  return [...owners].filter(([, list]) => list.length > 1 && list.some((o) => !o.shared)).map(([block, list]) => `block ${block} belongs to inodes ${list.map((o) => o.ino).join(' and ')}`);
}

/** Structural checks of metadata; `recovered` adds what recovery must have finished. */
export function wellFormedViolations(meta: Meta, world: World, recovered: boolean): string[] {
  const out: string[] = [];
  for (const [name, ino] of Object.entries(meta.names)) if (!meta.inodes[ino]) out.push(`name '${name}' leads to missing inode ${ino}`);
  for (const inode of Object.values(meta.inodes)) {
    for (const block of blocksOf(inode)) if (block < 0 || block >= world.blocks) out.push(`inode ${inode.ino} points outside the filesystem (block ${block})`);
    if (recovered && Object.keys(inode.cow).length > 0) out.push(`inode ${inode.ino} still has copy-on-write pages after recovery`);
    if (recovered && !Object.values(meta.names).includes(inode.ino)) out.push(`inode ${inode.ino} is an orphan after recovery`);
  }
  return out;
}

/** Whether recovering `recovered` again gives the same metadata. */
export function idempotenceViolations(recovered: Meta, world: World): string[] {
  return JSON.stringify(recoverMeta(recovered, world.bugs)) === JSON.stringify(recovered) ? [] : ['a second recovery changed the metadata'];
}
