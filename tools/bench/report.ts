/**
 * The report `npm run bench` prints after measuring: Markdown tables and sentences made from its
 * results (builds at scale, fits, search cost, Hugo, phases, aggregate pages, page weight, Lighthouse).
 * Pure: results in, text out.
 */
import type { LighthouseScores, PageWeight, Run, SizeResult, Weight } from './results.ts';
import { cpuSeconds, peakMiB, succeeded } from './results.ts';
import { aggregateKinds } from './site-size.ts';
import type { Fit } from './stats.ts';
import { formatBytes, formatSeconds, markdownTable } from './stats.ts';

/** The fitted lines the bench reports, over the sizes that finished. */
export interface BenchFits {
  buildSecondsPerPage?: Fit | undefined;
  buildCpuSecondsPerPage?: Fit | undefined;
  buildPeakMiBPerPage?: Fit | undefined;
  ingestSecondsPerCommitment?: Fit | undefined;
  searchSecondsPerPage?: Fit | undefined;
}

/** What the report is made from. */
export interface BenchResults {
  /** The built-in content, when it was measured. */
  builtIn?: SizeResult | undefined;
  /** The synthetic corpus sizes, smallest first. */
  sizes: SizeResult[];
  pageWeights: PageWeight[];
  lighthouse: LighthouseScores[];
  fits: BenchFits;
}

/** Returns how a run ended, for a table cell: its wall time, `timeout (25 min)`, `failed (1)`, or `–` when it did not run. */
export function runStatus(r: Run | undefined, timeoutMin: number): string {
  if (r === undefined) return '–';
  if (r.timedOut) return `timeout (${timeoutMin} min)`;
  if (r.exitCode !== 0) return `failed (${r.exitCode ?? r.signal})`;
  return formatSeconds(r.wallSeconds);
}

/** Returns a size's first cell: `built-in (5)` for the built-in content, else its count of notices. */
export function corpusLabel(s: SizeResult): string {
  return s.corpus === 'built-in' ? `built-in (${s.notices})` : String(s.notices);
}

/** Returns the built-in content (when measured) and then the synthetic sizes. */
function everySize(results: BenchResults): SizeResult[] {
  return [...(results.builtIn ? [results.builtIn] : []), ...results.sizes];
}

/** Returns the table of ingest, build and search index per corpus size. */
export function scaleTable(sizes: readonly SizeResult[], timeoutMin: number): string {
  const status = (r: Run | undefined): string => runStatus(r, timeoutMin);
  const rows = sizes.map((s) => [
    corpusLabel(s),
    String(s.commitments),
    status(s.ingest),
    s.ingest && succeeded(s.ingest) ? `${(s.commitments / s.ingest.wallSeconds).toFixed(0)}/s` : '–',
    s.ingest ? `${peakMiB(s.ingest).toFixed(0)} MiB` : '–',
    String(s.site?.pages ?? s.build?.pages ?? '–'),
    status(s.build),
    s.build ? formatSeconds(cpuSeconds(s.build)) : '–',
    s.build?.pagesPerSecond !== undefined ? s.build.pagesPerSecond.toFixed(1) : '–',
    s.build ? `${peakMiB(s.build).toFixed(0)} MiB` : '–',
    s.site ? formatBytes(s.site.bytes) : '–',
    s.site ? formatBytes(s.site.bytesPerPage) : '–',
    status(s.search),
    s.search?.indexBytes !== undefined ? `${formatBytes(s.search.indexBytes)}${s.search.parts !== undefined && s.search.parts > 1 ? ` (${s.search.parts} parts)` : ''}` : '–',
    s.build ? `${s.build.load[0].toFixed(1)}→${s.build.load[1].toFixed(1)}` : '–',
  ]);
  return markdownTable(
    [
      'notices',
      'commitments',
      'ingest',
      'ingest rate',
      'ingest peak',
      'pages',
      'build (wall)',
      'build (cpu)',
      'pages/s',
      'build peak RSS',
      'output',
      'per page',
      'pagefind',
      'index',
      'load 1 min',
    ],
    rows,
  );
}

/** Returns a fitted cost as a sentence: `build wall time: 4.0 s fixed + 3.00 ms/page (R² 1.000, 4 sizes)`. */
export function fitSentence(name: string, f: Fit | undefined, unit: string, scale = 1): string {
  return f
    ? `${name}: ${f.intercept.toFixed(1)} s fixed + ${(f.slope * scale).toFixed(2)} ${unit} (R² ${Number.isNaN(f.r2) ? '–' : f.r2.toFixed(3)}, ${f.points} sizes)`
    : `${name}: not enough finished sizes to fit`;
}

/** Returns the table of what one search downloads per corpus size, or undefined when no search was measured. */
export function searchCostTable(sizes: readonly SizeResult[]): string | undefined {
  const rows = sizes.flatMap((s) =>
    (s.search?.cost ?? []).map((c) => [
      corpusLabel(s),
      String(s.search?.parts ?? 1),
      s.search ? `${peakMiB(s.search).toFixed(0)} MiB` : '–',
      c.district ? `“${c.query}” in ${c.district}` : `“${c.query}”, everywhere`,
      String(c.results),
      String(c.requests),
      formatBytes(c.bytes),
      `${(c.ms / 1000).toFixed(1)} s`,
    ]),
  );
  if (rows.length === 0) return undefined;
  return markdownTable(['notices', 'index parts', 'indexing peak RSS', 'search', 'results', 'index requests', 'index bytes', 'time to results'], rows);
}

/** Returns the sizes that both Hugo and Astro built. */
export function comparedWithHugo(sizes: readonly SizeResult[]): SizeResult[] {
  return sizes.filter((s) => s.hugo && succeeded(s.hugo) && s.build && succeeded(s.build) && s.site);
}

/**
 * Returns the table of Astro against Hugo on the same commitments (pages per second, and their ratio,
 * for `astro build` alone and for the whole build: `npm run build` as measured, or, for results without
 * it, ingest + `astro build` + search index one after the other), and Astro's own floor: Astro rendering
 * the same files with Hugo's minimal templates, when it was measured.
 */
export function hugoTable(compared: readonly SizeResult[]): string {
  return markdownTable(
    [
      'notices',
      'hugo pages',
      'hugo',
      'hugo pages/s',
      'astro pages',
      'astro build',
      'astro pages/s',
      'ratio (astro / hugo)',
      'whole build',
      'whole pages/s',
      'ratio (whole / hugo)',
      'astro floor pages/s',
      'ratio (floor / hugo)',
    ],
    compared.map((s) => {
      const hugoRate = (s.hugo?.pages ?? 0) / (s.hugo?.wallSeconds ?? 1);
      const pages = s.site?.pages ?? 0;
      const astroRate = pages / (s.build?.wallSeconds ?? 1);
      const whole =
        s.whole && succeeded(s.whole)
          ? s.whole.wallSeconds
          : (s.ingest?.wallSeconds ?? 0) + (s.build?.wallSeconds ?? 0) + (s.search && succeeded(s.search) ? s.search.wallSeconds : Number.NaN);
      const wholeRate = pages / whole;
      const floorRate = s.astroFloor && succeeded(s.astroFloor) ? s.astroFloor.pages / s.astroFloor.wallSeconds : Number.NaN;
      return [
        String(s.notices),
        String(s.hugo?.pages ?? 0),
        formatSeconds(s.hugo?.wallSeconds ?? 0),
        hugoRate.toFixed(1),
        String(pages),
        formatSeconds(s.build?.wallSeconds ?? 0),
        astroRate.toFixed(1),
        (astroRate / hugoRate).toFixed(2),
        Number.isNaN(whole) ? '–' : formatSeconds(whole),
        Number.isNaN(wholeRate) ? '–' : wholeRate.toFixed(1),
        Number.isNaN(wholeRate) ? '–' : (wholeRate / hugoRate).toFixed(2),
        Number.isNaN(floorRate) ? '–' : floorRate.toFixed(1),
        Number.isNaN(floorRate) ? '–' : (floorRate / hugoRate).toFixed(2),
      ];
    }),
  );
}

/** Returns the build's phases and slowest routes of one size, as one line (undefined when it was not built). */
export function phaseLine(s: SizeResult): string | undefined {
  if (!s.build) return undefined;
  const p = s.build.phases;
  return (
    `${s.corpus === 'built-in' ? 'built-in' : `${s.notices} notices`}: phases (wall) content sync ${p.contentSync ?? '–'} s, vite ${p.viteBundle ?? '–'} s, routes ${p.routes ?? '–'} s; ` +
    `slowest routes: ${
      s.build.slowestRoutes
        .slice(0, 6)
        .map((r) => `${r.path} ${r.seconds.toFixed(1)} s`)
        .join(', ') || '–'
    }`
  );
}

/** Returns the table of the largest page of each aggregate kind per size, with the sitemap's URLs. */
export function aggregateTable(sizes: readonly SizeResult[]): string {
  const kinds = aggregateKinds.map((k) => k.kind);
  return markdownTable(
    ['notices', ...kinds, 'sitemap URLs (parts, largest)'],
    sizes.map((s) => [
      corpusLabel(s),
      ...kinds.map((k) => {
        const a = s.site?.aggregates.find((x) => x.kind === k);
        return a ? formatBytes(a.bytes) : '–';
      }),
      `${s.site?.sitemapUrls ?? 0} (${s.site?.sitemapParts ?? 0}, ${s.site?.sitemapLargestPart ?? 0}${(s.site?.sitemapLargestPart ?? 0) > 50_000 ? ', over the 50 000 limit' : ''})`,
    ]),
  );
}

/** Returns a weight as `raw / gzip / brotli`. */
function threeWays(w: Weight): string {
  return `${formatBytes(w.raw)} / ${formatBytes(w.gzip)} / ${formatBytes(w.brotli)}`;
}

/** Returns the table of page weights of the built-in site. */
export function pageWeightTable(weights: readonly PageWeight[]): string {
  return markdownTable(
    [
      'page type',
      'HTML raw / gz / br',
      'inline CSS',
      'CSS files',
      'JS on load raw / gz / br',
      'lazy JS (chart) raw / gz / br',
      'requests (+lazy)',
      'total gz / br',
      'zero JS',
      'HTML ≤ 14.6 KB (gz / br)',
    ],
    weights.map((p) => [
      `${p.type} \`${p.path}\``,
      threeWays(p.html),
      formatBytes(p.inlineCssBytes),
      p.css.raw > 0 ? threeWays(p.css) : '0',
      p.js.raw > 0 ? threeWays(p.js) : '0',
      p.lazyJs.raw > 0 ? threeWays(p.lazyJs) : '0',
      `${p.requests}${p.lazyRequests > 0 ? ` (+${p.lazyRequests})` : ''}`,
      `${formatBytes(p.total.gzip)} / ${formatBytes(p.total.brotli)}`,
      p.zeroJs ? 'yes' : 'no',
      `${p.fitsFirstRoundTripGzip ? 'yes' : 'no'} / ${p.fitsFirstRoundTripBrotli ? 'yes' : 'no'}`,
    ]),
  );
}

/** Returns the table of Lighthouse's scores and metrics. */
export function lighthouseTable(scores: readonly LighthouseScores[]): string {
  return markdownTable(
    ['page type', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
    scores.map((l) => [
      `${l.type} \`${l.path}\``,
      String(l.performance ?? '–'),
      String(l.accessibility ?? '–'),
      String(l.bestPractices ?? '–'),
      String(l.seo ?? '–'),
      l.firstContentfulPaintMs !== undefined ? `${(l.firstContentfulPaintMs / 1000).toFixed(1)} s` : '–',
      l.largestContentfulPaintMs !== undefined ? `${(l.largestContentfulPaintMs / 1000).toFixed(1)} s` : '–',
      l.totalBlockingTimeMs !== undefined ? `${Math.round(l.totalBlockingTimeMs)} ms` : '–',
      l.cumulativeLayoutShift !== undefined ? l.cumulativeLayoutShift.toFixed(3) : '–',
    ]),
  );
}

/** Returns the whole report, as the lines `npm run bench` prints after the parser's figures. */
export function benchReport(results: BenchResults, timeoutMin: number): string[] {
  const all = everySize(results);
  const lines = ['\n## Build at scale\n', scaleTable(all, timeoutMin), ''];
  lines.push(
    fitSentence('build wall time', results.fits.buildSecondsPerPage, 'ms/page', 1000),
    fitSentence('build cpu time', results.fits.buildCpuSecondsPerPage, 'ms/page', 1000),
    fitSentence('ingest wall time', results.fits.ingestSecondsPerCommitment, 'ms/commitment', 1000),
    fitSentence('pagefind wall time', results.fits.searchSecondsPerPage, 'ms/page', 1000),
  );
  const costs = searchCostTable(all);
  if (costs !== undefined) {
    lines.push('\n## Search: indexing peak and what one search downloads (search page in Chromium, 127.0.0.1, empty cache)\n', costs, '');
  }
  const compared = comparedWithHugo(results.sizes);
  if (compared.length > 0) {
    lines.push(`\n## Against Hugo on the same commitments (${compared[0]?.hugo?.version ?? 'hugo'}, minimal templates)\n`);
    lines.push(
      'whole build: `npm run build` as measured (ingest, snapshots, `astro build` with the search index made beside it, headers); without that run, ingest + `astro build` + search index one after the other. ' +
        'astro floor: Astro rendering the same commitment files with the same minimal templates as Hugo (`tools/bench/astro-floor.ts`), the most pages per second Astro gives here.\n',
      hugoTable(compared),
    );
  }
  const mem = results.fits.buildPeakMiBPerPage;
  if (mem)
    lines.push(`build peak memory: ${mem.intercept.toFixed(0)} MiB + ${(mem.slope * 1000).toFixed(1)} MiB per 1000 pages (R² ${Number.isNaN(mem.r2) ? '–' : mem.r2.toFixed(3)})`);
  for (const s of all) {
    const line = phaseLine(s);
    if (line !== undefined) lines.push(line);
  }
  const withSites = all.filter((s) => s.site);
  if (withSites.length > 0) lines.push('\n## Pages that aggregate a whole year (largest of each kind)\n', aggregateTable(withSites));
  if (results.pageWeights.length > 0) lines.push('\n## Page weight (built-in site)\n', pageWeightTable(results.pageWeights));
  if (results.lighthouse.length > 0) lines.push('\n## Lighthouse (mobile, built-in site, served from 127.0.0.1)\n', lighthouseTable(results.lighthouse));
  return lines;
}
