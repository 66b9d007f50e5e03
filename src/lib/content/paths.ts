/**
 * Where things live: content file paths and public URLs, defined once. URL
 * parts come from content (slug, year, number), never from a title. Every
 * path of a content file (text, metadata, original, generated entry,
 * departments, report, manifest…) is built here, relative to the content
 * directory (`src/lib/config.ts`).
 */
import { slugSource } from '../schema.ts';

/** The parts of a notice that place it. */
export interface Placed {
  year: number;
  slug: string;
}

/** The folders of the content directory: notices (texts, metadata, originals, generated entries and departments), commitments (generated), progress reports. */
export const noticesDir = 'notices';
export const commitmentsDir = 'commitments';
export const reportsDir = 'reports';

/** The manifest of published URLs, the redirects, the corrections and the published snapshot digests, relative to the content directory. */
export const manifestPath = 'urls.txt';
export const redirectsPath = 'redirects.yaml';
export const correctionsPath = 'corrections.yaml';
export const snapshotsListPath = 'snapshots.txt';

/** Returns the folder of a year's notices relative to the content directory: `notices/<year>/`. */
export function noticesFolder(year: number | string): string {
  return `${noticesDir}/${year}/`;
}

/** Returns the folder of a year's commitment entries, or of one notice's: `commitments/<year>/` or `commitments/<year>/<slug>/`. */
export function commitmentsFolder(year: number | string, slug?: string): string {
  return slug === undefined ? `${commitmentsDir}/${year}/` : `${commitmentsDir}/${year}/${slug}/`;
}

/** Returns the folder of a year's progress reports relative to the content directory: `reports/<year>/`. */
export function reportsFolder(year: number | string): string {
  return `${reportsDir}/${year}/`;
}

/** Returns the folders that hold one year's content, relative to the content directory: its notices, commitments and progress reports. */
export function yearFolders(year: number | string): string[] {
  return [noticesFolder(year), commitmentsFolder(year), reportsFolder(year)];
}

/** Returns the stem every file of a notice starts with, relative to the content directory: `notices/<year>/<slug>.`. */
export function noticeStem(n: Placed): string {
  return `${noticesFolder(n.year)}${n.slug}.`;
}

/** Returns a notice's canonical text path relative to the content directory. */
export function noticeTextPath(n: Placed): string {
  return `${noticeStem(n)}txt`;
}

/** Returns the path of the file beside a notice's or report's text (`…/x.txt`) with another ending: `.yaml` its metadata, `.units.yaml` its departments. */
export function besideText(textPath: string, ending: '.yaml' | '.units.yaml'): string {
  return textPath.replace(/\.txt$/u, ending);
}

/** Returns a notice's metadata file path relative to the content directory. */
export function noticeMetaPath(n: Placed): string {
  return besideText(noticeTextPath(n), '.yaml');
}

/** Returns the departments file's path relative to the content directory. */
export function unitsPath(n: Placed): string {
  return besideText(noticeTextPath(n), '.units.yaml');
}

/** Returns the generated notice entry's path relative to the content directory. */
export function noticePath(n: Placed): string {
  return `${noticeStem(n)}md`;
}

/** Returns where a notice's text path places it (`notices/<year>/<slug>.txt`), or undefined for any other path. */
export function placeOfNoticeText(path: string): Placed | undefined {
  const m = /^notices\/(\d{4})\/([^/]+)\.txt$/u.exec(path);
  return m?.[1] && m[2] ? { year: Number(m[1]), slug: m[2] } : undefined;
}

/** Returns the file name of a notice's original as published: `<slug>.orig.<ext>`. */
export function originalFileName(slug: string, extension: string): string {
  return `${slug}.orig.${extension}`;
}

/** Returns whether a file name (or path) is a notice's original as published (`<slug>.orig.<ext>`), not a notice text of its own. */
export function isOriginalFile(name: string): boolean {
  return /\.orig\.[a-z]+$/u.test(name);
}

/** Returns the path of a notice's original file (named in its metadata) relative to the content directory. */
export function originalPath(n: Placed, file: string): string {
  return `${noticesFolder(n.year)}${file}`;
}

/** Returns whether a file of a year's notices folder is a source (a text, its metadata, an original), not generated. */
export function isNoticeSource(name: string): boolean {
  return (/\.(?:txt|yaml)$/u.test(name) && !name.endsWith('.units.yaml')) || isOriginalFile(name);
}

/** Returns the generated commitment entry's path relative to the content directory. */
export function commitmentPath(n: Placed, number: number): string {
  return `${commitmentsFolder(n.year, n.slug)}${number}.md`;
}

/** The file names of a report's text and generated entry, in its folder `reports/<year>/<slug>/`. */
export const reportTextName = 'report.txt';
export const reportEntryName = 'report.md';

/** Returns a report's text path relative to the content directory (the report's own slug): `reports/<year>/<slug>/report.txt`. */
export function reportTextPath(r: Placed): string {
  return `${reportsDir}/${r.year}/${r.slug}/${reportTextName}`;
}

/** `reports/<year>/<slug>/report.txt`, relative to the content directory. */
const reportTextRe = new RegExp(`^reports/(\\d{4})/(${slugSource})/report\\.txt$`, 'u');

/** Returns where a report's text path places it (`reports/<year>/<slug>/report.txt`, the slug a valid URL part), or undefined for any other path. */
export function placeOfReportText(path: string): Placed | undefined {
  const m = reportTextRe.exec(path);
  return m?.[1] && m[2] ? { year: Number(m[1]), slug: m[2] } : undefined;
}

/** Returns the generated report entry's path relative to the content directory (the report's own slug). */
export function reportEntryPath(r: Placed): string {
  return `${reportsDir}/${r.year}/${r.slug}/${reportEntryName}`;
}

/** Returns a report's page path, under the district it reports on: `/<year>/<district>/reports/<report>/`. */
export function reportPermalink(district: Placed, report: string): string {
  return `${districtPermalink(district)}reports/${report}/`;
}

/** The status methodology page's path (状态说明). */
export const statusPath = '/status/';

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
  { root: noticesDir, ending: '.md' },
  { root: noticesDir, ending: '.units.yaml' },
  { root: commitmentsDir, ending: '.md' },
  { root: reportsDir, ending: '.md' },
] as const;

/** The archive page: every year's snapshot. */
export const archivePath = '/archive/';

/** Returns the path of a year's snapshot on the site: `/archive/minsheng-2023.tar.gz`. */
export function snapshotPath(year: number): string {
  return `/archive/minsheng-${year}.tar.gz`;
}

