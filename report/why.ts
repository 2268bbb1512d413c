import type { Litmus } from '../lang/ast.js';
import type { Story, StoryChoice } from './story-shape.js';

const at = (lines: readonly number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

/**
 * One sentence on why the data was lost, from the crash state: an uncommitted journal handle, a
 * cache line or page that had not reached media, a non-temporal store that had not landed, or no
 * choice at all (the data never went anywhere durable).
 */
export function explainWhy(story: Omit<Story, 'why'>, test: Litmus): string {
  if (story.violated === null) return `recovery broke the safety property ${story.property}: ${story.choices.map((c) => c.text).join('; ') || 'in every crash state'}`;
  const pending = story.handles.find((h) => !h.committed);
  if (pending) return handleSentence(pending, story);
  const lost = story.choices.find((c) => c.chosen + 1 < c.of && c.kind !== 'journal');
  if (lost) return choiceSentence(lost, test);
  const landed = story.choices.find((c) => c.kind === 'landed' && c.chosen === 0);
  if (landed) return `${landed.text}: with data=writeback the block's allocation committed before its data was written`;
  if (test.program.some((op) => op.op === 'mmap' && op.flags.includes('MAP_PRIVATE'))) return 'the stores went to a MAP_PRIVATE copy of the page: a private mapping never writes back to the file';
  const cut = story.ops.find((o) => o.status === 'cut');
  if (cut) return `the crash cut line ${cut.line} (${cut.text}) before it finished`;
  return `no crash state at this point keeps the data: ${story.violated} fails whatever persisted`;
}

function handleSentence(h: Story['handles'][number], story: Omit<Story, 'why'>): string {
  const committed = story.handles.filter((x) => x.committed).length;
  const what = /^(store|ntstore|xchg) /.test(h.text)
    ? `the block allocated by the write fault at line ${h.line} (${h.text})`
    : /^write /.test(h.text)
      ? `the allocation and size change of the write at line ${h.line} (${h.text})`
      : `the metadata change of line ${h.line} (${h.text})`;
  return `${what} was only in the running transaction: the crash came before the journal committed it (${committed} of ${story.handles.length} uncommitted handles committed), so recovery does not find the data`;
}

function choiceSentence(c: StoryChoice, test: Litmus): string {
  const eadr = test.config.some((e) => e.key === 'platform' && e.value === 'eadr');
  switch (c.kind) {
    case 'line':
      return eadr
        ? `the store at ${at(c.lines)} was still in the store buffer (${c.text}): no fence drained it before the crash`
        : `the store at ${at(c.lines)} was still in the CPU cache (${c.text}): nothing flushed and fenced that line, and it had not been evicted`;
    case 'page':
      return `the write at ${at(c.lines)} was only in the page cache (${c.text}): page-cache data reaches media only by writeback (msync, fsync, or the kernel's own schedule)`;
    case 'nt':
      return `the non-temporal store at ${at(c.lines)} had not landed (${c.text}): no fence completed it`;
    default:
      return c.text;
  }
}
