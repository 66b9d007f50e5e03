/**
 * The indexed pages of a site, made from the site model rather than read back from the built HTML: each
 * page's output file and the marks it shows the index (`PageMarks`: summary, heading, filters). The
 * pages write the same marks from the same functions (`record.ts`, `searchHeading`, the source wording's
 * runs), and a site test compares both for every indexed page of a build.
 *
 * Made from the model, the index does not wait for the pages: `npm run build` indexes while Astro
 * renders, on the core Astro leaves idle (`scripts/build.ts`). Pure: no I/O.
 */
import type { PageMarks } from './entry.ts';
import { commitmentRecord, districtRecord, filterPairs, unitRecord } from './record.ts';
import type { SearchRecord } from './record.ts';
import { highlightTargets } from '../site/text.ts';
import type { CommitmentEntry, NoticeEntry, UnitRecord } from '../schema.ts';
import type { District } from '../site/model.ts';
import { commitmentRoute, districtRoute, outputFile, routePath, unitRoute } from '../site/routes.ts';
import type { RouteData } from '../site/routes.ts';

/** An indexed page: its file below the site root (`2023/jinan-shizhong/18/index.html`) and its marks. */
export interface IndexedPage {
  path: string;
  marks: PageMarks;
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

/** The marks of a department's page: its name and filters. */
export function unitMarks(district: District, unit: UnitRecord): PageMarks {
  return { summary: '', heading: squash(unit.name), filters: filtersOf(unitRecord(district, unit)) };
}

/** Returns every indexed page of the site, in the order of their files' paths (the order a folder walk gives). */
export function indexedPages(data: RouteData): IndexedPage[] {
  const file = (route: typeof commitmentRoute | typeof districtRoute | typeof unitRoute, params: Record<string, string>): string => outputFile(route, routePath(route, params));
  const pages: IndexedPage[] = [
    ...commitmentRoute.paths(data).map((p) => ({ path: file(commitmentRoute, p.params), marks: commitmentMarks(p.props.district, p.props.commitment) })),
    ...districtRoute.paths(data).map((p) => ({ path: file(districtRoute, p.params), marks: districtMarks(p.props.district) })),
    ...unitRoute.paths(data).map((p) => ({ path: file(unitRoute, p.params), marks: unitMarks(p.props.district, p.props.unit) })),
  ];
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
