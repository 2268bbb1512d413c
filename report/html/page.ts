import { escapeHtml } from '../escape.js';
import { STYLE } from './style.js';

/** One self-contained HTML page (inline CSS and SVG, no scripts, no network) around already rendered parts. */
export function htmlPage(title: string, parts: readonly string[], footer: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...parts.filter(Boolean),
    `<footer>${escapeHtml(footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
