import type { Cause, HandlePurpose } from '../model/check/explain.js';
import type { Story } from './story-shape.js';

const at = (lines: readonly number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

/**
 * One sentence on why the data was lost: the first of the model's causes (`explain`), or for a
 * safety property the crash state that broke it.
 */
export function explainWhy(story: Omit<Story, 'why' | 'fix'>, causes: readonly Cause[]): string {
  if (story.violated === null) return `recovery broke the safety property ${story.property}: ${story.choices.map((c) => c.text).join('; ') || 'in every crash state'}`;
  return sentence(causes[0]!, story);
}

function sentence(cause: Cause, story: Omit<Story, 'why' | 'fix'>): string {
  const op = (i: number) => story.ops[i]!;
  const lines = (ops: readonly number[]) => at(ops.map((i) => op(i).line));
  const text = (choice: number) => story.choices[choice]!.text;
  switch (cause.kind) {
    case 'uncommitted-handle':
      return `${PURPOSE[cause.purpose](op(cause.op))} was only in the running transaction: the crash came before the journal committed it (${cause.committed} of ${cause.uncommitted} uncommitted handles committed), so recovery does not find the data`;
    case 'cached-stores-lost':
      return cause.outside === 'store-buffer'
        ? `the store at ${lines(cause.ops)} was still in the store buffer (${text(cause.choice)}): no fence drained it before the crash`
        : `the store at ${lines(cause.ops)} was still in the CPU cache (${text(cause.choice)}): nothing flushed and fenced that line, and it had not been evicted`;
    case 'page-not-written-back':
      return `the write at ${lines(cause.ops)} was only in the page cache (${text(cause.choice)}): page-cache data reaches media only by writeback (msync, fsync, or the kernel's own schedule)`;
    case 'host-not-written-back':
      return `the store at ${lines(cause.ops)} was only in the host's page cache (${text(cause.choice)}): a guest's flush and fence reach host memory, and only a flush request (fsync, msync, sync) makes the host write the file back`;
    case 'nt-not-landed':
      return `the non-temporal store at ${lines(cause.ops)} had not landed (${text(cause.choice)}): no fence completed it`;
    case 'writeback-metadata-not-committed':
    case 'data-not-landed':
      return text(cause.choice);
    case 'private-stores':
      return 'the stores went to a MAP_PRIVATE copy of the page: a private mapping never writes back to the file';
    case 'cut':
      return `the crash cut line ${op(cause.op).line} (${op(cause.op).text}) before it finished`;
    case 'no-crash-state':
      return `no crash state at this point keeps the data: ${story.violated} fails whatever persisted`;
  }
}

const PURPOSE: Readonly<Record<HandlePurpose, (op: { line: number; text: string }) => string>> = {
  'fault-allocation': (op) => `the block allocated by the write fault at line ${op.line} (${op.text})`,
  'write-allocation': (op) => `the allocation and size change of the write at line ${op.line} (${op.text})`,
  metadata: (op) => `the metadata change of line ${op.line} (${op.text})`,
};
