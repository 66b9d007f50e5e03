/**
 * The files that list the site's pages for crawlers: a sitemap index and its
 * parts, robots.txt. Pure. The pages themselves are listed by the route table
 * (`publicPages` in `src/lib/site/routes.ts`).
 */
import { sitemapPartPath, sitemapPath } from '../content/paths.ts';
import { absoluteUrl } from './urls.ts';
import { xmlEscape } from './xml.ts';
import { byCodeUnits } from '../order.ts';

/** The sitemaps protocol's limit of URLs in one file (sitemaps.org); each file must also stay under 50 MB, which 50,000 of our URLs do. */
export const sitemapLimit = 50_000;

/** Returns the paths in the sitemap's parts: sorted, each once, at most `limit` a part, at least one part. */
export function sitemapParts(paths: readonly string[], limit: number = sitemapLimit): string[][] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  const sorted = [...new Set(paths)].sort(byCodeUnits);
  const parts: string[][] = [];
  for (let i = 0; i < sorted.length; i += limit) parts.push(sorted.slice(i, i + limit));
  return parts.length > 0 ? parts : [[]];
}

/** Returns a sitemaps.org `urlset` of `paths` (from the site root) as absolute URLs, sorted, each once; no `lastmod`. */
export function sitemapXml(paths: readonly string[], site: string, base: string): string {
  const urls = [...new Set(paths.map((p) => absoluteUrl(site, base, p)))].sort(byCodeUnits);
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
