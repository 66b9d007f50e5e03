/**
 * Every HTML page of the site, enumerated from the site model, and the files
 * that list them for crawlers (sitemap, robots.txt). Pure.
 *
 * `publicPages` mirrors the `getStaticPaths` of the pages in `src/pages/`
 * exactly (a build test compares it with the built `index.html` files): add a
 * page there, add it here.
 */
import {
  commitmentPermalink,
  dataIndexPath,
  districtPermalink,
  searchPath,
  sourcePermalink,
  topicPermalink,
  unitPermalink,
  unitsIndexPermalink,
  yearPermalink,
} from '../content/paths.ts';
import { topics } from '../taxonomy/topics.ts';
import type { Year } from './model.ts';
import { absoluteUrl } from './urls.ts';
import { xmlEscape } from './xml.ts';

/** Pages outside any year: `src/pages/index.astro`, `src/pages/data/index.astro`, `src/pages/search.astro`. */
const sitePages = ['/', dataIndexPath, searchPath];

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Returns the path (from the site root, ending in `/`) of every HTML page of the site, sorted, each once. 404 is not a page. */
export function publicPages(years: readonly Year[]): string[] {
  const paths = [...sitePages];
  for (const year of years) {
    paths.push(yearPermalink(year.year), topicPermalink(year.year), unitsIndexPermalink(year.year));
    // src/pages/[year]/categories/[topic].astro: taxonomy topics that have a commitment this year.
    for (const topic of topics) {
      if (year.districts.some((d) => d.commitments.some((c) => c.topic.slug === topic.slug))) paths.push(topicPermalink(year.year, topic.slug));
    }
    for (const { notice, commitments, units } of year.districts) {
      paths.push(districtPermalink(notice), sourcePermalink(notice));
      for (const c of commitments) paths.push(commitmentPermalink(notice, c.number));
      for (const u of units) paths.push(unitPermalink(notice, u.slug));
    }
  }
  return [...new Set(paths)].sort(byCode);
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

/** Returns robots.txt: every crawler may read everything; the sitemap's absolute URL. */
export function robotsTxt(site: string, base: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site, base, '/sitemap.xml')}`, ''].join('\n');
}
