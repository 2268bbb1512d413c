import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../report/package-root.js';

/** A fenced block of a Markdown text: its language, its text, the `<!-- ... -->` comment on the line before it, and its first line. */
export interface Block {
  readonly lang: string;
  readonly text: string;
  readonly comment: string | undefined;
  readonly line: number;
}

/** Every fenced block of `markdown`, in order. */
export function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const comment = /^<!-- (.*) -->$/.exec(lines[i - 1] ?? '')?.[1];
    blocks.push({ lang: open[1]!, text: lines.slice(i + 1, end).join('\n') + '\n', comment, line: i + 1 });
    i = end;
  }
  return blocks;
}

/** A TypeScript block as its file under test/docs/ reads, importing the package by name. */
export function asPublished(source: string): string {
  return source.replace(/'(\.\.\/)+api\/index\.js'/g, "'daxcheck'");
}

/**
 * The TypeScript blocks of a document that differ from the file under `folder` their comment names
 * (`<!-- file: test/docs/.../x.ts -->`), which the suite type-checks: `LINE: why` for each.
 */
export function tsBlocksAsFiles(markdown: string, folder: string): string[] {
  return fencedBlocks(markdown)
    .filter((b) => b.lang === 'ts')
    .flatMap((b) => {
      const file = /^file: (\S+\.ts)$/.exec(b.comment ?? '')?.[1];
      if (!file?.startsWith(folder)) return [`${b.line}: names no file under ${folder}`];
      return b.text === asPublished(readFileSync(join(packageRoot(), file), 'utf8')) ? [] : [`${b.line}: differs from ${file}`];
    });
}
