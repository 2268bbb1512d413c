const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML and SVG, both as element content and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Fragment ids for names, in order, after `prefix`: letters, digits, `.`, `_` and `-` are kept, anything else
 * becomes `-`, and a name seen before gets `-2`, `-3`, ... so that every id is unique on the page.
 */
export function anchorsOf(names: readonly string[], prefix = 'cx-'): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = `${prefix}${name.replace(/[^A-Za-z0-9._-]/g, '-')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
