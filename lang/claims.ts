import type { Claims, Frequency, Pos } from './ast.js';

const RESULT = /Result:\s*(Never|Sometimes|Always)\b/g;
const SAFETY = /Safety:\s*([a-z-]+)\s+fails/g;

/**
 * The claims a header comment makes, each with its position in the file: `text` is the comment
 * between `(*` and `*)`, and `at` the position of its `(*`. Undefined when it makes none, so that a
 * test without claims has no `claims` field. Only the first `Result:` counts, as before.
 */
export function parseClaims(text: string, at?: Pos): Claims | undefined {
  const result = [...text.matchAll(RESULT)][0];
  const safetyFails = [...text.matchAll(SAFETY)].map((m) => ({ property: m[1]!, ...where(text, m.index, at) }));
  if (!result && safetyFails.length === 0) return undefined;
  return { ...(result ? { result: { frequency: result[1] as Frequency, ...where(text, result.index, at) } } : {}), safetyFails };
}

/** The position of character `index` of the comment text, or nothing when the comment's own is unknown. */
function where(text: string, index: number, at?: Pos): { at?: Pos } {
  if (!at) return {};
  const before = text.slice(0, index);
  const newline = before.lastIndexOf('\n');
  const line = at.line + before.split('\n').length - 1;
  return { at: { line, col: newline < 0 ? at.col + 2 + index : index - newline } };
}
