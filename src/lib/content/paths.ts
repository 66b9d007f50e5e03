/**
 * Where things live: content file paths and public URLs, defined once. URL
 * parts come from content (slug, year, number), never from a title.
 */

/** The parts of a notice that place it. */
export interface Placed {
  year: number;
  slug: string;
}

/** Returns the generated notice entry's path relative to the content directory. */
export function noticePath(n: Placed): string {
  return `notices/${n.year}/${n.slug}.md`;
}

/** Returns the generated commitment entry's path relative to the content directory. */
export function commitmentPath(n: Placed, number: number): string {
  return `commitments/${n.year}/${n.slug}/${number}.md`;
}

/** Returns the generated report entry's path relative to the content directory (the report's own slug). */
export function reportEntryPath(r: Placed): string {
  return `reports/${r.year}/${r.slug}/report.md`;
}

/** Returns a report's page path, under the district it reports on: `/<year>/<district>/reports/<report>/`. */
export function reportPermalink(district: Placed, report: string): string {
  return `${districtPermalink(district)}reports/${report}/`;
}

/** The status methodology page's path (状态说明). */
export const statusPath = '/status/';

/** Returns the departments file's path relative to the content directory. */
export function unitsPath(n: Placed): string {
  return `notices/${n.year}/${n.slug}.units.yaml`;
}

/** Returns a notice's canonical text path relative to the content directory. */
export function noticeTextPath(n: Placed): string {
  return `notices/${n.year}/${n.slug}.txt`;
}

/** Returns a notice's metadata file path relative to the content directory. */
export function noticeMetaPath(n: Placed): string {
  return `notices/${n.year}/${n.slug}.yaml`;
}

/** Returns the path of a notice's original file (named in its metadata) relative to the content directory. */
export function originalPath(n: Placed, file: string): string {
  return `notices/${n.year}/${file}`;
}

/** Returns a district's page path: `/<year>/<slug>/`. */
export function districtPermalink(n: Placed): string {
  return `/${n.year}/${n.slug}/`;
}

/** Returns a commitment's permanent path: `/<year>/<slug>/<number>/`. */
export function commitmentPermalink(n: Placed, number: number): string {
  return `${districtPermalink(n)}${number}/`;
}

/** Returns the original notice's page path: `/<year>/<slug>/source/`. */
export function sourcePermalink(n: Placed): string {
  return `${districtPermalink(n)}source/`;
}

/** Returns the address of a notice's original file, beside its source page: `/<year>/<slug>/source/<file>`. */
export function originalPermalink(n: Placed, file: string): string {
  return `${sourcePermalink(n)}${file}`;
}

/** Returns a department's page path: `/<year>/<slug>/units/<unit>/`. */
export function unitPermalink(n: Placed, unit: string): string {
  return `${districtPermalink(n)}units/${unit}/`;
}

/** Returns the year overview's path: `/<year>/`. */
export function yearPermalink(year: number): string {
  return `/${year}/`;
}

/** Returns a topic page's path: `/<year>/categories/<topic>/` (the index without a topic). */
export function topicPermalink(year: number, topic?: string): string {
  return topic ? `/${year}/categories/${topic}/` : `/${year}/categories/`;
}

/** Returns the departments index's path: `/<year>/units/`. */
export function unitsIndexPermalink(year: number): string {
  return `/${year}/units/`;
}

/** Returns the fragment of a province's section on a year's overview (when it lists districts by province): the name itself. */
export function provinceAnchor(province: string): string {
  return province.replace(/\s+/gu, '-');
}

/** Returns a year's Atom feed path: `/<year>/feed.xml`. */
export function feedPath(year: number): string {
  return `/${year}/feed.xml`;
}

/** The search page's path. */
export const searchPath = '/search/';

/** The open-data page's path. */
export const dataIndexPath = '/data/';

/** The JSON Schema's path. */
export const schemaPath = '/data/schema.json';

/** Returns a year's dataset path: `/data/2023.json` or `/data/2023.csv`. */
export function datasetPath(year: number, format: 'json' | 'csv'): string {
  return `/data/${year}.${format}`;
}

/** Returns a notice's JSON path: `/data/2023/<slug>.json`. */
export function noticeDataPath(n: Placed): string {
  return `/data/${n.year}/${n.slug}.json`;
}

/** The sitemap's path (a sitemap index of the parts), as robots.txt names it. */
export const sitemapPath = '/sitemap.xml';

/** Returns the path of the `n`-th (from 1) part of the sitemap: `/sitemap-1.xml`. */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** Where ingest writes under the content directory (and may clean): folder and file ending. */
export const generated = [
  { root: 'notices', ending: '.md' },
  { root: 'notices', ending: '.units.yaml' },
  { root: 'commitments', ending: '.md' },
  { root: 'reports', ending: '.md' },
] as const;

/** The archive page: every year's snapshot. */
export const archivePath = '/archive/';

/** Returns the path of a year's snapshot on the site: `/archive/minsheng-2023.tar.gz`. */
export function snapshotPath(year: number): string {
  return `/archive/minsheng-${year}.tar.gz`;
}
