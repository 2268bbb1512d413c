import { castDraft, type Draft } from 'immer';
import type { Meta } from './meta.js';
import type { FsState } from './state.js';

/**
 * Starts a handle in the running transaction (DESIGN 1.2): `change` turns the live metadata into
 * the new one; the handle records it with the inodes it touched. One journal for the whole
 * filesystem, as jbd2 and the XFS log have.
 */
export function journal(fs: Draft<FsState>, op: number, meta: Meta, touched: readonly number[], datasync: readonly number[] = touched): void {
  fs.handles = castDraft(fs.handles.append({ op, touched: [...touched], datasync: [...datasync], meta }));
}

/** Commits every handle so far (jbd2 commits the whole running transaction, so fsync(a) commits b's changes too). */
export function commitAll(fs: Draft<FsState>): void {
  fs.committed = fs.handles.length;
}

/**
 * Whether `ino` has metadata in a handle not yet committed for certain: what decides whether
 * fsync (any change) or fdatasync (size or block map) must force a commit (ext4_sync_file,
 * xfs_file_fsync: only when the inode's last transaction is not yet committed).
 */
export function uncommitted(fs: FsState, ino: number, datasyncOnly: boolean): boolean {
  return fs.handles.slice(fs.committed).some((h) => (datasyncOnly ? h.datasync : h.touched).includes(ino));
}
