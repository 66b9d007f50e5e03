/**
 * The departments a search narrowed to one district links above its results.
 * Department pages are not in the index (they list commitments whose records
 * already hold the department's name, `record.ts`), so the search page finds
 * them by name in the district's units file (`parts.ts`, a few hundred bytes),
 * which it loads for its department menu anyway. A search over everything
 * links none and loads nothing for them.
 *
 * Pure: no I/O.
 */
import type { DistrictUnits } from './parts.ts';
import { textContains } from './results.ts';
import { searchRuns } from './terms.ts';

/** At most this many department links above the results. */
export const unitLinkLimit = 5;

/** A department page linked above the results. */
export interface UnitLink {
  /** The department's name. */
  name: string;
  year: string;
  /** The page's URL, under the site's base path (as the units file writes it). */
  url: string;
  /** What the link says: the name, with its year (`区教育局（2023年）`) when the department has pages of several years. */
  label: string;
}

/** The departments of a district whose names hold a query. */
export interface UnitMatches {
  /** The first of them (at most `unitLinkLimit` links), in the department menu's order. */
  links: UnitLink[];
  /** How many departments with a page have a name that holds the query (shown or not). */
  total: number;
}

/** No department linked. */
export const noUnitMatches: UnitMatches = { links: [], total: 0 };

/** Returns a district's departments from the units file of each part that holds it (a district's years may be in different parts). */
export function mergeUnits(lists: readonly DistrictUnits[]): DistrictUnits {
  const units: DistrictUnits = {};
  for (const list of lists) for (const [name, pages] of Object.entries(list)) units[name] = { ...units[name], ...pages };
  return units;
}

/** Returns the departments with their pages of that year only (every year when `year` is undefined). */
export function unitsOfYear(units: DistrictUnits, year: string | undefined): DistrictUnits {
  if (year === undefined) return units;
  return Object.fromEntries(Object.entries(units).map(([name, pages]) => [name, pages[year] === undefined ? {} : { [year]: pages[year] }]));
}

/**
 * Returns the district's departments whose names hold the query (read as the search box reads it,
 * `textContains`), with their pages, newest year first. They come in `order` (the department
 * menu's order; a name it lacks follows, in the order `units` lists it), at most `limit` links;
 * departments without a page are left out. A query of no letters or digits matches none.
 */
export function unitMatches(units: DistrictUnits, query: string, order: readonly string[], limit = unitLinkLimit): UnitMatches {
  if (searchRuns(query).length === 0) return noUnitMatches;
  const names = [...new Set([...order.filter((n) => Object.hasOwn(units, n)), ...Object.keys(units)])];
  const matching = names.filter((name) => Object.keys(units[name] ?? {}).length > 0 && textContains(name, query));
  const links = matching.flatMap((name) => {
    const pages = Object.entries(units[name] ?? {}).sort(([a], [b]) => Number(b) - Number(a));
    return pages.map(([year, url]): UnitLink => ({ name, year, url, label: pages.length > 1 ? `${name}（${year}年）` : name }));
  });
  return { links: links.slice(0, limit), total: matching.length };
}
