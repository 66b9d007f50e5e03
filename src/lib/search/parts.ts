/**
 * Splitting the search index into parts. One Pagefind index over a whole
 * country's year (≈158,000 pages) needs more memory than a build machine has
 * (BENCHMARKS.md), so `scripts/search-index.ts` writes the index in parts of
 * at most so many pages, each a Pagefind bundle of its own, and the search
 * page merges the parts it needs with Pagefind's `mergeIndex`: only a
 * district's own part when the search is narrowed to that district (or a
 * year's parts for a year), and for a search over everything the parts one
 * at a time, in order, as far as the screenfuls shown need them
 * (`controller.ts`).
 *
 * A district's pages of one year always stay together in one part. The first
 * part is `pagefind/` itself (where a site with one part has always had its
 * index); the others are `pagefind/part-2/`, `pagefind/part-3/`…, listed with
 * the districts and years they hold in `pagefind/parts.json`. Each part also
 * lists each of its districts' departments, with their pages, in a small file
 * of its own (`units/<n>.json`, n the district's place in the manifest's list):
 * a search narrowed to a district loads that file alone, for the department
 * menu and for links to the departments whose names hold the query
 * (department pages are not indexed, `record.ts`).
 *
 * Pure: no I/O.
 */
import { byCodeUnits } from '../order.ts';
import type { DirectorySummary } from './directory.ts';

/** The manifest's file name, in the first part's directory. */
export const partsFile = 'parts.json';

/**
 * A district's departments as its units file lists them: name → the department's page per year
 * (`'2023'` → its URL, under the site's base path); `{}` for a department named by commitments that
 * has no page.
 */
export type DistrictUnits = Record<string, Record<string, string>>;

/** Returns where a part lists the departments of its `n`-th district (in the manifest's `districts`), relative to `pagefind/`: `part-2/units/3.json`. */
export function districtUnitsPath(partPath: string, n: number): string {
  return `${partPath}units/${n}.json`;
}

/**
 * Pages per part unless told otherwise. A part is indexed again whenever one of its districts changes,
 * and archived again with it: at 10,000 (parts of about 3,000 pages on average, 33 at 3,000 notices)
 * the benchmark's added notice indexes 3,997 pages again, not 19,966 as at 20,000, for 1.5 % more index
 * (BENCHMARKS.md, “Issue 15, tenth round”).
 */
export const defaultMaxPages = 10_000;

/** A page to index, with its filter values as the page writes them. */
export interface PartPage {
  path: string;
  filters: Record<string, string[]>;
}

/** One part of the index: where it goes (relative to `pagefind/`) and what it holds. */
export interface Part {
  /** '' for the first part, `part-2/`… for the others. */
  path: string;
  /** The pages it indexes. */
  pages: PartPage[];
  /** Pages it lists in its units files without indexing them: its districts' department pages (`year`, `district`, `unit` filters). */
  listed: PartPage[];
}

/** What the search page reads of a part. */
export interface PartSummary {
  path: string;
  pages: number;
  years: string[];
  districts: string[];
}

/** `pagefind/parts.json`. */
export interface PartsManifest {
  parts: PartSummary[];
  /** The directory of which parts hold which text (`directory.ts`), when there is one: an index of several parts made from the content. */
  directory?: DirectorySummary;
}

/** Returns the directory of the `n`-th part (from 0), relative to `pagefind/`. */
export function partPath(n: number): string {
  return n === 0 ? '' : `part-${n + 1}/`;
}

/** The group a page goes into parts with: its year and district. */
function groupKey(page: PartPage): string {
  return `${page.filters.year?.[0] ?? ''}\u0000${page.filters.district?.[0] ?? ''}`;
}

/**
 * Returns where a group's key falls in [0, 1): FNV-1a over its UTF-16 code units, mixed (MurmurHash3's
 * finalizer) so that keys alike give values apart. Stable: it depends on the key alone, and is the
 * same in every run and on every machine.
 */
export function keyFraction(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Returns the pages in parts of at most `maxPages` pages, a year's district never cut in two (a
 * district larger than `maxPages` makes a part of its own). Pages are grouped by their `year` and
 * `district` filters; pages with neither go with the first group. Each `listed` page (not indexed:
 * a department's page) goes to the part of its year's district, to the first part when no indexed
 * page is of that district. Deterministic: the parts depend on the pages' paths and filters only,
 * not on their order.
 *
 * Where a part ends is decided by the groups themselves (content-defined chunking), not by how full
 * the part is, so that adding, changing or removing one district changes the part that holds it and
 * seldom more, never the parts after it all (each part is indexed again only when its pages change,
 * `scripts/lib/search-cache.ts`). The groups are taken in the order of their keys (year, then
 * district), and a part ends after a group of `n` pages when its key's {@link keyFraction} is below
 * `n / (maxPages / 2)`: such an end falls every `maxPages / 2` pages on average, whatever the
 * districts' sizes, and where it falls depends on that group alone. A part also ends before a group
 * that would take it over `maxPages`: such a cut moves with the pages before it, but only up to the
 * next end the keys decide. So a change to a district changes its part; the part before it too
 * when that one was cut for this district's size, and the parts after it up to the next end the
 * keys decide when its own part was cut for size (at 3,000 districts: one part for 4 changes in 5,
 * two for the others; `test/search-parts.test.ts`). Removing the group that ends a part joins it to the next, and
 * adding one can split a part: the parts after it are numbered again, but their pages, and so their
 * index, stay the same.
 */
export function planParts(pages: readonly PartPage[], maxPages: number, listed: readonly PartPage[] = []): Part[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error('maxPages must be a positive integer');
  const groups = new Map<string, PartPage[]>();
  for (const page of [...pages].sort((a, b) => byCodeUnits(a.path, b.path))) {
    const key = groupKey(page);
    const group = groups.get(key);
    if (group) group.push(page);
    else groups.set(key, [page]);
  }
  const parts: PartPage[][] = [];
  const partOf = new Map<string, number>();
  let current: PartPage[] = [];
  const end = (): void => {
    if (current.length > 0) parts.push(current);
    current = [];
  };
  for (const key of [...groups.keys()].sort(byCodeUnits)) {
    const group = groups.get(key) ?? [];
    if (current.length + group.length > maxPages) end();
    partOf.set(key, parts.length);
    current.push(...group);
    if (keyFraction(key) < group.length / (maxPages / 2)) end();
  }
  end();
  const lists = parts.map((): PartPage[] => []);
  for (const page of [...listed].sort((a, b) => byCodeUnits(a.path, b.path))) lists[partOf.get(groupKey(page)) ?? 0]?.push(page);
  return parts.map((p, n) => ({ path: partPath(n), pages: p, listed: lists[n] ?? [] }));
}

/** Returns what the manifest says of a part. */
export function summarizePart(part: Part): PartSummary {
  const values = (key: string): string[] => [...new Set(part.pages.flatMap((p) => p.filters[key] ?? []))].sort(byCodeUnits);
  return { path: part.path, pages: part.pages.length, years: values('year'), districts: values('district') };
}

/**
 * Returns each district of the part's pages (by their `district` filter) with the departments its
 * pages name (their `unit` filters) — what a search narrowed to that district can be narrowed to
 * further — and, for each department, its pages the part lists, by year, as URLs under `basePath`
 * (the site's base path, as the index writes result URLs). Districts and departments sorted.
 */
export function partUnits(part: Part, basePath = '/'): Record<string, DistrictUnits> {
  const units = new Map<string, Map<string, Map<string, string>>>();
  const unitsOf = (district: string): Map<string, Map<string, string>> => {
    let named = units.get(district);
    if (!named) units.set(district, (named = new Map()));
    return named;
  };
  for (const page of part.pages) {
    for (const district of page.filters.district ?? []) {
      const named = unitsOf(district);
      for (const unit of page.filters.unit ?? []) if (!named.has(unit)) named.set(unit, new Map());
    }
  }
  for (const page of part.listed) {
    const [year, district, unit] = [page.filters.year?.[0], page.filters.district?.[0], page.filters.unit?.[0]];
    if (year === undefined || district === undefined || unit === undefined) continue;
    const named = unitsOf(district);
    const pages = named.get(unit) ?? new Map<string, string>();
    named.set(unit, pages.set(year, basePath + page.path.replace(/index\.html$/u, '')));
  }
  const sorted = <T>(map: Map<string, T>): [string, T][] => [...map].sort(([a], [b]) => byCodeUnits(a, b));
  return Object.fromEntries(sorted(units).map(([d, named]) => [d, Object.fromEntries(sorted(named).map(([u, pages]) => [u, Object.fromEntries(sorted(pages))]))]));
}

/** Returns the part's units files: each district's path (`districtUnitsPath`, by its place in the part's summary) → its departments (`partUnits`). */
export function unitFiles(part: Part, basePath = '/'): Map<string, DistrictUnits> {
  const units = partUnits(part, basePath);
  return new Map(summarizePart(part).districts.map((district, n) => [districtUnitsPath(part.path, n), units[district] ?? {}]));
}

/**
 * Returns the parts a search with these filters needs, in the order a search goes through them: the
 * parts holding the chosen district (and year), else the parts of the chosen year, else all; none
 * when no part holds them. The parts of the newest year come first (a part holding two years goes
 * by its newer one), in the manifest's order among the parts of one year: a search over every
 * year shows the latest year's results first. The first part is Pagefind's own and always loaded,
 * but it is listed only when it holds what the filters ask for: the search page searches these
 * parts alone (`partFilter`).
 */
export function partsFor(manifest: PartsManifest, filters: Readonly<Record<string, string | undefined>>): string[] {
  const district = filters.district || undefined;
  const year = filters.year || undefined;
  const newest = (p: PartSummary): string => p.years.reduce((a, b) => (b > a ? b : a), '');
  return manifest.parts
    .filter((p) => (district === undefined || p.districts.includes(district)) && (year === undefined || p.years.includes(year)))
    .map((p, n) => ({ path: p.path, newest: newest(p), n }))
    .sort((a, b) => (a.newest === b.newest ? a.n - b.n : a.newest < b.newest ? 1 : -1))
    .map((p) => p.path);
}

/**
 * The filter the search page gives every page of a part when it loads the part (Pagefind's
 * `mergeFilter`, a filter of the browser's alone: the index does not hold it), so that one search
 * can be kept to one part: a search over everything searches the parts one at a time, as
 * screenfuls need them (`controller.ts`).
 */
export const partFilter = 'part';

/** Returns the value of {@link partFilter} for the part at `path` (`part-1/` for the first, whose path is ''). */
export function partFilterValue(path: string): string {
  return path === '' ? 'part-1/' : path;
}
