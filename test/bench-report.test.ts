/**
 * The pure half of `npm run bench` (tools/bench/): reading astro's build log and the indexer's
 * output, a built site's size, a page's weight, Lighthouse's result, and the report's tables, each on
 * sample inputs written here.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildPhases, indexSummary, reportedBuild, slowestRoutes } from '../tools/bench/astro-log.ts';
import { lighthouseScores } from '../tools/bench/lighthouse.ts';
import { firstRoundTrip, pageWeight } from '../tools/bench/page-weight.ts';
import { aggregateTable, benchReport, comparedWithHugo, fitSentence, hugoTable, phaseLine, runStatus, scaleTable, searchCostTable } from '../tools/bench/report.ts';
import type { Run, SizeResult } from '../tools/bench/results.ts';
import { cpuSeconds, peakMiB, succeeded } from '../tools/bench/results.ts';
import { countLocs, siteSummary } from '../tools/bench/site-size.ts';

/** An `astro build` log as Astro 7 writes it (shortened). */
const astroLog = [
  '10:00:00 [content] Syncing content',
  '10:00:04 [content] Synced content',
  '10:00:05 [build] output: "static"',
  '10:00:05 [build] Building static entrypoints...',
  '10:00:17 [vite] ✓ built in 11.80s',
  '10:00:17 [build] Rearranging server assets...',
  '10:00:18 ▶ src/pages/[year]/[district]/index.astro',
  '10:00:18   ├─ /2023/jinan-shizhong/index.html (+45ms)',
  '10:00:19   └─ /2023/huaibei-xiangshan/index.html (+1.20s)',
  '10:00:20 ▶ src/pages/index.astro',
  '10:00:20   └─ /index.html (+310ms)',
  '10:01:09 [build] 152 page(s) built in 1m 4.20s',
  '10:01:09 [build] Complete!',
].join('\n');

describe('reading astro’s build log', () => {
  test('should list the slowest routes first, milliseconds read as seconds', () => {
    expect(slowestRoutes(astroLog)).toEqual([
      { path: '/2023/huaibei-xiangshan/index.html', seconds: 1.2 },
      { path: '/index.html', seconds: 0.31 },
      { path: '/2023/jinan-shizhong/index.html', seconds: 0.045 },
    ]);
    expect(slowestRoutes(astroLog, 1)).toEqual([{ path: '/2023/huaibei-xiangshan/index.html', seconds: 1.2 }]);
  });

  test('should time the phases by the clock of the log lines', () => {
    expect(buildPhases(astroLog)).toEqual({ contentSync: 4, viteBundle: 12, routes: 52 });
  });

  test('should leave out a phase whose start or end the log does not show', () => {
    expect(buildPhases('10:00:00 [content] Syncing content\n10:00:30 [build] Complete!')).toEqual({});
  });

  test('should read the pages and time Astro reports, with or without minutes', () => {
    expect(reportedBuild(astroLog)).toEqual({ pages: 152, seconds: 64.2 });
    expect(reportedBuild('[build] 3 page(s) built in 870ms')).toEqual({ pages: 3, seconds: 0.87 });
    expect(reportedBuild('[build] Complete!')).toBeUndefined();
  });

  test('should read the pages indexed and the parts from the indexer’s last line', () => {
    expect(indexSummary('search-index: 1520 pages indexed in 3 part(s), 40 characters of extra terms; 2.1 s')).toEqual({ pagesIndexed: 1520, parts: 3 });
    expect(indexSummary('failed')).toEqual({});
  });
});

describe('siteSummary', () => {
  const files = [
    { path: 'index.html', bytes: 9000 },
    { path: '2023/index.html', bytes: 40_000 },
    { path: '2023/a/1/index.html', bytes: 5000 },
    { path: '2023/categories/health/index.html', bytes: 7000 },
    { path: '2023/categories/education/index.html', bytes: 8000 },
    { path: '2023/feed.xml', bytes: 3000 },
    { path: '404.html', bytes: 1000 },
    { path: 'sitemap-index.xml', bytes: 200 },
    { path: 'sitemap-0.xml', bytes: 600 },
    { path: 'sitemap-1.xml', bytes: 500 },
    { path: 'pagefind/pagefind.js', bytes: 30_000 },
    { path: 'pagefind/index/a.pf_index', bytes: 70_000 },
  ];
  const size = siteSummary(
    files,
    new Map([
      ['sitemap-0.xml', 3],
      ['sitemap-1.xml', 2],
    ]),
  );

  test('should count the site apart from its search index', () => {
    expect(size.files).toBe(10);
    expect(size.bytes).toBe(74_300);
    expect(size.pages).toBe(5);
    expect(size.htmlBytes).toBe(70_000);
    expect(size.pagefindFiles).toBe(2);
    expect(size.pagefindBytes).toBe(100_000);
  });

  test('should find the largest file of each aggregate kind, and the largest files overall', () => {
    expect(size.aggregates).toEqual([
      { kind: 'index.html', path: 'index.html', bytes: 9000 },
      { kind: '<year>/index.html', path: '2023/index.html', bytes: 40_000 },
      { kind: '<year>/categories/<topic>/', path: '2023/categories/education/index.html', bytes: 8000 },
      { kind: '<year>/feed.xml', path: '2023/feed.xml', bytes: 3000 },
      { kind: 'sitemap file', path: 'sitemap-0.xml', bytes: 600 },
    ]);
    expect(size.largest.map((f) => f.path).slice(0, 3)).toEqual(['2023/index.html', 'index.html', '2023/categories/education/index.html']);
    expect(size.largest).toHaveLength(8);
  });

  test('should sum the sitemap parts’ URLs and name the largest part', () => {
    expect([size.sitemapUrls, size.sitemapParts, size.sitemapLargestPart]).toEqual([5, 2, 3]);
    expect(countLocs('<urlset><url><loc>/a/</loc></url><url><loc>/b/</loc></url></urlset>')).toBe(2);
  });
});

describe('pageWeight', () => {
  const page = (body: string): string => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>p{color:red}</style></head><body>${body}</body></html>`;
  const build = new Map<string, Uint8Array>([
    ['2023/index.html', Buffer.from(page('<script type="module" src="/_astro/page.js"></script><script type="application/ld+json">{}</script>'))],
    ['data/index.html', Buffer.from(page('<p>数据</p>'))],
    ['_astro/site.css', Buffer.from('body{margin:0}')],
    ['_astro/page.js', Buffer.from('import "./shared.js";const c=()=>import("./chart.js");')],
    ['_astro/shared.js', Buffer.from('export const a=1;')],
    ['_astro/chart.js', Buffer.from('export default 1;')],
  ]);
  const read = (file: string): Uint8Array | undefined => build.get(file);

  test('should count the scripts a page loads with their static imports, and its dynamic imports apart', () => {
    const w = pageWeight(read, 'year overview', '/2023/');
    expect(w?.requests).toBe(4);
    expect(w?.lazyRequests).toBe(1);
    expect(w?.js.raw).toBe(Buffer.byteLength('import "./shared.js";const c=()=>import("./chart.js");') + Buffer.byteLength('export const a=1;'));
    expect(w?.lazyJs.raw).toBe(Buffer.byteLength('export default 1;'));
    expect(w?.css.raw).toBe(14);
    expect(w?.inlineCssBytes).toBe(12);
    expect(w?.zeroJs).toBe(false);
    expect(w?.html.gzip).toBe(gzipSync(build.get('2023/index.html') ?? new Uint8Array(), { level: 9 }).length);
    expect(w?.total.raw).toBe((w?.html.raw ?? 0) + 14 + (w?.js.raw ?? 0));
    expect(w?.fitsFirstRoundTripGzip).toBe(true);
  });

  test('should call a page whose only script is JSON-LD data zero-JS, and a missing page undefined', () => {
    const w = pageWeight(read, 'open data', '/data/');
    expect(w?.zeroJs).toBe(true);
    expect(w?.requests).toBe(2);
    expect(pageWeight(read, 'nothing', '/nothing/')).toBeUndefined();
  });

  test('should say a page too large for the first round trip does not fit it', () => {
    // SHA-256 digests one after the other: 40 000 bytes that do not compress.
    const noise = Buffer.concat(Array.from({ length: 1250 }, (_, i) => createHash('sha256').update(String(i)).digest()));
    const w = pageWeight((f) => (f === 'big/index.html' ? noise : undefined), 'big', '/big/');
    expect(w?.html.gzip).toBeGreaterThan(firstRoundTrip);
    expect(w?.fitsFirstRoundTripGzip).toBe(false);
  });
});

describe('lighthouseScores', () => {
  test('should turn category scores into 0–100 and keep the metrics to three decimals', () => {
    const lhr = {
      categories: { performance: { score: 0.987 }, accessibility: { score: 1 }, 'best-practices': { score: null }, seo: { score: 0.9 } },
      audits: { 'first-contentful-paint': { numericValue: 812.34567 }, 'cumulative-layout-shift': { numericValue: 0.01234 } },
    };
    expect(lighthouseScores('home', '/', lhr)).toEqual({
      type: 'home',
      path: '/',
      performance: 99,
      accessibility: 100,
      seo: 90,
      firstContentfulPaintMs: 812.346,
      cumulativeLayoutShift: 0.012,
    });
  });

  test('should keep the runtime error of a failed run', () => {
    expect(lighthouseScores('home', '/', { categories: {}, audits: {}, runtimeError: { message: 'NO_FCP' } })).toEqual({ type: 'home', path: '/', error: 'NO_FCP' });
  });
});

/** A measured run that took `wallSeconds` and exited with `exitCode`. */
function run(wallSeconds: number, exitCode: number | null = 0, more: Partial<Run> = {}): Run {
  return {
    command: 'x',
    exitCode,
    signal: null,
    timedOut: false,
    wallSeconds,
    time: { userSeconds: 30, systemSeconds: 2.5, maxRssKiB: 512_000 },
    treePeakRssKiB: 716_800,
    load: [1.04, 2.96],
    tail: '',
    logFile: '/tmp/x.log',
    ...more,
  };
}

/** The built-in content and one synthetic size, as a bench run records them. */
const builtIn: SizeResult = {
  notices: 5,
  corpus: 'built-in',
  commitments: 160,
  ingest: run(4),
  build: { ...run(25), slowestRoutes: [{ path: '/2023/', seconds: 1.25 }], phases: { contentSync: 2, viteBundle: 9, routes: 12 }, pagesPerSecond: 8.04 },
  site: {
    files: 300,
    bytes: 4_500_000,
    pages: 201,
    htmlBytes: 4_000_000,
    largest: [],
    aggregates: [{ kind: '<year>/index.html', path: '2023/index.html', bytes: 48_000 }],
    sitemapUrls: 201,
    sitemapParts: 1,
    sitemapLargestPart: 201,
    pagefindBytes: 900_000,
    pagefindFiles: 40,
    bytesPerPage: 22_388,
  },
  search: { ...run(6), indexBytes: 900_000, parts: 1, cost: [{ query: '托位', requests: 7, bytes: 123_400, ms: 850, results: 12 }] },
};
const synthetic: SizeResult = {
  notices: 100,
  corpus: 'bench',
  commitments: 3300,
  ingest: run(20, 1),
  build: { ...run(1600, null, { timedOut: true }), slowestRoutes: [], phases: {} },
};

describe('the report', () => {
  test('should say how a run ended', () => {
    expect(runStatus(undefined, 25)).toBe('–');
    expect(runStatus(run(4.26), 25)).toBe('4.3 s');
    expect(runStatus(run(3, 1), 25)).toBe('failed (1)');
    expect(runStatus(run(1500, null, { timedOut: true }), 25)).toBe('timeout (25 min)');
    expect(succeeded(run(3))).toBe(true);
    expect(succeeded(run(3, 1))).toBe(false);
  });

  test('should read CPU time and the larger of the two memory peaks', () => {
    expect(cpuSeconds(run(1))).toBe(32.5);
    expect(peakMiB(run(1))).toBe(700);
  });

  test('should write one row per size in the table at scale', () => {
    const lines = scaleTable([builtIn, synthetic], 25).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| built-in (5) | 160 | 4.0 s | 40/s | 700 MiB | 201 | 25.0 s | 32.5 s | 8.0 | 700 MiB | 4.5 MB | 22.4 KB | 6.0 s | 900.0 KB | 1.0→3.0 |');
    expect(lines[3]).toBe('| 100 | 3300 | failed (1) | – | 700 MiB | – | timeout (25 min) | 32.5 s | – | 700 MiB | – | – | – | – | 1.0→3.0 |');
  });

  test('should write a fitted cost as a sentence, or say there was not enough to fit', () => {
    expect(fitSentence('build wall time', { intercept: 4.04, slope: 0.003, r2: 0.99912, points: 4 }, 'ms/page', 1000)).toBe(
      'build wall time: 4.0 s fixed + 3.00 ms/page (R² 0.999, 4 sizes)',
    );
    expect(fitSentence('ingest', { intercept: 1, slope: 0.5, r2: Number.NaN, points: 2 }, 's/x')).toBe('ingest: 1.0 s fixed + 0.50 s/x (R² –, 2 sizes)');
    expect(fitSentence('pagefind wall time', undefined, 'ms/page')).toBe('pagefind wall time: not enough finished sizes to fit');
  });

  test('should write the phases and slowest routes of a build, and nothing for a size not built', () => {
    expect(phaseLine(builtIn)).toBe('built-in: phases (wall) content sync 2 s, vite 9 s, routes 12 s; slowest routes: /2023/ 1.3 s');
    expect(phaseLine(synthetic)).toBe('100 notices: phases (wall) content sync – s, vite – s, routes – s; slowest routes: –');
    expect(phaseLine({ notices: 1, corpus: 'x', commitments: 0 })).toBeUndefined();
  });

  test('should put each aggregate page under its kind and mark a sitemap part over the limit', () => {
    const big: SizeResult = {
      ...builtIn,
      notices: 3000,
      corpus: 'bench',
      site: { ...(builtIn.site ?? ({} as never)), sitemapUrls: 158_000, sitemapParts: 2, sitemapLargestPart: 79_000 },
    };
    const rows = aggregateTable([builtIn, big]).split('\n');
    expect(rows[0]).toBe(
      '| notices | index.html | <year>/index.html | <year>/categories/<topic>/ | <year>/units/ | <year>/feed.xml | data/<year>.json | data/<year>.csv | data/index.html | sitemap file | sitemap URLs (parts, largest) |',
    );
    expect(rows[2]).toBe('| built-in (5) | – | 48.0 KB | – | – | – | – | – | – | – | 201 (1, 201) |');
    expect(rows[3]).toBe('| 3000 | – | 48.0 KB | – | – | – | – | – | – | – | 158000 (2, 79000, over the 50 000 limit) |');
  });

  test('should list what one search downloads, and nothing when no search was measured', () => {
    expect(searchCostTable([builtIn])?.split('\n')[2]).toBe('| built-in (5) | 1 | 700 MiB | “托位”, everywhere | 12 | 7 | 123.4 KB | 0.8 s |');
    expect(searchCostTable([synthetic])).toBeUndefined();
  });

  test('should print the sections it has results for, in order', () => {
    const lines = benchReport({ builtIn, sizes: [synthetic], pageWeights: [], lighthouse: [], fits: {} }, 25);
    expect(lines.filter((l) => l.startsWith('\n## '))).toEqual([
      '\n## Build at scale\n',
      '\n## Search: indexing peak and what one search downloads (search page in Chromium, 127.0.0.1, empty cache)\n',
      '\n## Pages that aggregate a whole year (largest of each kind)\n',
    ]);
    expect(lines).toContain('build wall time: not enough finished sizes to fit');
  });
});

describe('the comparison with Hugo', () => {
  const size = (more: Partial<SizeResult>): SizeResult => ({
    notices: 100,
    corpus: 'synthetic, seed "bench"',
    commitments: 3000,
    ingest: run(10),
    build: { ...run(40), slowestRoutes: [], phases: {} },
    site: { pages: 4000, bytes: 1, files: 1, pagefindBytes: 0, pagefindFiles: 0, bytesPerPage: 1 } as SizeResult['site'],
    search: run(30),
    hugo: { ...run(4), pages: 3000, version: 'hugo v0.111.3' },
    ...more,
  });
  const wholeCells = (table: string): string[] =>
    (table.trim().split('\n')[2] ?? '')
      .split('|')
      .map((c) => c.trim())
      .slice(9, 12);

  test('should rate the whole build by the measured `npm run build` when there is one', () => {
    // 4,000 pages in 50 s against Hugo's 3,000 pages in 4 s (750 pages/s).
    expect(wholeCells(hugoTable(comparedWithHugo([size({ whole: run(50) })])))).toEqual(['50.0 s', '80.0', '0.11']);
  });

  test('should add ingest, astro build and search index one after the other when `npm run build` was not measured', () => {
    expect(wholeCells(hugoTable(comparedWithHugo([size({})])))).toEqual(['80.0 s', '50.0', '0.07']);
  });

  test('should rate Astro’s floor (Hugo’s templates in Astro) against Hugo, and leave it blank when it did not run or failed', () => {
    const floorCells = (table: string): string[] =>
      (table.trim().split('\n')[2] ?? '')
        .split('|')
        .map((c) => c.trim())
        .slice(12, 14);
    // 3,001 pages in 10 s (300.1 pages/s) against Hugo's 750 pages/s.
    expect(floorCells(hugoTable(comparedWithHugo([size({ astroFloor: { ...run(10), pages: 3001 } })])))).toEqual(['300.1', '0.40']);
    expect(floorCells(hugoTable(comparedWithHugo([size({})])))).toEqual(['–', '–']);
    expect(floorCells(hugoTable(comparedWithHugo([size({ astroFloor: { ...run(10), exitCode: 1, pages: 0 } })])))).toEqual(['–', '–']);
  });
});
