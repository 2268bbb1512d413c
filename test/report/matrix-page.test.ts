import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { columnGroupOf, gridCellOf } from '../../report/html/matrix-grid.js';
import { domainWords } from '../../report/html/persistence-domain.js';
import { PLATFORMS, type PlatformName } from '../../profiles/platforms.js';
import type { Failure } from '../../model/core/persistence.js';
import { readJournal } from '../../cli/matrix-journal.js';
import { memoryIo } from '../helpers.js';
import { renderMatrixPage } from '../../report/html/matrix-page.js';
import { allCells } from '../../matrix/cells.js';
import type { CellRow } from '../../matrix/row.js';
import { packageRoot } from '../../report/package-root.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHROMIUM = process.env.DAXCHECK_CHROMIUM ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'daxcheck-matrix-page-'));
const out = join(dir, 'matrix-out');
const page1 = join(dir, 'matrix.html');

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the matrix page test needs Chromium at ${CHROMIUM}: run npm test as root to have it installed, or set DAXCHECK_CHROMIUM`);
  // Every eighth cell: each mode has a row, both platforms a group, and a dozen cells are lost.
  const io = memoryIo();
  expect(await main(['matrix', '--num-runs', '2', '--shard', '1/40', '--workers', '2', '--out', out, '--html', page1], io)).toBe(0);
  expect(io.stdout.at(-1)).toMatch(/^wrote .*matrix\.html \(20 cells, \d+ counterexamples\)$/);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('request', (r) => void (r.url() !== pathToFileURL(page1).href && errors.push(`request ${r.url()}`)));
  await page.goto(pathToFileURL(page1).href, { waitUntil: 'load' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('daxcheck matrix --html in Chromium', () => {
  it('opens with no error and asks the network for nothing', () => {
    expect(errors).toEqual([]);
  });

  it('draws a row per mode with its summary and a column group per platform naming its persistence domain', async () => {
    const rows = readJournal(out, 'test').rows;
    expect(await page.locator('table.grid tbody tr').count()).toBe(new Set(rows.map((r) => r.mode)).size);
    expect(await page.locator('table.grid th.mode').first().textContent()).toBe('pagecache-sharedMAP_SHARED of an ext4 page-cache file');
    const groups = [...new Set(rows.map(columnGroupOf))];
    expect(await page.locator('th.group .platform').allTextContents()).toEqual(groups.flatMap((g) => g.split(' = ')));
    expect((await page.locator('ul.domains li').allTextContents())[0]).toBe(`${groups[0]}: persistence domain: memory controller`);
    // Rows alike (the same check under two names) share a cell.
    expect(await page.locator('td.cell:not(.absent)').count()).toBe(new Set(rows.map(gridCellOf)).size);
    const titles = await page.locator('td.cell.na').evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/: n\/a \(E[A-Z]+\)/);
  });

  it('links every lost cell to its counterexample, which links back to the cell', async () => {
    const links = await page.locator('td.cell.lost').evaluateAll((cells) =>
      cells.map((cell) => {
        const target = document.getElementById(cell.querySelector('a')!.getAttribute('href')!.slice(1))!;
        return { cell: cell.id, section: target.tagName, back: target.querySelector('.back a')!.getAttribute('href') };
      }),
    );
    const lost = readJournal(out, 'test').rows.filter((r) => r.verdict === 'lost');
    expect(links).toHaveLength(lost.length);
    expect(await page.locator('section.cx').count()).toBe(lost.length);
    for (const link of links) expect(link).toEqual({ cell: link.cell, section: 'SECTION', back: `#${link.cell}` });
  });

  it('brings the counterexample into view with one click on a lost cell, and the cell back with one click', async () => {
    const cell = page.locator('td.cell.lost').last();
    await cell.locator('a').click();
    const section = page.locator('section.cx:target');
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(10);
    expect(await section.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-1);
    await section.locator('.back a').click();
    await expect.poll(() => page.locator('td.cell:target').getAttribute('id')).toBe(await cell.getAttribute('id'));
    await page.goto(pathToFileURL(page1).href);
  });

  it('shows the whole grid on the first screen of 1280 by 800, without overflow or overlapping text', async () => {
    const png = await page.screenshot();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
    const box = await page.locator('table.grid').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it.each([
    ['the default matrix, its verdicts read from matrix.expected', defaultRows(), true],
    ['every cell of the default matrix with each verdict and mark', everyMark(), false],
  ])('lays out the grid of %s without overflow or overlap, 1280 px wide', async (_what, rows, firstScreen) => {
    const full = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await full.setContent(renderMatrixPage({ seed: 1, numRuns: 100, out: 'matrix-out', rows }, []));
    const box = (await full.locator('table.grid').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    if (firstScreen) expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await layoutProblems(full)).toEqual([]);
    await full.close();
  });

  it('gives each counterexample its files, contract, fix, replay command and litmus text', async () => {
    const section = page.locator('section.cx').first();
    const name = (await section.locator('h2').textContent())!;
    expect(await section.locator('pre.source').textContent()).toMatch(/\n2config platform=adr fs=ext4\n3file f0 size=\d+K written\n4program\n/);
    expect(await section.locator('dl.facts').textContent()).toContain('contractnot promised: no man page or PMDK document promises it');
    expect(await section.locator('dl.facts').textContent()).toMatch(/fixadd `msync m0 0 4K MS_SYNC` after line \d+: verified at/);
    expect(await section.locator('code.cmd').textContent()).toBe(`npx daxcheck replay matrix-out/${name}.json`);
    expect(await section.locator('details.litmus pre').textContent()).toMatch(/^daxcheck cx-pagecache-shared\.adr\.none\.durability\n\(\* Result: Sometimes\./);
  });
});

describe('daxcheck report DIR --html', () => {
  it('writes the page matrix --html wrote, byte for byte, and again the same bytes', async () => {
    for (const again of ['again.html', 'again.html']) {
      expect(await main(['report', out, '--html', join(dir, again)], memoryIo())).toBe(0);
      expect(readFileSync(join(dir, again), 'utf8')).toBe(readFileSync(page1, 'utf8'));
    }
    expect(readFileSync(page1, 'utf8')).not.toContain(dir);
  });

  it('exits 2 with one line on a folder without a journal, and on a folder given with files', async () => {
    const io = memoryIo();
    expect(await main(['report', dir, '--html', join(dir, 'no.html')], io)).toBe(2);
    expect(io.stderr).toEqual([`daxcheck: report: no journal ${join(dir, 'matrix.journal')} (give the --out folder of a matrix run, or counterexample files)`]);
    const mixed = memoryIo();
    expect(await main(['report', out, page1, '--html', join(dir, 'no.html')], mixed)).toBe(2);
    expect(mixed.stderr).toEqual([`daxcheck: report: ${out} is a matrix folder: give it alone, not with counterexample files`]);
    expect(existsSync(join(dir, 'no.html'))).toBe(false);
  });
});

describe('the grid from the rows', () => {
  it('groups columns by platform and says what each platform keeps through power loss', () => {
    // Columns of the same persistence rules are one check (matrix/cells.ts verdictKey), so one group.
    expect(columnGroupOf({ platform: 'cxl-gpf', failure: 'host' } as Parameters<typeof columnGroupOf>[0])).toBe('eadr = cxl-gpf');
    expect(columnGroupOf({ platform: 'nvdimm-dax', failure: 'guest' } as Parameters<typeof columnGroupOf>[0])).toBe('nvdimm-file@guest = nvdimm-dax@guest');
    expect(columnGroupOf({ platform: 'virtio-pmem', failure: 'guest' } as Parameters<typeof columnGroupOf>[0])).toBe('virtio-pmem@guest');
    expect(domainWords(PLATFORMS['virtio-pmem'].domain, 'guest')).toMatch(/^guest crash: the host survives/);
    expect(domainWords(PLATFORMS['cxl-gpf'].domain)).toBe('persistence domain: CPU caches, memory controller');
    expect(domainWords(PLATFORMS['virtio-pmem'].domain)).toBe('persistence domain: memory controller; on a host file in the host page cache, flushed by request to the host');
    expect(domainWords(PLATFORMS['nvdimm-dax'].domain)).toBe('persistence domain: memory controller; on host pmem through a DAX mapping');
  });
});

/** The rows of the default matrix as its golden table gives them: verdicts, contracts and errnos. */
function defaultRows(): CellRow[] {
  const lines = readFileSync(join(packageRoot(), 'matrix.expected'), 'utf8').trimEnd().split('\n').slice(2, -1);
  return lines.map((line) => {
    const [mode, platform, failure, recipe, verdict, promised, , , , detail] = line.split(/\s+/);
    return { ...row(), mode: mode!, platform: platform as PlatformName, failure: failure as Failure, recipe: recipe!, verdict: verdict as CellRow['verdict'], contract: { promised: promised === 'promised', source: 's' }, errno: verdict === 'n/a' ? detail! : null };
  });
}

/** Every cell of the default matrix, the verdicts and contracts taking turns so that every mark shows. */
function everyMark(): CellRow[] {
  const verdicts = ['durable', 'lost', 'n/a'] as const;
  return allCells().map((cell, i) => ({ ...row(), mode: cell.mode.id, platform: cell.platform, failure: cell.failure, recipe: cell.recipe, verdict: verdicts[i % 3]!, contract: { promised: i % 2 === 0, source: 's' }, errno: i % 3 === 2 ? 'EOPNOTSUPP' : null }));
}

function row(): CellRow {
  return { mode: '', platform: 'adr', failure: 'host', recipe: '', verdict: 'durable', contract: { promised: true, source: 's' }, workloads: 1, crashPoints: 1, crashStates: '1', errno: null, property: null, operations: null, fix: null };
}

/** Text that overflows its grid cell, and pairs of text boxes in the grid that overlap, from the browser's layout. */
function layoutProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const boxes: { text: string; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.querySelector('table.grid')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const cell = node.parentElement!.closest('td, th')!.getBoundingClientRect();
      for (const r of range.getClientRects()) {
        boxes.push({ text: node.textContent!, r });
        if (r.left < cell.left - 0.5 || r.right > cell.right + 0.5 || r.top < cell.top - 0.5 || r.bottom > cell.bottom + 0.5) problems.push(`'${node.textContent}' overflows its cell`);
      }
    }
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) problems.push(`'${a.text}' overlaps '${b.text}'`);
    return problems;
  });
}
