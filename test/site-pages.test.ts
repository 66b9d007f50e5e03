import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from './helpers/built-site.ts';
import { contentModel, filesEndingWith } from './helpers/content-model.ts';
import { fileTree } from './helpers/files.ts';
import { outputFile, routedPaths } from '../src/lib/site/routes.ts';
import { publishedSnapshots } from '../src/lib/snapshot/published.ts';
import { buildModel } from '../src/lib/site/model.ts';
import type { Year } from '../src/lib/site/model.ts';
import { feedLimit } from '../src/lib/site/feed.ts';
import { publicPages } from '../src/lib/site/routes.ts';
import { robotsTxt, sitemapIndexXml, sitemapParts, sitemapXml } from '../src/lib/site/pages.ts';
import { absoluteUrl } from '../src/lib/site/urls.ts';
import type { Place } from './helpers/records.ts';
import { places, plainNotice, registry, topicCommitment as commitment, unit, units } from './helpers/records.ts';

// ---------------------------------------------------------------------------
// Hand-built records, validated with the zod schemas.

const { xiangshan, hedong } = places;
const shizhong: Place = { ...places.shizhong, year: 2022 };

/** Two years; 天津市河东区 has no departments and a commitment whose topic is not in the taxonomy (so no topic page). */
const model: Year[] = buildModel(
  [plainNotice(hedong), plainNotice(shizhong), plainNotice(xiangshan)],
  [
    commitment(xiangshan, 10, 'employment'),
    commitment(xiangshan, 1, 'employment'),
    commitment(xiangshan, 2, 'childcare-education'),
    commitment(hedong, 1, 'other'),
    commitment(hedong, 2, 'retired-topic'),
    commitment(shizhong, 1, 'health'),
  ],
  [
    registry(xiangshan, [unit('jiao-yu-ju', '区教育局', [], 'education'), unit('can-ji-ren-lian-he-hui', '区残疾人联合会', ['区残联'], 'disabled-persons')]),
    registry(shizhong, [units.weijian]),
  ],
);

const expected = [
  '/',
  '/2022/',
  '/2022/categories/',
  '/2022/categories/health/',
  '/2022/jinan-shizhong/',
  '/2022/jinan-shizhong/1/',
  '/2022/jinan-shizhong/source/',
  '/2022/jinan-shizhong/units/wei-sheng-jian-kang-ju/',
  '/2022/units/',
  '/2023/',
  '/2023/categories/',
  '/2023/categories/childcare-education/',
  '/2023/categories/employment/',
  '/2023/categories/other/',
  '/2023/huaibei-xiangshan/',
  '/2023/huaibei-xiangshan/1/',
  '/2023/huaibei-xiangshan/10/',
  '/2023/huaibei-xiangshan/2/',
  '/2023/huaibei-xiangshan/source/',
  '/2023/huaibei-xiangshan/units/can-ji-ren-lian-he-hui/',
  '/2023/huaibei-xiangshan/units/jiao-yu-ju/',
  '/2023/tianjin-hedong/',
  '/2023/tianjin-hedong/1/',
  '/2023/tianjin-hedong/2/',
  '/2023/tianjin-hedong/source/',
  '/2023/units/',
  '/archive/',
  '/data/',
  '/search/',
  '/status/',
];

describe('publicPages', () => {
  test('lists exactly the pages of a hand-built two-year model', () => {
    expect(publicPages(model)).toEqual(expected);
  });

  test('lists each path once, in code-point order, each ending in a slash', () => {
    const pages = publicPages(model);
    expect(new Set(pages).size).toBe(pages.length);
    expect([...pages].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(pages);
    for (const p of pages) expect(p).toMatch(/^\/(?:.*\/)?$/u);
  });

  test('gives no topic page to a topic outside the taxonomy, as the topic pages do not', () => {
    expect(publicPages(model).filter((p) => p.includes('retired-topic'))).toEqual([]);
  });

  test('lists only the home, archive, open-data, search and status-methodology pages when there is no content', () => {
    expect(publicPages([])).toEqual(['/', '/archive/', '/data/', '/search/', '/status/']);
  });
});

describe('sitemapXml', () => {
  const paths = ['/2023/', '/', '/2023/huaibei-xiangshan/18/', '/2023/'];

  test('writes a sorted urlset of absolute URLs, each once, under base /', () => {
    expect(sitemapXml(paths, 'https://minsheng.example.org', '/')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://minsheng.example.org/</loc></url>',
        '  <url><loc>https://minsheng.example.org/2023/</loc></url>',
        '  <url><loc>https://minsheng.example.org/2023/huaibei-xiangshan/18/</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  test('puts the base path /minsheng/ into every URL, whether the site ends in a slash or not', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      '  <url><loc>https://example.github.io/minsheng/</loc></url>',
      '  <url><loc>https://example.github.io/minsheng/2023/</loc></url>',
      '  <url><loc>https://example.github.io/minsheng/2023/huaibei-xiangshan/18/</loc></url>',
      '</urlset>',
      '',
    ].join('\n');
    expect(sitemapXml(paths, 'https://example.github.io', '/minsheng/')).toBe(xml);
    expect(sitemapXml(paths, 'https://example.github.io/', '/minsheng')).toBe(xml);
  });

  test('escapes an ampersand in a URL', () => {
    expect(sitemapXml(['/a&b/'], 'https://example.org', '/')).toContain('<loc>https://example.org/a&amp;b/</loc>');
  });
});

describe('sitemap index and parts', () => {
  test('splits the pages, sorted and each once, into parts of at most the limit', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `/p${6 - i}/`);
    expect(sitemapParts([...paths, '/p3/'], 3)).toEqual([['/p0/', '/p1/', '/p2/'], ['/p3/', '/p4/', '/p5/'], ['/p6/']]);
    expect(sitemapParts(paths, 7)).toHaveLength(1);
    expect(sitemapParts([], 3)).toEqual([[]]);
    expect(() => sitemapParts(paths, 0)).toThrow();
  });

  test('keeps to the protocol’s 50,000 URLs a file at national scale', () => {
    const paths = Array.from({ length: 158_108 }, (_, i) => `/2023/d${Math.floor(i / 53)}/${i % 53}/`);
    const parts = sitemapParts(paths);
    expect(parts.map((p) => p.length)).toEqual([50_000, 50_000, 50_000, 8_108]);
    expect(parts.flat()).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('names every part by its absolute URL in the index', () => {
    expect(sitemapIndexXml(2, 'https://example.github.io', '/minsheng/')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap><loc>https://example.github.io/minsheng/sitemap-1.xml</loc></sitemap>',
        '  <sitemap><loc>https://example.github.io/minsheng/sitemap-2.xml</loc></sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    );
  });
});

describe('robotsTxt', () => {
  test('allows every crawler everything and names the absolute sitemap URL', () => {
    expect(robotsTxt('https://minsheng.example.org', '/')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://minsheng.example.org/sitemap.xml\n');
    expect(robotsTxt('https://example.github.io', '/minsheng/')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/minsheng/sitemap.xml\n');
  });
});

describe('absoluteUrl', () => {
  test('joins site, base path and page path', () => {
    expect(absoluteUrl('https://example.org', '/', '/2023/')).toBe('https://example.org/2023/');
    expect(absoluteUrl('https://example.org', '/minsheng/', '/2023/')).toBe('https://example.org/minsheng/2023/');
    expect(absoluteUrl('https://example.org', '/minsheng/', '/')).toBe('https://example.org/minsheng/');
  });
});

// ---------------------------------------------------------------------------
// Against a real build: the list and the built pages cannot drift apart.

describe('publicPages against astro build of the built-in content', () => {
  let out = '';
  const years = contentModel();
  const pages = publicPages(years);

  beforeAll(() => {
    out = builtSite();
  }, 120_000);

  test('the built-in content gives a non-trivial list', () => {
    expect(years.length).toBeGreaterThan(0);
    expect(pages).toContain('/2023/huaibei-xiangshan/18/');
    expect(pages.length).toBeGreaterThan(150);
  });

  test('every listed page was built as <path>index.html', () => {
    expect(pages.filter((p) => !existsSync(join(out, p, 'index.html')))).toEqual([]);
  });

  test('every built index.html except the 404 page is listed', () => {
    const built = filesEndingWith(out, 'index.html')
      .map((f) =>
        `/${f
          .slice(out.length + 1)
          .split(sep)
          .join('/')}`.replace(/index\.html$/u, ''),
      )
      .filter((p) => p.endsWith('/') && p !== '/404/')
      .sort();
    const listed = new Set(pages);
    expect(built.filter((p) => !listed.has(p))).toEqual([]);
  });

  test('the route table lists exactly the files of the build, besides the assets, the search index, the headers file, public/ and the snapshot archives', () => {
    const data = { years, snapshots: publishedSnapshots(years.map((y) => y.year)) };
    // A year's snapshot archive is published when the snapshots folder holds a current one; other test files
    // rewrite that shared folder while this one runs, so the archives are left to the archive tests.
    const archive = /^archive\/[^/]+\.tar\.gz$/u;
    const listed = routedPaths(data)
      .map(({ route, path }) => outputFile(route, path))
      .filter((f) => !archive.test(f))
      .sort();
    const statics = new Set([...fileTree(join(import.meta.dirname, '..', 'public'), 'utf8').keys()]);
    const built = [...fileTree(out, 'base64').keys()].filter((f) => !/^(?:_astro|pagefind)\//u.test(f) && f !== '_headers' && !statics.has(f) && !archive.test(f)).sort();
    expect(listed).toEqual(built);
    expect(listed).toContain('2023/huaibei-xiangshan/18/index.html');
    expect(listed).toContain('data/2023/huaibei-xiangshan.json');
  });

  test('the built sitemap index names parts that list exactly these pages', () => {
    const locs = (file: string): string[] => [...readFileSync(join(out, file), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => new URL(m[1] ?? '').pathname);
    const parts = locs('sitemap.xml');
    expect(parts.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<sitemapindex ');
    const listed = parts.flatMap((part) => locs(part.replace(/^.*\//u, '')));
    const base = listed[0] ?? '/';
    expect(listed).toEqual(pages.map((p) => `${base}${p.slice(1)}`));
  });

  test('the built feed of each year has one entry per commitment (the built-in years are under the limit)', () => {
    for (const y of years) {
      const xml = readFileSync(join(out, String(y.year), 'feed.xml'), 'utf8');
      const count = y.districts.reduce((n, d) => n + d.commitments.length, 0);
      expect(count).toBeLessThanOrEqual(feedLimit);
      expect(xml.match(/<entry>/gu)?.length).toBe(count);
    }
  });

  test('the built robots.txt names the sitemap', () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/mu);
  });

  test('the built 404 page links every year and district and ships no JavaScript but the 关怀版 switch', () => {
    const html = readFileSync(join(out, '404.html'), 'utf8');
    expect(html).toContain('页面未找到');
    expect(html.replace('<script src="/js/mode.js"></script>', '')).not.toMatch(/<script/u);
    for (const y of years) {
      expect(html).toMatch(new RegExp(`href="[^"]*/${y.year}/"`, 'u'));
      expect(html).toMatch(new RegExp(`href="[^"]*/${y.year}/categories/"`, 'u'));
      for (const d of y.districts) expect(html).toMatch(new RegExp(`href="[^"]*/${y.year}/${d.notice.slug}/"`, 'u'));
    }
  });
});
