/**
 * Search, end to end: the site is built to a temporary directory and indexed
 * with `scripts/search-index.ts`; queries then run in headless Chromium
 * through the site's own `pagefind/pagefind.js`, served from 127.0.0.1.
 *
 * Needs Chromium (`apt-get install chromium`); without it every test here
 * fails saying so.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from './helpers/built-site.ts';
import { fileTree } from './helpers/files.ts';
import { contentDir } from '../src/lib/config.ts';
import { entryText, isIndexed, pageMarks } from '../src/lib/search/entry.ts';
import { indexedPages, listedPages } from '../src/lib/search/pages.ts';
import { contentModel } from './helpers/content-model.ts';
import { firstHeading, pageFilters, pageListing } from '../src/lib/search/html.ts';
import { pageSize } from '../src/lib/search/controller.ts';
import { districtUnitsPath } from '../src/lib/search/parts.ts';
import type { DistrictUnits, PartsManifest } from '../src/lib/search/parts.ts';
import { expectedPages, hanSubstrings, residentQueries, segmentationTraps } from '../src/lib/search/recall.ts';
import { textContains } from '../src/lib/search/results.ts';
import type { CommitmentEntry } from '../src/lib/schema.ts';
import { directoryOf, launchChromium, loadCommitments, runSearch, searchPageCost, serve } from '../scripts/search-harness.ts';
import type { Served, SearchHit } from '../scripts/search-harness.ts';

const project = join(import.meta.dirname, '..');

/** Presses the search page's “显示更多” until it is gone; returns the path of every result shown. */
async function showAll(page: Page): Promise<string[]> {
  while (await page.locator('[data-search-more]').isVisible()) {
    const before = await page.locator('[data-search-results] > li').count();
    await page.locator('[data-search-more]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-search-results] > li').length > n || document.querySelector<HTMLButtonElement>('[data-search-more]')?.hidden === true,
      before,
    );
  }
  return page.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Returns what `read` finds in each HTML page of the built site (pages where it finds nothing left out), in path order. */
function builtPages<T>(site: string, read: (html: string) => T | undefined): [string, T][] {
  return (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .sort()
    .flatMap((path): [string, T][] => {
      const found = read(readFileSync(join(site, path), 'utf8'));
      return found === undefined ? [] : [[path, found]];
    });
}

describe('search over the built site', () => {
  let out = '';
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let commitments: CommitmentEntry[];

  /** Runs a search in the browser. */
  const search = (query: string | null, filters: Record<string, string> = {}): Promise<SearchHit[]> => runSearch(page, query, filters);
  const urls = (hits: SearchHit[]): string[] => hits.map((h) => h.url).sort();

  beforeAll(async () => {
    out = builtSite();
    commitments = loadCommitments(contentDir());
    served = await serve(out);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${served.origin}/search/`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('should write the index with every commitment and district page in it, and no department page', () => {
    expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const html = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind')).map((f) => f.split(sep).join('/'));
    const bodies = html.filter((f) => isIndexed(readFileSync(join(out, f), 'utf8')));
    const districts = new Set(commitments.map((c) => `${c.year}/${c.district}/index.html`));
    expect([...bodies].sort()).toEqual([...commitments.map((c) => `${c.permalink.slice(1)}index.html`), ...districts].sort());
    expect(entry.languages.und?.page_count).toBe(bodies.length);
    const unitPages = html.filter((f) => /^\d{4}\/[^/]+\/units\/[^/]+\/index\.html$/u.test(f));
    expect(unitPages.length).toBeGreaterThan(10);
    expect(unitPages.filter((f) => bodies.includes(f))).toEqual([]);
  });

  test('should list every department page, by district, name and year, in its district’s units file', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'pagefind', 'parts.json'), 'utf8')) as { parts: { path: string; districts: string[] }[] };
    const units: [string, DistrictUnits][] = manifest.parts.flatMap((part) =>
      part.districts.map((district, n): [string, DistrictUnits] => [
        district,
        JSON.parse(readFileSync(join(out, 'pagefind', districtUnitsPath(part.path, n)), 'utf8')) as DistrictUnits,
      ]),
    );
    expect(units.length).toBeGreaterThan(1);
    const listed = units.flatMap(([, named]) => Object.values(named).flatMap((pages) => Object.values(pages)));
    const unitPages = (readdirSync(out, { recursive: true }) as string[])
      .map((f) => f.split(sep).join('/'))
      .filter((f) => /^\d{4}\/[^/]+\/units\/[^/]+\/index\.html$/u.test(f))
      .map((f) => `/${f.replace(/index\.html$/u, '')}`);
    expect([...listed].sort()).toEqual([...unitPages].sort());
    // Each under its district's name and its own, as its page heads itself.
    for (const [district, named] of units) {
      for (const [name, pages] of Object.entries(named)) {
        for (const [year, url] of Object.entries(pages)) {
          const html = readFileSync(join(out, url, 'index.html'), 'utf8');
          expect(firstHeading(html)).toBe(name);
          expect(pageListing(html)).toEqual({ year, district, unit: name });
        }
      }
    }
  });

  test('should make from the content exactly the pages and marks the built pages show the index', () => {
    const fromContent = indexedPages({ years: contentModel(), snapshots: [] });
    const fromPages = builtPages(out, pageMarks).map(([path, marks]) => ({ path, marks }));
    expect(fromContent.length).toBeGreaterThan(commitments.length);
    expect(fromContent).toEqual(fromPages);
  });

  test('should make from the content exactly the department pages and listings the built pages mark', () => {
    const fromContent = listedPages({ years: contentModel(), snapshots: [] });
    const fromPages = builtPages(out, pageListing).map(([path, listing]) => ({ path, listing }));
    expect(fromContent.length).toBeGreaterThan(0);
    expect(fromContent).toEqual(fromPages);
  });

  test.each([...residentQueries, ...segmentationTraps])('should find every commitment whose text contains %s', async (query) => {
    const expected = expectedPages(commitments, query);
    expect(expected.length).toBeGreaterThan(0);
    const found = new Set(urls(await search(query)));
    expect(expected.filter((p) => !found.has(p))).toEqual([]);
  });

  test('should find every commitment for a sample of every two- to four-character Chinese string of the texts', async () => {
    const texts = commitments.map((c) => c.text);
    const sample = [2, 3, 4].flatMap((n) => hanSubstrings(texts, n).filter((_, i) => i % 12 === 0));
    expect(sample.length).toBeGreaterThan(500);
    const misses: string[] = [];
    for (const query of sample) {
      const found = new Set(urls(await search(query)));
      for (const p of expectedPages(commitments, query)) if (!found.has(p)) misses.push(`${query} → ${p}`);
    }
    expect(misses).toEqual([]);
  });

  test('should find a commitment by a long stretch of its text, as one phrase', async () => {
    const c = commitments.find((x) => (x.text.match(/\p{Script=Han}{14,}/u)?.[0] ?? '') !== '');
    const query = c?.text.match(/\p{Script=Han}{14,}/u)?.[0]?.slice(0, 14) ?? '';
    expect(query).not.toBe('');
    expect(urls(await search(query))).toContain(c?.permalink);
  });

  test('should narrow results to one district, one topic and one department', async () => {
    // A word of many topics and departments (养老 is found on 养老服务 commitments only).
    const all = await search('服务');
    const cases = [
      { key: 'district', value: '济南市市中区' },
      { key: 'topic', value: '养老服务' },
      { key: 'unit', value: '区民政局' },
    ];
    for (const { key, value } of cases) {
      const narrowed = await search('服务', { [key]: value });
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed.length).toBeLessThan(all.length);
      expect(urls(narrowed)).toEqual(urls(all.filter((h) => h.filters[key]?.includes(value))));
    }
    const topicHits = await search('养老', { topic: '养老服务', type: '事项' });
    const expectedTopic = commitments.filter((c) => c.topic.slug === 'elderly-care' && c.text.includes('养老')).map((c) => c.permalink);
    expect(urls(topicHits).filter((u) => expectedTopic.includes(u))).toEqual([...expectedTopic].sort());
    expect(topicHits.every((h) => h.filters.topic?.includes('养老服务'))).toBe(true);
  });

  test('should filter commitments by their status, 未见报告 while no report is in', async () => {
    const hits = await search(null, { district: '淮北市相山区', type: '事项' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.filters.status?.join() === '未见报告')).toBe(true);
    expect(urls(await search(null, { district: '淮北市相山区', type: '事项', status: '未见报告' }))).toEqual(urls(hits));
    expect(await search(null, { district: '淮北市相山区', status: '已完成' })).toEqual([]);
  });

  test('should list a whole district by its filter alone', async () => {
    const hits = await search(null, { district: '淮北市相山区', type: '事项' });
    const expected = commitments.filter((c) => c.district === 'huaibei-xiangshan').map((c) => c.permalink);
    expect(urls(hits)).toEqual([...expected].sort());
  });

  test('should check results a batch at a time, and find every page holding the query once “显示更多” runs out', async () => {
    if (!browser || !served) throw new Error('no browser');
    // In every district's name: more pages than one batch (no two-character word is in over 40 pages of the built-in site).
    const query = '区';
    const holding = (readdirSync(out, { recursive: true }) as string[])
      .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
      .filter((f) => textContains(entryText(readFileSync(join(out, f), 'utf8')), query))
      .map(
        (f) =>
          `/${f
            .split(sep)
            .join('/')
            .replace(/index\.html$/u, '')}`,
      );
    expect(holding.length).toBeGreaterThan(40);
    const visitor = await browser.newPage();
    const fragments: string[] = [];
    visitor.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) fragments.push(r.url());
    });
    try {
      await visitor.goto(`${served.origin}/search/?q=${encodeURIComponent(query)}`);
      await visitor.waitForFunction(() => /找到/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      // The first screenful fetched the text of one batch of results, not of all of them.
      expect(await visitor.locator('[data-search-results] > li').count()).toBe(20);
      expect(fragments.length).toBeLessThanOrEqual(40);
      expect(await visitor.locator('[data-search-status]').textContent()).toContain('还有更多');
      const links = await showAll(visitor);
      expect([...links].sort()).toEqual([...holding].sort());
      expect(await visitor.locator('[data-search-status]').textContent()).toContain(`找到 ${holding.length} 个页面`);
    } finally {
      await visitor.close();
    }
  });

  test('should show results on the search page, load Pagefind only there, and ask no other origin', async () => {
    if (!browser || !served) throw new Error('no browser');
    const origin = served.origin;
    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const requests: string[] = [];
    visitor.on('request', (r) => requests.push(r.url()));
    try {
      await visitor.goto(`${origin}/2023/huaibei-xiangshan/18/`);
      await visitor.waitForLoadState('networkidle');
      expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
      expect(await visitor.locator('a[href="/search/"]').count()).toBeGreaterThan(0);

      await visitor.goto(`${origin}/search/?q=${encodeURIComponent('托位')}`);
      await visitor.waitForFunction(() => /找到|没有找到/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      const links = await visitor.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toEqual(expect.arrayContaining(expectedPages(commitments, '托位')));
      // Only pages that hold 托位 itself, not 托育 … 位.
      for (const link of links) expect(textContains(entryText(readFileSync(join(out, link, 'index.html'), 'utf8')), '托位')).toBe(true);
      expect(await visitor.locator('[data-search-results] mark').first().textContent()).toBe('托位');

      expect(requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
      expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});

describe('search index in parts', () => {
  let whole: Served | undefined;
  let split: Served | undefined;
  let browser: Browser | undefined;
  let dir = '';
  let manifest: PartsManifest;
  let commitments: CommitmentEntry[];
  /** District page path (`/2023/huaibei-xiangshan/`) → the district's name. */
  const names = new Map<string, string>();

  beforeAll(async () => {
    // The shared build (129 indexed pages), indexed again in parts of at most 170 pages, two parts at a time (the default): the
    // districts' keys end its parts after 55, 23 and 51 pages (`planParts`).
    dir = mkdtempSync(join(tmpdir(), 'minsheng-parts-'));
    cpSync(builtSite(), dir, { recursive: true, filter: (from) => !from.includes(`${sep}pagefind`) });
    execFileSync(process.execPath, [join(project, 'scripts', 'search-index.ts'), '--max-pages', '170', '--site', dir], { stdio: 'pipe', env: { ...process.env, BASE_PATH: '/' } });
    manifest = JSON.parse(readFileSync(join(dir, 'pagefind', 'parts.json'), 'utf8')) as typeof manifest;
    commitments = loadCommitments(contentDir());
    // Each district's name as its notice page gives it to the index.
    for (const c of commitments) {
      const key = `/${c.year}/${c.district}/`;
      if (!names.has(key)) names.set(key, pageFilters(readFileSync(join(builtSite(), key, 'index.html'), 'utf8')).district?.[0] ?? '');
    }
    whole = await serve(builtSite());
    split = await serve(dir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await whole?.close();
    await split?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('should write every indexed page into exactly one part, a district whole, each part a Pagefind index of its own', () => {
    const single = JSON.parse(readFileSync(join(builtSite(), 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(manifest.parts.length).toBeGreaterThanOrEqual(3);
    let total = 0;
    for (const part of manifest.parts) {
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind', part.path, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(entry.languages.und?.page_count).toBe(part.pages);
      // A file of each of its districts' departments, for the department menu and links, and no other.
      expect(readdirSync(join(dir, 'pagefind', part.path, 'units')).sort()).toEqual(part.districts.map((_, n) => `${n}.json`).sort());
      expect(part.pages).toBeLessThanOrEqual(170);
      total += part.pages;
    }
    expect(total).toBe(single.languages.und?.page_count);
    const districts = manifest.parts.flatMap((p) => p.districts);
    expect(new Set(districts).size).toBe(districts.length);
    expect(new Set(districts)).toEqual(new Set(names.values()));
  });

  test('should write the same parts byte for byte whether they are indexed one at a time or two at once', () => {
    const one = mkdtempSync(join(tmpdir(), 'minsheng-parts-serial-'));
    try {
      cpSync(builtSite(), one, { recursive: true, filter: (from) => !from.includes(`${sep}pagefind`) });
      execFileSync(process.execPath, [join(project, 'scripts', 'search-index.ts'), '--max-pages', '170', '--jobs', '1', '--site', one], {
        stdio: 'pipe',
        env: { ...process.env, BASE_PATH: '/' },
      });
      const serial = fileTree(join(one, 'pagefind'), 'base64');
      expect(serial.size).toBeGreaterThan(manifest.parts.length);
      expect(fileTree(join(dir, 'pagefind'), 'base64')).toEqual(serial);
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });

  test('should find with the parts merged exactly what one index finds', async () => {
    if (!browser || !whole || !split) throw new Error('no browser');
    const [a, b] = [await browser.newPage(), await browser.newPage()];
    try {
      await a.goto(`${whole.origin}/search/`);
      await b.goto(`${split.origin}/search/`);
      for (const [query, filters] of [
        ...[...residentQueries, ...segmentationTraps].map((q): [string, Record<string, string>] => [q, {}]),
        ['养老', { topic: '养老服务' }],
        ['社区', { district: '淮北市相山区' }],
      ] as [string, Record<string, string>][]) {
        // What the search page shows: the results that hold the query itself (Pagefind adds looser ones, differently per index).
        const shown = async (page: Page): Promise<string[]> =>
          (await runSearch(page, query, filters))
            .map((h) => h.url)
            .filter((u) => textContains(entryText(readFileSync(join(dir, u, 'index.html'), 'utf8')), query))
            .sort();
        const one = await shown(a);
        expect(one.length, query).toBeGreaterThan(0);
        expect(await shown(b), query).toEqual(one);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('should name in its directory every part holding a page that contains a query, and fewer parts for a word few hold', async () => {
    if (!browser || !split) throw new Error('no browser');
    const directory = directoryOf(join(dir, 'pagefind'), manifest);
    if (!directory) throw new Error('no directory in an index of several parts');
    expect(manifest.directory?.shards).toBeGreaterThanOrEqual(1);
    const page = await browser.newPage();
    try {
      await page.goto(`${split.origin}/search/`);
      let fewer = 0;
      for (const query of [...residentQueries, ...segmentationTraps, ...names.values(), '淮北 托位']) {
        const hits = await runSearch(page, query);
        const needed = hits.filter((h) => textContains(entryText(readFileSync(join(dir, h.url, 'index.html'), 'utf8')), query)).map((h) => h.part);
        const named = directory.holding(query);
        for (const part of needed) expect(named.has(part), `${query}: ${part}`).toBe(true);
        if (named.size < manifest.parts.length) fewer++;
      }
      // Each district's name is in its own part alone.
      expect(fewer).toBeGreaterThanOrEqual(names.size);
    } finally {
      await page.close();
    }
  });

  test('should load, for a word one part holds, that part alone besides the first and a shard of the directory', async () => {
    if (!browser || !split) throw new Error('no browser');
    const holder = manifest.parts[manifest.parts.length - 1];
    const district = holder?.districts[0];
    if (!holder || !district) throw new Error('no part');
    const cost = await searchPageCost(browser, split.origin, district);
    expect(cost.results).toBeGreaterThan(0);
    const folders = new Set(cost.files.map(([path]) => /^part-\d+\//u.exec(path)?.[0] ?? ''));
    expect([...folders].sort()).toEqual(['', holder.path].sort());
    expect(cost.files.filter(([path]) => path.startsWith('directory/')).length).toBeGreaterThanOrEqual(1);
  });

  test('should offer only the chosen district’s departments, as its part of the index names them, without loading the index’s filters', async () => {
    if (!browser || !split) throw new Error('no browser');
    const visitor = await browser.newPage();
    try {
      const requests: string[] = [];
      visitor.on('request', (r) => requests.push(r.url()));
      await visitor.goto(`${split.origin}/search/`);
      await visitor.locator('[data-filters] > summary').click();
      const all = await visitor.locator('select[name="unit"] option:not([value=""])').count();
      for (const [path, district] of names) {
        const slug = path.split('/')[2] ?? '';
        const registry = parseYaml(readFileSync(join(contentDir(), 'notices', path.split('/')[1] ?? '', `${slug}.units.yaml`), 'utf8')) as { units: { name: string }[] };
        await visitor.selectOption('select[name="district"]', district);
        await visitor.waitForFunction((d) => document.querySelector<HTMLSelectElement>('select[name="unit"]')?.dataset.district === d, district);
        const shown = await visitor.locator('select[name="unit"] option:not([value=""]):not([hidden])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(shown.length, district).toBeLessThan(all);
        expect(new Set(shown), district).toEqual(new Set(registry.units.map((u) => u.name)));
      }
      expect(names.size).toBeGreaterThan(1);
      // The searches the district menu runs load each part's district filter; no other filter (Pagefind has five).
      expect(requests.filter((u) => u.includes('/pagefind/') && u.includes('/filter/')).length).toBeLessThanOrEqual(manifest.parts.length);
      await visitor.selectOption('select[name="district"]', '');
      await visitor.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[name="unit"]')?.dataset.district === '');
      expect(await visitor.locator('select[name="unit"] option[hidden]').count()).toBe(0);
    } finally {
      await visitor.close();
    }
  });

  test('should merge each part once when searches overlap, so no result shows twice', async () => {
    if (!browser || !split) throw new Error('no browser');
    const visitor = await browser.newPage();
    try {
      await visitor.goto(`${split.origin}/search/`);
      await visitor.fill('#search-q', '社区');
      // Two searches at once: both need every part before either has merged one.
      await visitor.evaluate(() => {
        const form = document.querySelector<HTMLFormElement>('[data-search-form]');
        form?.requestSubmit();
        form?.requestSubmit();
      });
      await visitor.waitForFunction(() => /找到/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      const links = await showAll(visitor);
      expect(links.length).toBeGreaterThan(0);
      expect(links.length - new Set(links).size).toBe(0);
    } finally {
      await visitor.close();
    }
  });

  test('should load, for a query over everything, only the first part when it fills the first screenful, and show through “显示更多” every page the parts hold, part after part', async () => {
    if (!browser || !whole || !split) throw new Error('no browser');
    /** The place in the manifest of the part holding a result: its district's, in its year. */
    const partOf = (url: string): number => {
      const [, year = '', slug = ''] = url.split('/');
      const name = names.get(`/${year}/${slug}/`);
      return manifest.parts.findIndex((p) => name !== undefined && p.districts.includes(name) && p.years.includes(year));
    };
    // 20 of the pages holding 服务 are in the first part, the others in the next two.
    const query = '服务';
    const a = await browser.newPage();
    const visitor = await browser.newPage();
    try {
      // What one index finds that holds the query itself, as the earlier test reads it.
      await a.goto(`${whole.origin}/search/`);
      const expected = (await runSearch(a, query)).map((h) => h.url).filter((u) => textContains(entryText(readFileSync(join(dir, u, 'index.html'), 'utf8')), query));
      expect(expected.filter((u) => partOf(u) === 0).length).toBeGreaterThanOrEqual(pageSize);
      expect(new Set(expected.map(partOf)).size).toBeGreaterThan(1);
      const requests: string[] = [];
      visitor.on('request', (r) => requests.push(r.url()));
      await visitor.goto(`${split.origin}/search/?q=${encodeURIComponent(query)}`);
      await visitor.waitForFunction(() => /找到/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      expect(await visitor.locator('[data-search-results] > li').count()).toBe(pageSize);
      expect(requests.filter((u) => /\/pagefind\/part-\d+\//u.test(u))).toEqual([]);
      const shown = await showAll(visitor);
      expect([...shown].sort()).toEqual([...expected].sort());
      const parts = shown.map(partOf);
      expect(parts.every((n) => n >= 0)).toBe(true);
      expect(parts).toEqual([...parts].sort((x, y) => x - y));
    } finally {
      await a.close();
      await visitor.close();
    }
  });

  test('should load only the chosen district’s part on the search page, and every part for a search over all', async () => {
    if (!browser || !split) throw new Error('no browser');
    const origin = split.origin;
    const last = manifest.parts[manifest.parts.length - 1];
    const district = last?.districts[0] ?? '';
    const partOf = (url: string): string | undefined => /\/pagefind\/(part-\d+\/)/u.exec(url)?.[1];
    const visitor = await browser.newPage();
    const requests: string[] = [];
    visitor.on('request', (r) => requests.push(r.url()));
    const results = async (): Promise<string[]> => {
      await visitor.waitForFunction(() => /找到|没有找到/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      return visitor.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    /** Every result: “显示更多” pressed until there is no more. */
    const everything = async (): Promise<string[]> => {
      await results();
      return showAll(visitor);
    };
    try {
      await visitor.goto(`${origin}/search/?q=${encodeURIComponent('建设')}&district=${encodeURIComponent(district)}`);
      const narrowed = await everything();
      const prefixes = [...names].filter(([, name]) => name === district).map(([path]) => path);
      expect(prefixes.length).toBeGreaterThan(0);
      expect(commitments.some((c) => prefixes.includes(`/${c.year}/${c.district}/`) && textContains(c.text, '建设'))).toBe(true);
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed.filter((u) => !prefixes.some((p) => u.startsWith(p)))).toEqual([]);
      expect([...new Set(requests.map(partOf).filter(Boolean))]).toEqual([last?.path]);

      await visitor.selectOption('select[name="district"]', '');
      await visitor.waitForFunction(() => !/筛选/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      expect((await everything()).length).toBeGreaterThan(narrowed.length);
      expect(new Set(requests.map(partOf).filter(Boolean))).toEqual(new Set(manifest.parts.slice(1).map((p) => p.path)));
      expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
