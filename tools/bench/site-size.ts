/**
 * The size of a built site, from its files' sizes: totals, pages, the largest files, the largest page of
 * each kind that aggregates a whole year, the sitemap's URLs and parts, and the search index apart.
 * Pure: the caller lists the files with their sizes and counts each sitemap part's URLs.
 */
import type { SiteSize, SizedFile } from './results.ts';

/**
 * The pages and files that aggregate a whole year (or the whole site): they grow with the corpus, not
 * one per commitment. Each kind's label (a column of the report) and the build paths it covers.
 */
export const aggregateKinds: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'index.html', pattern: /^index\.html$/u },
  { kind: '<year>/index.html', pattern: /^\d{4}\/index\.html$/u },
  { kind: '<year>/categories/<topic>/', pattern: /^\d{4}\/categories\/[^/]+\/index\.html$/u },
  { kind: '<year>/units/', pattern: /^\d{4}\/units\/index\.html$/u },
  { kind: '<year>/feed.xml', pattern: /^\d{4}\/feed\.xml$/u },
  { kind: 'data/<year>.json', pattern: /^data\/\d{4}\.json$/u },
  { kind: 'data/<year>.csv', pattern: /^data\/\d{4}\.csv$/u },
  { kind: 'data/index.html', pattern: /^data\/index\.html$/u },
  // The largest file of the sitemap: its index, or one of its parts.
  { kind: 'sitemap file', pattern: /^sitemap(?:-\d+)?\.xml$/u },
];

/** Returns whether a build path is a part of the sitemap (`sitemap-1.xml`), not its index. */
export function isSitemapPart(path: string): boolean {
  return /^sitemap-\d+\.xml$/u.test(path);
}

/** Returns the number of URLs (`<loc>`) in a sitemap file. */
export function countLocs(xml: string): number {
  return (xml.match(/<loc>/gu) ?? []).length;
}

/** Returns the larger file first, then the path in order (so ties read the same on every run). */
const bySize = (a: SizedFile, b: SizedFile): number => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Returns the size of a built site.
 *
 * @param files every file of the build (path relative to its root, `/`-separated) and its bytes
 * @param sitemapLocs the URLs in each sitemap part (`isSitemapPart`), by path
 */
export function siteSummary(files: readonly SizedFile[], sitemapLocs: ReadonlyMap<string, number>): SiteSize {
  const index = files.filter((f) => f.path.startsWith('pagefind/'));
  const site = files.filter((f) => !f.path.startsWith('pagefind/'));
  const html = site.filter((f) => f.path.endsWith('.html'));
  const sum = (list: readonly SizedFile[]): number => list.reduce((n, f) => n + f.bytes, 0);
  const aggregates = aggregateKinds.flatMap(({ kind, pattern }) => {
    const largest = site.filter((f) => pattern.test(f.path)).sort(bySize)[0];
    return largest ? [{ kind, ...largest }] : [];
  });
  const parts = site.filter((f) => isSitemapPart(f.path)).map((f) => sitemapLocs.get(f.path) ?? 0);
  return {
    files: site.length,
    bytes: sum(site),
    pages: html.filter((f) => f.path.endsWith('index.html')).length,
    htmlBytes: sum(html),
    largest: [...site].sort(bySize).slice(0, 8),
    aggregates,
    sitemapUrls: parts.reduce((a, b) => a + b, 0),
    sitemapParts: parts.length,
    sitemapLargestPart: Math.max(0, ...parts),
    pagefindBytes: sum(index),
    pagefindFiles: index.length,
  };
}
