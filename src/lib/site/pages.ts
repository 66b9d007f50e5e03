/**
 * Every HTML page of the site, enumerated from the site model, and the files
 * that list them for crawlers (a sitemap index and its parts, robots.txt). Pure.
 *
 * `publicPages` mirrors the `getStaticPaths` of the pages in `src/pages/`
 * exactly (a build test compares it with the built `index.html` files): add a
 * page there, add it here.
 */
import {
  commitmentPermalink,
  archivePath,
  dataIndexPath,
  districtPermalink,
  reportPermalink,
  searchPath,
  sitemapPartPath,
  sitemapPath,
  sourcePermalink,
  statusPath,
  topicPermalink,
  unitPermalink,
  unitsIndexPermalink,
  yearPermalink,
} from '../content/paths.ts';
import type { Year } from './model.ts';
import { topicsUsed } from './model.ts';
import { absoluteUrl } from './urls.ts';
import { xmlEscape } from './xml.ts';

/** Pages outside any year: `src/pages/index.astro`, `src/pages/archive/index.astro`, `src/pages/data/index.astro`, `src/pages/search.astro`, `src/pages/status.astro`. */
const sitePages = ['/', archivePath, dataIndexPath, searchPath, statusPath];

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Returns the path (from the site root, ending in `/`) of every HTML page of the site, sorted, each once. 404 is not a page. */
export function publicPages(years: readonly Year[]): string[] {
  const paths = [...sitePages];
  for (const year of years) {
    paths.push(yearPermalink(year.year), topicPermalink(year.year), unitsIndexPermalink(year.year));
    // src/pages/[year]/categories/[topic].astro: taxonomy topics that a commitment has this year (main or other).
    for (const topic of topicsUsed(year.districts, { also: true })) paths.push(topicPermalink(year.year, topic.slug));
    for (const { notice, commitments, units, reports } of year.districts) {
      paths.push(districtPermalink(notice), sourcePermalink(notice));
      for (const c of commitments) paths.push(commitmentPermalink(notice, c.number));
      for (const u of units) paths.push(unitPermalink(notice, u.slug));
      // src/pages/[year]/[district]/reports/[report].astro
      for (const r of reports) paths.push(reportPermalink(notice, r.slug));
    }
  }
  return [...new Set(paths)].sort(byCode);
}

/** The sitemaps protocol's limit of URLs in one file (sitemaps.org); each file must also stay under 50 MB, which 50,000 of our URLs do. */
export const sitemapLimit = 50_000;

/** Returns the paths in the sitemap's parts: sorted, each once, at most `limit` a part, at least one part. */
export function sitemapParts(paths: readonly string[], limit: number = sitemapLimit): string[][] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  const sorted = [...new Set(paths)].sort(byCode);
  const parts: string[][] = [];
  for (let i = 0; i < sorted.length; i += limit) parts.push(sorted.slice(i, i + limit));
  return parts.length > 0 ? parts : [[]];
}

/** Returns a sitemaps.org `urlset` of `paths` (from the site root) as absolute URLs, sorted, each once; no `lastmod`. */
export function sitemapXml(paths: readonly string[], site: string, base: string): string {
  const urls = [...new Set(paths.map((p) => absoluteUrl(site, base, p)))].sort(byCode);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${xmlEscape(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * Returns the sitemap index (`/sitemap.xml`) naming the `count` parts `/sitemap-1.xml`…: a site of
 * a country's districts lists more pages than one sitemap may (50,000 from about 1,000 notices).
 */
export function sitemapIndexXml(count: number, site: string, base: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...Array.from({ length: count }, (_, i) => `  <sitemap><loc>${xmlEscape(absoluteUrl(site, base, sitemapPartPath(i + 1)))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** Returns robots.txt: every crawler may read everything; the sitemap's absolute URL. */
export function robotsTxt(site: string, base: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site, base, sitemapPath)}`, ''].join('\n');
}
