/**
 * Where a crash state is undecided (DESIGN 1.4), as the explorer's oracle is asked about it: which
 * prefix of a cache line's pending stores persisted, whether a non-temporal piece landed, how much
 * of the journal committed, which version of a page-cache page was written back, whether that
 * page's first writeback's metadata committed, whether its data reached media, and which prefix of
 * the stores to a media page a host wrote back from its page cache.
 */
export type Site =
  | { readonly kind: 'line'; readonly line: number }
  | { readonly kind: 'nt'; readonly seq: number }
  | { readonly kind: 'journal' }
  | { readonly kind: 'host'; readonly page: number }
  | { readonly kind: 'page' | 'meta' | 'landed'; readonly ino: number; readonly page: number };

/** The kinds of site. */
export type SiteKind = Site['kind'];

/** The text of a site (`line 5`, `nt 12`, `journal`, `host 3`, `page 1:0`, `meta 1:0`, `landed 1:0`): what counterexample files store. */
export function printSite(site: Site): string {
  switch (site.kind) {
    case 'line':
      return `line ${site.line}`;
    case 'nt':
      return `nt ${site.seq}`;
    case 'journal':
      return 'journal';
    case 'host':
      return `host ${site.page}`;
    default:
      return `${site.kind} ${site.ino}:${site.page}`;
  }
}

/** A key that tells sites apart, as cheap as can be: a line site's number (most sites are lines), else its text. */
export function siteKey(site: Site): number | string {
  return site.kind === 'line' ? site.line : printSite(site);
}

const NUMBER = '(0|[1-9][0-9]*)';
const FORMS: readonly [RegExp, (n: number[]) => Site][] = [
  [new RegExp(`^line ${NUMBER}$`), ([line]) => ({ kind: 'line', line: line! })],
  [new RegExp(`^nt ${NUMBER}$`), ([seq]) => ({ kind: 'nt', seq: seq! })],
  [/^journal$/, () => ({ kind: 'journal' })],
  [new RegExp(`^host ${NUMBER}$`), ([page]) => ({ kind: 'host', page: page! })],
  ...(['page', 'meta', 'landed'] as const).map((kind): [RegExp, (n: number[]) => Site] => [new RegExp(`^${kind} ${NUMBER}:${NUMBER}$`), ([ino, page]) => ({ kind, ino: ino!, page: page! })]),
];

/** The site `text` prints, or undefined when it is not the text of a site (the inverse of `printSite`). */
export function parseSite(text: string): Site | undefined {
  for (const [form, make] of FORMS) {
    const match = form.exec(text);
    if (match) return make(match.slice(1).map(Number));
  }
  return undefined;
}
