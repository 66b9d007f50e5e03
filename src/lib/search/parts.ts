/**
 * Splitting the search index into parts. One Pagefind index over a whole
 * country's year (≈158,000 pages) needs more memory than a build machine has
 * (BENCHMARKS.md), so `scripts/search-index.ts` writes the index in parts of
 * at most so many pages, each a Pagefind bundle of its own, and the search
 * page merges the parts it needs with Pagefind's `mergeIndex` — all of them
 * for a search over everything, only a district's own part when the search is
 * narrowed to that district (or a year's parts for a year).
 *
 * A district's pages of one year always stay together in one part. The first
 * part is `pagefind/` itself (where a site with one part has always had its
 * index); the others are `pagefind/part-2/`, `pagefind/part-3/`…, listed with
 * the districts and years they hold in `pagefind/parts.json`. Each part also has
 * a `units.json` of its districts' departments, for the department menu.
 *
 * Pure: no I/O.
 */
import { byCodeUnits } from '../order.ts';

/** The manifest's file name, in the first part's directory. */
export const partsFile = 'parts.json';

/** In each part's directory: each of its districts' departments (`partUnits`), for the search page's department menu. */
export const unitsFile = 'units.json';

/** Pages per part unless told otherwise: about 3 GB of Pagefind's memory (BENCHMARKS.md). */
export const defaultMaxPages = 20_000;

/** A page to index, with its filter values as the page writes them. */
export interface PartPage {
  path: string;
  filters: Record<string, string[]>;
}

/** One part of the index: where it goes (relative to `pagefind/`) and what it holds. */
export interface Part {
  /** '' for the first part, `part-2/`… for the others. */
  path: string;
  pages: PartPage[];
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
}

/** Returns the directory of the `n`-th part (from 0), relative to `pagefind/`. */
export function partPath(n: number): string {
  return n === 0 ? '' : `part-${n + 1}/`;
}

/**
 * Returns the pages in parts of at most `maxPages` pages, a year's district never cut in two (a
 * district larger than `maxPages` makes a part of its own). Pages are grouped by their `year` and
 * `district` filters; pages with neither go with the first group. Deterministic: the parts depend on
 * the pages' paths and filters only, not on their order.
 */
export function planParts(pages: readonly PartPage[], maxPages: number): Part[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error('maxPages must be a positive integer');
  const groups = new Map<string, PartPage[]>();
  for (const page of [...pages].sort((a, b) => byCodeUnits(a.path, b.path))) {
    const key = `${page.filters.year?.[0] ?? ''}\u0000${page.filters.district?.[0] ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(page);
    else groups.set(key, [page]);
  }
  const parts: PartPage[][] = [];
  let current: PartPage[] = [];
  for (const key of [...groups.keys()].sort(byCodeUnits)) {
    const group = groups.get(key) ?? [];
    if (current.length > 0 && current.length + group.length > maxPages) {
      parts.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) parts.push(current);
  return parts.map((p, n) => ({ path: partPath(n), pages: p }));
}

/** Returns what the manifest says of a part. */
export function summarizePart(part: Part): PartSummary {
  const values = (key: string): string[] => [...new Set(part.pages.flatMap((p) => p.filters[key] ?? []))].sort(byCodeUnits);
  return { path: part.path, pages: part.pages.length, years: values('year'), districts: values('district') };
}

/**
 * Returns each district of the part (by its `district` filter) with the departments its pages name
 * (their `unit` filters), sorted: what a search narrowed to that district can be narrowed to further.
 */
export function partUnits(part: Part): Record<string, string[]> {
  const units = new Map<string, Set<string>>();
  for (const page of part.pages) {
    for (const district of page.filters.district ?? []) {
      const set = units.get(district) ?? new Set<string>();
      for (const unit of page.filters.unit ?? []) set.add(unit);
      units.set(district, set);
    }
  }
  return Object.fromEntries([...units].sort(([a], [b]) => byCodeUnits(a, b)).map(([d, set]) => [d, [...set].sort(byCodeUnits)]));
}

/**
 * Returns the parts a search with these filters needs: the parts holding the chosen district (and
 * year), else the parts of the chosen year, else all. The first part is always among them (it is the
 * one Pagefind is loaded from).
 */
export function partsFor(manifest: PartsManifest, filters: Readonly<Record<string, string | undefined>>): string[] {
  const district = filters.district || undefined;
  const year = filters.year || undefined;
  return manifest.parts
    .filter((p, n) => n === 0 || ((district === undefined || p.districts.includes(district)) && (year === undefined || p.years.includes(year))))
    .map((p) => p.path);
}
