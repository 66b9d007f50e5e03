/**
 * The indexed pages of a site, made from the site model rather than read back from the built HTML: each
 * page's output file and the marks it shows the index (`PageMarks`: summary, heading, filters), and the
 * department pages the index's parts list (`UnitListing`). The pages write the same marks from the same
 * functions (`record.ts`, `districtHeading`, the source wording's runs), and site tests compare both for
 * every page of a build.
 *
 * Made from the model, the index does not wait for the pages: `npm run build` indexes while Astro
 * renders, on the core Astro leaves idle (`scripts/build.ts`). Pure: no I/O.
 */
import type { PageMarks } from './entry.ts';
import { commitmentRecord, districtRecord, filterPairs, unitListing } from './record.ts';
import type { SearchRecord, UnitListing } from './record.ts';
import { highlightTargets } from '../site/text.ts';
import type { CommitmentEntry, NoticeEntry } from '../schema.ts';
import type { District } from '../site/model.ts';
import { commitmentRoute, districtRoute, outputFile, routePath, unitRoute } from '../site/routes.ts';
import type { RouteData } from '../site/routes.ts';

/** An indexed page: its file below the site root (`2023/jinan-shizhong/18/index.html`) and its marks. */
export interface IndexedPage {
  path: string;
  marks: PageMarks;
}

/** A department's page, listed in its district's units file but not indexed: its file and listing. */
export interface ListedPage {
  path: string;
  listing: UnitListing;
}

/** The heading (`<h1>`) of a district's notice page, which is also its search result's title. */
export function districtHeading(notice: Pick<NoticeEntry, 'districtFull' | 'year'>): string {
  return `${notice.districtFull} · ${notice.year}年民生实事`;
}

/** Returns text as the index reads it from a page: white space squashed to one space, trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Returns a record's filters as the page writes them and the index reads them: name → values, in the layout's order. */
function filtersOf(record: SearchRecord): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of filterPairs(record)) (filters[key] ??= []).push(value);
  return filters;
}

/** The marks of a commitment's page: its source wording (as the page's summary shows it), title and filters. */
export function commitmentMarks(district: District, c: CommitmentEntry): PageMarks {
  const summary = highlightTargets(c.text, c.targets)
    .map((r) => r.text)
    .join('');
  return { summary: squash(summary), heading: squash(c.title), filters: filtersOf(commitmentRecord(district, c)) };
}

/** The marks of a district's notice page: its heading and filters. */
export function districtMarks(district: District): PageMarks {
  return { summary: '', heading: squash(districtHeading(district.notice)), filters: filtersOf(districtRecord(district)) };
}

/** Returns a department page's listing as the filters the index's parts are planned by (`planParts`). */
export function listingFilters(listing: UnitListing): Record<string, string[]> {
  return { year: [listing.year], district: [listing.district], unit: [listing.unit] };
}

/** Returns the order of files a folder walk gives: by path, code unit by code unit. */
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Returns every indexed page of the site (commitments, district notices), in the order of their files' paths. */
export function indexedPages(data: RouteData): IndexedPage[] {
  const pages: IndexedPage[] = [
    ...commitmentRoute
      .paths(data)
      .map((p) => ({ path: outputFile(commitmentRoute, routePath(commitmentRoute, p.params)), marks: commitmentMarks(p.props.district, p.props.commitment) })),
    ...districtRoute.paths(data).map((p) => ({ path: outputFile(districtRoute, routePath(districtRoute, p.params)), marks: districtMarks(p.props.district) })),
  ];
  return pages.sort(byPath);
}

/** Returns every department page of the site with its listing, in the order of their files' paths. */
export function listedPages(data: RouteData): ListedPage[] {
  return unitRoute
    .paths(data)
    .map((p) => ({ path: outputFile(unitRoute, routePath(unitRoute, p.params)), listing: unitListing(p.props.district, p.props.unit) }))
    .sort(byPath);
}
