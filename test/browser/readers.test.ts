/**
 * The three readers' tasks, on a phone, in Chromium: a resident narrows a district's page to 养老服务
 * and finds #19 实施老有所学行动 there; a journalist copies a citation with today's date filled in
 * and reads it back from the clipboard; an archivist downloads a snapshot from /archive/ and
 * verifies it. Also: the commitment page's one script stays within its budget and the page is
 * complete without JavaScript; 关怀版 is remembered and axe stays at zero in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { formatViolations, newVisit, runAxe, useSite, visit } from './harness.ts';
import type { Visit } from './harness.ts';
import { project } from './site.ts';

const site = useSite();
const phone = { width: 360, height: 740 };

let open: Visit | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** The titles of the district list's items a reader can see. */
function visibleTitles(v: Visit): Promise<string[]> {
  return v.page.locator('[data-facet-item]:visible h3 a, [data-facet-item]:visible h4 a').allTextContents();
}

describe('a resident narrows a district page by topic', () => {
  test('should show only 养老服务 items after pressing 养老服务, #19 实施老有所学行动 among them, and all again with 全部', async () => {
    open = await visit(site(), '/2023/huaibei-xiangshan/', phone);
    const { page } = open;
    const all = (await visibleTitles(open)).length;
    const button = page.getByRole('group', { name: '按主题筛选' }).getByRole('button', { name: /^养老服务 \d+$/u });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    const shown = await visibleTitles(open);
    expect(shown).toContain('实施老有所学行动');
    expect(shown.length).toBeLessThan(all);
    expect(shown.length).toBe(Number((await button.textContent())?.match(/\d+$/u)?.[0]));
    // The choice is in the address: the same anchor the index has without JavaScript.
    expect(new URL(page.url()).hash).toBe('#topic-elderly-care');
    await expect.poll(() => page.locator('[data-facet-shown]').textContent()).toContain(`显示 ${shown.length} 项`);
    await page.getByRole('button', { name: /^全部 \d+$/u }).click();
    expect((await visibleTitles(open)).length).toBe(all);
  });

  test('should open narrowed from a link to #topic-elderly-care', async () => {
    open = await visit(site(), '/2023/huaibei-xiangshan/#topic-elderly-care', phone);
    expect(await visibleTitles(open)).toContain('实施老有所学行动');
    expect(await visibleTitles(open)).not.toContain('实施安心托幼行动');
  });

  test('should offer the topic index with links to each item without JavaScript', async () => {
    const context = await site().browser.newContext({ viewport: phone, javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${site().origin}/2023/huaibei-xiangshan/`);
      const line = page.locator('#topic-elderly-care');
      await expect.poll(() => line.isVisible()).toBe(true);
      await line.getByRole('link', { name: '第19项' }).click();
      expect(new URL(page.url()).hash).toBe('#item-19');
      expect(await page.locator('#item-19 a').first().textContent()).toBe('实施老有所学行动');
    } finally {
      await context.close();
    }
  });
});

describe('a journalist quotes a commitment', () => {
  test('should copy the GB/T 7714 citation with today’s date in place of [引用日期]', async () => {
    open = await visit(site(), '/2023/huaibei-xiangshan/18/', phone);
    const { page, context } = open;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site().origin });
    await page.getByRole('button', { name: '复制 GB/T 7714 引文' }).click();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`[${today}]`);
    expect(copied).not.toContain('引用日期');
    expect(copied).toContain('实施安心托幼行动');
    expect(copied).toContain('/2023/huaibei-xiangshan/18/');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBeGreaterThan(0);
    // The page itself keeps the placeholder: builds stay deterministic.
    expect(await page.locator('pre[data-cite-text]').first().textContent()).toContain('[引用日期]');
  });

  test('should copy the permalink', async () => {
    open = await visit(site(), '/2023/huaibei-xiangshan/18/', phone);
    const { page, context } = open;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site().origin });
    await page.getByRole('button', { name: '复制链接' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https?:\/\/[^/]+\/2023\/huaibei-xiangshan\/18\/$/u);
  });

  test('should carry one script of at most 1 KB compressed, and be complete without JavaScript', async () => {
    const html = readFileSync(join(site().dir, '2023', 'huaibei-xiangshan', '18', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/gu)].filter(([, attrs]) => !/type="application\/ld\+json"/u.test(attrs ?? ''));
    const sources = scripts.map(([, attrs]) => /\bsrc="([^"]+)"/u.exec(attrs ?? '')?.[1]);
    // No inline script body (CSP 'self'): each is an external same-origin file.
    expect(scripts.every(([, , body]) => (body ?? '').trim() === '')).toBe(true);
    expect(sources.every((s) => s !== undefined && s.startsWith('/'))).toBe(true);
    // mode.js (关怀版, every page) and cite.js, this page's own.
    const own = sources.filter((s) => s !== '/js/mode.js');
    expect(own).toEqual(['/js/cite.js']);
    const gz = gzipSync(readFileSync(join(site().dir, 'js', 'cite.js')), { level: 9 }).length;
    expect(gz, `cite.js is ${gz} bytes compressed`).toBeLessThanOrEqual(1024);

    const context = await site().browser.newContext({ viewport: phone, javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${site().origin}/2023/huaibei-xiangshan/18/`);
      expect(await page.locator('h1').textContent()).toBe('实施安心托幼行动');
      expect(await page.locator('blockquote.source').textContent()).toContain('新增托位675个');
      expect(await page.locator('pre[data-cite-text]').count()).toBe(2);
      expect(await page.locator('a[data-permalink]').isVisible()).toBe(true);
      // Without the script there are no buttons that would do nothing.
      expect(await page.getByRole('button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('an archivist keeps a snapshot', () => {
  test('should download the year’s snapshot from /archive/, match its listed SHA-256 and verify it', async () => {
    open = await visit(site(), '/archive/', phone);
    const { page } = open;
    const link = page.locator('a[data-snapshot="2023"]');
    const listed = (await page.locator('[data-sha256]').first().textContent())?.trim();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const tmp = mkdtempSync(join(tmpdir(), 'minsheng-archive-'));
    try {
      const file = join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('minsheng-2023.tar.gz');
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(listed);
      const r = spawnSync(process.execPath, [join(project, 'scripts', 'snapshot.ts'), '--verify', file, '--sha256', listed ?? ''], { cwd: project, encoding: 'utf8' });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('should be linked from the home page, /data/ and the footer', async () => {
    for (const path of ['/', '/data/', '/2023/']) {
      open = await visit(site(), path, phone);
      expect(await open.page.locator('a[href="/archive/"]').count(), path).toBeGreaterThan(0);
      await open.close();
      open = undefined;
    }
  });
});

describe('关怀版 (large type)', () => {
  test('should switch on from the header, be remembered on the next page, and enlarge the text', async () => {
    open = await visit(site(), '/2023/huaibei-xiangshan/', phone);
    const { page } = open;
    const size = (): Promise<number> => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    const toggle = page.getByRole('button', { name: '关怀版' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThan(before * 1.15);
    await page.goto(`${site().origin}/2023/huaibei-xiangshan/18/`);
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('care');
    expect(await page.getByRole('button', { name: '关怀版' }).getAttribute('aria-pressed')).toBe('true');
  });

  for (const path of ['/', '/2023/huaibei-xiangshan/', '/2023/huaibei-xiangshan/18/', '/archive/', '/data/']) {
    test(`should pass axe-core at 320 px in light and dark on ${path}`, async () => {
      const v = await newVisit(site(), { width: 320, height: 740 });
      open = v;
      await v.context.addInitScript(() => localStorage.setItem('minsheng-mode', 'care'));
      await v.page.goto(site().origin + path, { waitUntil: 'load' });
      for (const colorScheme of ['light', 'dark'] as const) {
        await v.page.emulateMedia({ colorScheme });
        const violations = await runAxe(v.page);
        expect(violations, formatViolations(`${path} (关怀版, ${colorScheme}, 320 px)`, violations)).toEqual([]);
      }
      expect(await v.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    });
  }
});
