import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterexampleOf, serialize } from '../../report/counterexample.js';
import { renderReport } from '../../report/html/report.js';
import { main } from '../../cli/main.js';
import { packageRoot } from '../../report/package-root.js';
import type { Story } from '../../report/story-shape.js';
import { checkCell } from '../../matrix/cell.js';
import { modeById } from '../../matrix/modes.js';
import type { Recipe } from '../../matrix/recipes.js';
import { memoryIo } from '../helpers.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const dir = mkdtempSync(join(tmpdir(), 'daxcheck-html-'));

/** A serialized counterexample of a cell that loses data, written under `dir`. */
function counterexample(mode: string, recipe: Recipe, name: string, edit: (cx: Record<string, unknown>) => void = () => {}): string {
  const result = checkCell({ mode: modeById(mode)!, platform: 'adr', failure: 'host', recipe }, { seed: 7, numRuns: 20 });
  if (result.verdict !== 'lost') throw new Error(`${mode}/adr/${recipe} should lose data`);
  const cx = JSON.parse(serialize(counterexampleOf(result))) as Record<string, unknown>;
  edit(cx);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(cx, null, 2));
  return path;
}

async function report(files: readonly string[], out: string) {
  const io = memoryIo();
  return { status: await main(['report', ...files, '--html', out], io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const journal = counterexample('fsdax-shared', 'flush+fence', 'journal.json');
const cached = counterexample('devdax', 'none', 'cached.json', (cx) => void (cx.name = 'devdax <b>&amp; "quoted"</b>'));

/** Everything the page asked the network for, and every error it reported, while it loaded. */
interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

async function visit(browser: Browser, file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('requestfailed', (r) => void errors.push(`request failed: ${r.url()}`));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => void errors.push(`page error: ${e.message}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors };
}

/** Red, other-than-white and distinct colours in a PNG, decoded by the browser's own canvas; red counted per column. */
async function pixels(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const redByColumn: number[] = new Array<number>(img.width).fill(0);
    const colours = new Set<number>();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 720) inked++;
      if (r > 180 && g < 60 && b < 60) redByColumn[(i / 4) % img.width]!++;
    }
    return { width: img.width, height: img.height, inked, colours: colours.size, redByColumn };
  }, png.toString('base64'));
}

let browser: Browser;
let one: Visit;
const onePath = join(dir, 'one.html');

/** Debian's Chromium, which `npm test`'s pretest step installs when it can (scripts/ensure-test-tools.mjs). */
const CHROMIUM = process.env.DAXCHECK_CHROMIUM ?? '/usr/bin/chromium';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the HTML report test needs Chromium at ${CHROMIUM}: run npm test as root to have it installed, or 'sudo apt-get install chromium', or set DAXCHECK_CHROMIUM`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  expect((await report([journal], onePath)).status).toBe(0);
  one = await visit(browser, onePath);
});
afterAll(async () => browser?.close());

describe('daxcheck report --html in Chromium', () => {
  it('opens with no console error and no request but the page itself', () => {
    expect(one.errors).toEqual([]);
    expect(one.requests).toEqual([pathToFileURL(onePath).href]);
  });

  it('shows the counterexample as a section with its why sentence, crash state and byte diff', async () => {
    const section = one.page.locator('section.cx');
    expect(await section.count()).toBe(1);
    expect(await section.locator('h2').textContent()).toBe('fsdax-shared.adr.flush+fence.durability');
    expect(await section.getAttribute('id')).toBe('cx-fsdax-shared.adr.flush-fence.durability');
    expect(await section.locator('.why').textContent()).toMatch(/^the block allocated by the write fault at line \d+ .* was only in the running transaction/);
    expect(await section.locator('dl.facts').textContent()).toContain('forall after ack0: w0=0x41');
    expect(await section.locator('dl.facts').textContent()).toContain('crash point#6: after line 9 (ack0:)');
    expect(await section.locator('dl.facts').textContent()).toContain('contractnot promised: no man page or PMDK document promises it');
    expect(await section.locator('dl.facts').textContent()).toMatch(/fixadd `msync m0 0 4K MS_SYNC` after line 8: verified at \d+ crash points/);
    expect(await section.locator('code.cmd').textContent()).toBe('npx daxcheck replay journal.json');
    expect(await section.locator('pre.source').textContent()).toContain('3file f0 size=8K hole\n4program');
    expect(await section.locator('details.litmus pre').textContent()).toContain('exists after ack0: ~w0=0x41');
    expect(await section.locator('tr.choice-journal').textContent()).toContain('none—journal: 0 of 1 uncommitted handles committed');
    expect(await section.locator('tr.choice-journal').textContent()).not.toContain('committed 0 of 1');
    expect(await section.locator('h4').textContent()).toBe('Journal handles still open at the crash, and whether this crash state committed each');
    expect(await section.locator('tr.handle').textContent()).toContain('not committed');
    const row = section.locator('tr.observation.mismatch');
    expect(await row.locator('td.recovered').textContent()).toBe('0');
    expect(await row.locator('td.expected').textContent()).toBe('0x41');
    expect(await section.locator('table.hex td.bad').allTextContents()).toEqual(['00']);
  });

  it('draws a timeline with every operation and the crash marker after the last completed one', async () => {
    const svg = one.page.locator('svg.timeline');
    expect(await svg.locator('g.op').count()).toBeGreaterThanOrEqual(4);
    expect(await svg.locator('g.op-done').count()).toBe(await svg.locator('g.op').count());
    expect(await svg.locator('g.crash text').textContent()).toBe('crash');
    const [crash, last] = await svg.evaluate((el) => [
      el.querySelector('g.crash line')!.getBoundingClientRect().x,
      [...el.querySelectorAll('g.op')].at(-1)!.getBoundingClientRect().right,
    ]);
    expect(crash).toBeGreaterThan(last!);
  });

  it('renders the crash marker as a red vertical line in a screenshot of the timeline', async () => {
    const svg = one.page.locator('svg.timeline');
    const png = await svg.screenshot();
    writeFileSync(join(dir, 'timeline.png'), png);
    const markerX = await svg.evaluate((el) => Number(el.querySelector('g.crash line')!.getAttribute('x1')));
    const p = await pixels(one.page, png);
    expect(p.inked / (p.width * p.height)).toBeGreaterThan(0.05);
    expect(p.colours).toBeGreaterThan(20);
    const column = Math.max(...p.redByColumn.slice(markerX - 2, markerX + 3));
    expect(column).toBeGreaterThanOrEqual(46);
    expect(p.redByColumn.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * 46);
  });

  it('gives two counterexamples two sections, escaping the names they carry', async () => {
    const out = join(dir, 'two.html');
    expect((await report([journal, cached], out))).toMatchObject({ status: 0, out: `wrote ${out} (2 counterexamples)` });
    const two = await visit(browser, out);
    expect(two.errors).toEqual([]);
    expect(await two.page.locator('section.cx').count()).toBe(2);
    expect(await two.page.locator('section.cx h2').allTextContents()).toEqual(['fsdax-shared.adr.flush+fence.durability', 'devdax <b>&amp; "quoted"</b>']);
    expect(await two.page.locator('nav a').count()).toBe(2);
    expect(await two.page.locator('section.cx b').count()).toBe(0);
    expect(await two.page.locator('svg.timeline g.crash').count()).toBe(2);
    expect(await two.page.locator('tr.choice-line').textContent()).toContain('0 of 1 pending store pieces persisted');
  });

  it('puts the crash inside a cut operation and styles operations that did not run', async () => {
    const story = JSON.parse(JSON.stringify(cutStory)) as Story;
    const page = await browser.newPage();
    await page.setContent(renderReport([{ file: 'cut.json', story, source: '', litmus: '', contract: null, fix: 'none' }]));
    const [cut, crash] = await page.evaluate(() => [document.querySelector('g.op-cut rect')!.getBoundingClientRect(), document.querySelector('g.crash line')!.getBoundingClientRect()]);
    expect(crash!.x).toBeGreaterThan(cut!.left);
    expect(crash!.right).toBeLessThan(cut!.right);
    expect(await page.locator('g.op-not-run').count()).toBe(1);
    await page.close();
  });
});

describe('the report of the whole counterexample corpus', () => {
  it('opens in Chromium with a section per file and no console error', async () => {
    const corpus = join(packageRoot(), 'counterexamples', 'corpus');
    const files = readdirSync(corpus).filter((f) => f.endsWith('.json')).map((f) => join(corpus, f));
    const out = join(dir, 'corpus.html');
    expect((await report(files, out)).status).toBe(0);
    const page = await visit(browser, out);
    expect(page.errors).toEqual([]);
    expect(await page.page.locator('section.cx').count()).toBe(files.length);
    await page.page.close();
  });
});

describe('daxcheck report --html on disk', () => {
  it('writes byte-identical pages for the same inputs, naming files by base name only', async () => {
    const again = join(mkdtempSync(join(tmpdir(), 'daxcheck-html-')), 'elsewhere');
    mkdirSync(again);
    writeFileSync(join(again, 'journal.json'), readFileSync(journal));
    expect((await report([join(again, 'journal.json')], join(again, 'one.html'))).status).toBe(0);
    const html = readFileSync(onePath, 'utf8');
    expect(readFileSync(join(again, 'one.html'), 'utf8')).toBe(html);
    expect(html).not.toContain(dir);
  });

  it('refers to nothing outside the page', () => {
    const html = readFileSync(onePath, 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
  });

  it.each([
    ['a truncated file', (text: string) => text.slice(0, 80), /bad\.json: not JSON \(truncated or corrupt\)/],
    ['a crash point the program lacks', (text: string) => text.replace(/"index": \d+/, '"index": 999'), /bad\.json: field 'crashPoint\.index': crash point 999 does not exist/],
    ['an expectation the program lacks', (text: string) => text.replace(/"violated": "[^"]*"/, '"violated": "forall: w0=7"'), /bad\.json: field 'violated': the program has no expectation 'forall: w0=7'/],
  ])('exits 2 on %s with a one-line error naming the file, and writes nothing', async (_what, corrupt, message) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, corrupt(readFileSync(journal, 'utf8')));
    const out = join(dir, 'never.html');
    const r = await report([journal, bad], out);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without --html', async () => {
    expect(await main(['report', journal], memoryIo())).toBe(2);
  });
});

const cutStory: Story = {
  name: 'cut',
  property: 'durability',
  violated: 'forall after a: x=0x41',
  config: 'platform=adr',
  ops: [
    { index: 0, line: 4, text: 'm = mmap d 0 4096 MAP_SHARED', status: 'done' },
    { index: 1, line: 5, text: 'memcpy m[0] 0x41*128', status: 'cut' },
    { index: 2, line: 6, text: 'sfence', status: 'not-run' },
  ],
  crash: { index: 2, description: 'inside line 5 (memcpy m[0] 0x41*128), after step 1 of 2', line: 5 },
  choices: [],
  handles: [],
  bytes: [{ name: 'x', target: 'd', range: '[64:1]', recovered: '0', expected: '0x41' }],
  why: 'the crash cut line 5 (memcpy m[0] 0x41*128) before it finished',
  fix: { found: false, reason: 'no fix of at most 2 edits within the bound' },
};
