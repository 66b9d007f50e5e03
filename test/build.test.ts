/**
 * The whole chain, end to end: the committed content builds with Astro, and
 * the listing page shows every commitment of every built-in notice.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from './helpers/built-site.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { checkMeanings, checkPermanence, publicUrls } from '../src/lib/site/permanence.ts';
import { privateFiles } from '../src/lib/site/routes.ts';
import { readPermanenceFiles } from '../scripts/permanence-files.ts';

const project = join(import.meta.dirname, '..');
let out = '';

/** Returns the text of an HTML page: tags removed, basic entities decoded, white space squashed. */
function pageText(html: string): string {
  return html
    .replace(/<(?:script|style)\b[^]*?<\/(?:script|style)>/gu, ' ')
    .replace(/<[^>]*>/gu, '')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&#x27;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');
}

describe('astro build of the built-in content', () => {
  beforeAll(() => {
    out = builtSite();
  }, 120_000);

  test('should link every district from the home page', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    const dir = join(project, 'content', 'notices', '2023');
    const slugs = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.replace(/\.txt$/u, ''));
    expect(slugs).toHaveLength(5);
    for (const slug of slugs) expect(home).toContain(`href="/2023/${slug}/"`);
    expect(pageText(home)).toContain('共 124 项承诺');
  });

  test('should give every commitment its permalink page with its full text, title and source lines', () => {
    const dir = join(project, 'content', 'notices', '2023');
    let pages = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const slug = file.replace(/\.txt$/u, '');
      const parsed = parseNotice(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      for (const c of parsed.notice.commitments) {
        const html = readFileSync(join(out, '2023', slug, String(c.number), 'index.html'), 'utf8');
        const text = pageText(html);
        expect(text).toContain(c.text);
        expect(text).toContain(c.title);
        expect(html).toContain(`href="/2023/${slug}/source/#c${c.number}"`);
        expect(html).toContain(`<link rel="canonical" href="https://minsheng.example.org/2023/${slug}/${c.number}/">`);
        expect(html).toContain('<meta property="og:type" content="article">');
        pages++;
      }
    }
    expect(pages).toBe(124);
  });

  test('should number every line of the original notice and mark each commitment block', () => {
    const html = readFileSync(join(out, '2023', 'huaibei-xiangshan', 'source', 'index.html'), 'utf8');
    const lines = readFileSync(join(project, 'content', 'notices', '2023', 'huaibei-xiangshan.txt'), 'utf8')
      .replace(/\n$/u, '')
      .split('\n');
    for (let n = 1; n <= lines.length; n++) expect(html).toContain(`id="L${n}"`);
    expect(html).not.toContain(`id="L${lines.length + 1}"`);
    expect(html).toContain('id="c18"');
    expect(html).toContain('id="c18-appendix"');
  });

  test('should give each department a page listing what it leads', () => {
    const html = pageText(readFileSync(join(out, '2023', 'huaibei-xiangshan', 'units', 'can-ji-ren-lian-he-hui', 'index.html'), 'utf8'));
    expect(html).toContain('区残疾人联合会');
    expect(html).toContain('原文写作：区残联');
    expect(html).toContain('实施困难残疾人康复工程');
  });

  test("should ship JavaScript only on pages that draw a chart, besides the 关怀版 switch and the commitment page's cite.js", () => {
    // JSON-LD is data, not JavaScript; mode.js (the 关怀版 switch) is on every page.
    const withScript = (path: string): boolean =>
      /<script(?![^>]*type="application\/ld\+json")/u.test(
        readFileSync(join(out, path), 'utf8').replace('<script src="/js/mode.js"></script>', '').replace('<script src="/js/cite.js" defer></script>', ''),
      );
    expect(withScript('2023/huaibei-xiangshan/18/index.html')).toBe(false);
    expect(withScript('2023/huaibei-xiangshan/source/index.html')).toBe(false);
    expect(withScript('index.html')).toBe(false);
    expect(withScript('2023/index.html')).toBe(true);
    expect(withScript('2023/huaibei-xiangshan/index.html')).toBe(true);
    // The page loads only a small loader; chart.js comes later by dynamic import.
    const page = readFileSync(join(out, '2023', 'index.html'), 'utf8');
    const loaders = [...page.matchAll(/<script[^>]*src="\/_astro\/([^"]+)"/gu)].map((m) => m[1] ?? '');
    expect(loaders).toHaveLength(1);
    const loader = readFileSync(join(out, '_astro', loaders[0] ?? ''), 'utf8');
    expect(gzipSync(loader).length).toBeLessThan(2048);
    const lazy = [...loader.matchAll(/([\w.-]+\.js)/gu)].map((m) => m[1] ?? '').filter((f) => f !== loaders[0] && existsSync(join(out, '_astro', f)));
    expect(lazy).toHaveLength(1);
    const chart = readFileSync(join(out, '_astro', lazy[0] ?? ''));
    expect(chart.length).toBeGreaterThan(50_000);
    expect(page).not.toContain(lazy[0] ?? '(none)');
  });

  test('should still serve every URL of the committed manifest, list every URL it serves, and keep what each commitment URL names', () => {
    const files = (readdirSync(out, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) => relative(out, join(d.parentPath, d.name)).split(sep).join('/'));
    const { manifest, redirects, corrections, commitments } = readPermanenceFiles(join(project, 'content'));
    const report = checkPermanence(
      manifest.map((e) => e.url),
      publicUrls(files, privateFiles()),
      redirects,
    );
    expect(report.missing).toEqual([]);
    expect(report.unlisted).toEqual([]);
    expect(manifest.length).toBeGreaterThan(200);
    expect(checkMeanings(manifest, commitments, redirects, corrections).changed).toEqual([]);
    expect(commitments.every((c) => existsSync(join(out, c.permalink, 'index.html')))).toBe(true);
  });

  test('should declare the page Chinese and UTF-8', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="zh-CN"/u);
    expect(html).toMatch(/<meta charset="utf-8"/iu);
  });
});

describe('astro build of a content entry that breaks its schema', () => {
  test('should stop the build naming the entry and the field', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'minsheng-bad-'));
    try {
      cpSync(join(project, 'content', 'notices', '2023'), join(corpus, 'notices', '2023'), { recursive: true });
      cpSync(join(project, 'content', 'commitments', '2023', 'tianjin-hedong'), join(corpus, 'commitments', '2023', 'tianjin-hedong'), { recursive: true });
      const entry = join(corpus, 'commitments', '2023', 'tianjin-hedong', '3.md');
      writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^leadUnits: \[\]$/mu, 'leadUnits: 区卫健委'));
      const result = spawnSync(join(project, 'node_modules', '.bin', 'astro'), ['build', '--outDir', join(corpus, 'dist')], {
        cwd: project,
        env: { ...process.env, MINSHENG_CONTENT_DIR: corpus },
        encoding: 'utf8',
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stdout}${result.stderr}`;
      expect(output).toContain('2023/tianjin-hedong/3');
      expect(output).toContain('leadUnits');
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});

describe('a URL that moved, and two that changed meaning', () => {
  test('should get a redirect page and correction notices declared in data, and pass the permanence check', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'minsheng-redirect-'));
    try {
      cpSync(join(project, 'content'), corpus, { recursive: true });
      writeFileSync(join(corpus, 'redirects.yaml'), 'redirects:\n  - from: /2023/xiangshan/\n    to: /2023/huaibei-xiangshan/\n    reason: 测试：旧的区县 slug\n');
      // Items 11 and 12 of jinan-shizhong swap places, as a parser reading them in another order would make them.
      const entry = (n: number) => join(corpus, 'commitments', '2023', 'jinan-shizhong', `${n}.md`);
      const renumber = (text: string, n: number) => text.replace(/^number: \d+$/mu, `number: ${n}`).replace(/^permalink: .*$/mu, `permalink: /2023/jinan-shizhong/${n}/`);
      const [eleven, twelve] = [readFileSync(entry(11), 'utf8'), readFileSync(entry(12), 'utf8')];
      writeFileSync(entry(11), renumber(twelve, 11));
      writeFileSync(entry(12), renumber(eleven, 12));
      const before = readPermanenceFiles(corpus);
      const changed = checkMeanings(before.manifest, before.commitments, before.redirects, before.corrections).changed;
      expect(changed.map((c) => c.url)).toEqual(['/2023/jinan-shizhong/11/', '/2023/jinan-shizhong/12/']);
      // The reviewer's way out: a correction per URL, with the fingerprint the check printed.
      writeFileSync(
        join(corpus, 'corrections.yaml'),
        [
          'corrections:',
          ...changed.map((c) => `  - url: ${c.url}\n    date: 2026-11-29\n    change: 第11项与第12项按原文顺序对调。\n    fingerprint: ${c.fingerprint ?? ''}`),
          '',
        ].join('\n'),
      );
      const site = join(corpus, 'dist');
      const result = spawnSync(join(project, 'node_modules', '.bin', 'astro'), ['build', '--outDir', site], {
        cwd: project,
        env: { ...process.env, MINSHENG_CONTENT_DIR: corpus },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const page = readFileSync(join(site, '2023', 'xiangshan', 'index.html'), 'utf8');
      expect(page).toMatch(/http-equiv="refresh"[^>]*url=\/2023\/huaibei-xiangshan\//u);
      const corrected = pageText(readFileSync(join(site, '2023', 'jinan-shizhong', '11', 'index.html'), 'utf8'));
      expect(corrected).toContain('更正说明（2026年11月29日）：第11项与第12项按原文顺序对调。');
      expect(corrected).toContain('文化工程建设');
      expect(pageText(readFileSync(join(site, '2023', 'jinan-shizhong', '10', 'index.html'), 'utf8'))).not.toContain('更正说明');
      const files = (readdirSync(site, { recursive: true, withFileTypes: true }) as Dirent[])
        .filter((d) => d.isFile())
        .map((d) => relative(site, join(d.parentPath, d.name)).split(sep).join('/'));
      const { manifest: entries, redirects, corrections, commitments } = readPermanenceFiles(corpus);
      // The yearly snapshot is made by `npm run build` (snapshot --all) before astro build, and published
      // only when it holds the content being built: this astro build of changed content has none.
      const manifest = [...entries.map((e) => e.url).filter((u) => !/^\/archive\/.+\.tar\.gz$/u.test(u)), '/2023/xiangshan/'];
      expect(checkPermanence(manifest, publicUrls(files, privateFiles()), redirects)).toMatchObject({ missing: [], redirectsWithoutPage: [], redirectsToNowhere: [] });
      expect(checkMeanings(entries, commitments, redirects, corrections).changed).toEqual([]);
      // Without the redirect, the old URL is reported missing.
      expect(
        checkPermanence(
          manifest,
          publicUrls(files, privateFiles()).filter((u) => u !== '/2023/xiangshan/'),
          [],
        ).missing,
      ).toEqual(['/2023/xiangshan/']);
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});
