/**
 * What a resident does, by clicking, on a phone-sized screen: from the home
 * page to a district, to one commitment, to its lead department, to its
 * topic; from a commitment to the lines of the original notice it stands on;
 * and a search for 托位.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentDir } from '../../src/lib/config.ts';
import { newVisit, useSite, visit } from './harness.ts';
import type { Visit } from './harness.ts';
import { project } from './site.ts';

const site = useSite();
const phone = { width: 360, height: 740 };

/** A commitment's front matter, as far as these flows need it. */
interface Commitment {
  number: number;
  title: string;
  text: string;
  leadUnits: string[];
  permalink: string;
  source: { startLine: number; endLine: number };
}

/** Returns every commitment of the content collection (front matter only). */
function commitments(): Commitment[] {
  const dir = join(contentDir(process.env, project), 'commitments');
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.md'))
    .map((d) => {
      const front = /^---\n([^]*?)\n---/u.exec(readFileSync(join(d.parentPath, d.name), 'utf8'))?.[1] ?? '';
      return parseYaml(front) as Commitment;
    });
}

/** The commitment the flows follow: 淮北市相山区 No. 18, 实施安心托幼行动 (新增托位675个; lead: 区教育局). */
const district = { slug: 'huaibei-xiangshan', name: '淮北市相山区' };
const followed = commitments().find((c) => c.permalink === `/2023/${district.slug}/18/`);

let open: Visit | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** Clicks the link and waits until the page it leads to has loaded at `path`. */
async function follow(page: Page, link: ReturnType<Page['locator']>, path: string): Promise<void> {
  await expect.poll(() => link.count(), { message: `a link to ${path} on ${page.url()}` }).toBeGreaterThan(0);
  await link.first().click();
  await page.waitForURL((url) => url.pathname === path, { waitUntil: 'load' });
}

/** The page's main heading. */
async function heading(page: Page): Promise<string> {
  return (await page.locator('main h1').first().textContent())?.trim() ?? '';
}

describe('a resident browsing by clicking', () => {
  test('should go from the home page to a district, a commitment, its lead department and its topic', async () => {
    if (followed === undefined) throw new Error(`content has no commitment /2023/${district.slug}/18/`);
    open = await visit(site(), '/', phone);
    const { page } = open;

    await follow(page, page.locator(`main a[href="/2023/${district.slug}/"]`, { hasText: district.name }), `/2023/${district.slug}/`);
    expect(await heading(page)).toContain(district.name);

    await follow(page, page.locator(`main a[href="${followed.permalink}"]`, { hasText: followed.title }), followed.permalink);
    expect(await heading(page)).toBe(followed.title);
    expect(await page.locator('main blockquote.source').textContent()).toBe(followed.text);

    // The first lead unit, as linked from the 责任单位 list.
    const lead = page.locator('main dl.facts dt:text-is("牵头") + dd a').first();
    const leadName = (await lead.textContent())?.trim() ?? '';
    const leadPath = new URL((await lead.getAttribute('href')) ?? '', page.url()).pathname;
    expect(leadPath).toMatch(new RegExp(`^/2023/${district.slug}/units/[a-z-]+/$`, 'u'));
    await follow(page, lead, leadPath);
    expect(await heading(page)).toBe(leadName);
    await expect.poll(() => page.locator(`main a[href="${followed.permalink}"]`).count()).toBeGreaterThan(0);

    // To the commitment's topic: the site navigation's 主题, then the topic by name.
    const topicHref = '/2023/categories/childcare-education/';
    await follow(page, page.locator('header nav a', { hasText: '主题' }), '/2023/categories/');
    await follow(page, page.locator(`main a[href="${topicHref}"]`), topicHref);
    expect(await heading(page)).toBe('托育与教育');
    await expect.poll(() => page.locator(`main a[href="${followed.permalink}"]`, { hasText: followed.title }).count()).toBe(1);
    expect(open.problems).toEqual([]);
  });

  test('should land on the original notice with the commitment’s lines highlighted and on screen', async () => {
    if (followed === undefined) throw new Error(`content has no commitment /2023/${district.slug}/18/`);
    open = await visit(site(), followed.permalink, phone);
    const { page } = open;
    const link = page.locator('main p.meta a', { hasText: /^第 \d+(–\d+)? 行$/u }).first();
    const label = (await link.textContent()) ?? '';
    expect(await link.locator('xpath=..').textContent(), 'the link should read “见原通知第 N 行”').toMatch(/^\s*见原通知第 \d+(–\d+)? 行/u);
    const [, first, last] = /^第 (\d+)(?:–(\d+))? 行$/u.exec(label) ?? [];
    expect(Number(first), `“见原通知${label}” should name line ${followed.source.startLine}`).toBe(followed.source.startLine);
    expect(Number(last ?? first)).toBe(followed.source.endLine);

    await link.click();
    await page.waitForURL((url) => url.pathname === `/2023/${district.slug}/source/` && url.hash === `#c${followed.number}`, { waitUntil: 'load' });

    // The commitment's block is the :target, and holds exactly its lines.
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return el === null ? null : { id: el.id, lines: [...el.querySelectorAll('.ln')].map((l) => l.id) };
    });
    const expected = Array.from({ length: followed.source.endLine - followed.source.startLine + 1 }, (_, i) => `L${followed.source.startLine + i}`);
    expect(target).toEqual({ id: `c${followed.number}`, lines: expected });

    // Highlighted: its lines have a background that the lines around them do not.
    const colors = await page.evaluate(() => {
      const bg = (el: Element | null): string => (el === null ? '(none)' : getComputedStyle(el).backgroundColor);
      const target = document.querySelector(':target');
      return {
        lines: [...(target?.querySelectorAll('.ln') ?? [])].map(bg),
        other: bg(document.querySelector('.source-text > .ln')),
      };
    });
    for (const color of colors.lines) {
      expect(color).not.toBe(colors.other);
      expect(color).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/u);
    }

    // On screen: the browser scrolled the block into the viewport.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const box = document.querySelector(':target')?.getBoundingClientRect();
            return box !== undefined && box.top >= 0 && box.top < window.innerHeight && box.bottom > 0;
          }),
        { message: 'the highlighted lines should be in the viewport' },
      )
      .toBe(true);
    expect(open.problems).toEqual([]);
  });
});

describe('a resident searching', () => {
  /** The commitments a search for 托位 must find: every one whose text promises 新增托位. */
  const expected = commitments()
    .filter((c) => c.text.includes('新增托位'))
    .map((c) => c.permalink)
    .sort();

  /** Waits for the results and returns each one's link path and marked words. */
  async function results(page: Page): Promise<{ path: string; marks: string[] }[]> {
    await page.locator('[data-search-results] li a').first().waitFor({ timeout: 10_000 });
    return page.evaluate(() =>
      [...document.querySelectorAll('[data-search-results] li')].map((li) => ({
        path: new URL(li.querySelector('a')?.href ?? '', location.href).pathname,
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      })),
    );
  }

  test('should have a search page and a search index in the build', () => {
    expect(existsSync(join(site().dir, 'search', 'index.html')), 'the search page is missing: the build has no /search/ (src/pages/search.astro)').toBe(true);
    expect(existsSync(join(site().dir, 'pagefind', 'pagefind.js')), 'the search index is missing: the build has no /pagefind/ (scripts/search-index.ts)').toBe(true);
  });

  test('should list every 新增托位 commitment for /search/?q=托位, with 托位 marked', async () => {
    expect(expected.length).toBeGreaterThan(0);
    open = await newVisit(site(), phone);
    const response = await open.page.goto(`${site().origin}/search/?q=${encodeURIComponent('托位')}`, { waitUntil: 'load' });
    expect(response?.status(), 'the search page /search/ is missing from the build').toBe(200);
    const found = await results(open.page);
    const paths = found.map((r) => r.path);
    for (const permalink of expected) expect(paths, `${permalink} should be among the results`).toContain(permalink);
    for (const r of found) expect(r.marks, `the result ${r.path} should mark 托位`).toContain('托位');
    expect(await open.page.locator('[data-search-status]').textContent()).toContain(`找到 ${found.length} 个页面`);
    expect(open.problems).toEqual([]);
  });

  test('should link the district’s departments named like the query above a search narrowed to that district, and none over everything', async () => {
    open = await newVisit(site(), phone);
    const { page } = open;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // 区教育局 is the only department of 淮北市相山区 whose name holds 教育; its page is not in the index.
    await page.goto(`${site().origin}/search/?${new URLSearchParams({ q: '教育', district: district.name }).toString()}`, { waitUntil: 'load' });
    const links = page.locator('[data-search-units] a');
    await expect.poll(() => links.count(), { message: 'department links above the results' }).toBe(1);
    expect(await page.locator('[data-search-units]').isVisible()).toBe(true);
    expect(await links.first().textContent()).toBe('区教育局');
    // Above the results.
    const [unitsTop, resultsTop] = await page.evaluate(() =>
      ['[data-search-units]', '[data-search-results]'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? 0),
    );
    expect(unitsTop).toBeLessThan(resultsTop ?? 0);
    await follow(page, links, `/2023/${district.slug}/units/jiao-yu-ju/`);
    expect(await heading(page)).toBe('区教育局');

    requests.length = 0;
    await page.goto(`${site().origin}/search/?q=${encodeURIComponent('教育')}`, { waitUntil: 'load' });
    await page.locator('[data-search-results] li a').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-search-units]').isHidden()).toBe(true);
    expect(requests.filter((p) => /^\/pagefind\/(?:part-\d+\/)?units\//u.test(p))).toEqual([]);
    expect(open.problems).toEqual([]);
  });

  test('should search from the site navigation by typing 托位 and pressing Enter', async () => {
    open = await visit(site(), '/', phone);
    const { page } = open;
    await follow(page, page.locator('header nav a', { hasText: '搜索' }), '/search/');
    await page.getByRole('searchbox', { name: '搜索关键词' }).fill('托位');
    await page.keyboard.press('Enter');
    const found = await results(page);
    for (const permalink of expected) expect(found.map((r) => r.path)).toContain(permalink);
    expect(new URL(page.url()).searchParams.get('q')).toBe('托位');
    expect(open.problems).toEqual([]);
  });
});
