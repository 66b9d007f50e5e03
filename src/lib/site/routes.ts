/**
 * The route table: every file the site builds, stated once. Each route names
 * its file under `src/pages/`, its public path pattern, how its paths are
 * listed from the site model, whether one district's shard builds it or the
 * year-wide build does, and whether it is public (in the URL manifest, and in
 * the sitemap when it is an HTML page). Pages' `getStaticPaths`, the sitemap
 * (`publicPages`), the shard split (`tools/build/shards.ts`) and the URL
 * check read it. Pure.
 *
 * Adding a page: add its file under `src/pages/` and one entry here
 * (`test/routes.test.ts` fails until both agree).
 */
import type { CommitmentEntry, ReportEntry, UnitRecord } from '../schema.ts';
import type { PublishedSnapshot } from '../snapshot/published.ts';
import type { Topic } from '../taxonomy/topics.ts';
import { originalPath } from '../content/paths.ts';
import type { District, Year } from './model.ts';
import { topicsUsed } from './model.ts';
import { sitemapParts } from './pages.ts';
import { byCodeUnits } from '../order.ts';

/** What routes list their paths from: the site model and the snapshots the build publishes. */
export interface RouteData {
  /** The years, newest first (`buildModel`). */
  years: readonly Year[];
  /** The yearly snapshots the build publishes (`publishedSnapshots`); read only by the archive's file route. */
  snapshots: readonly PublishedSnapshot[];
}

/** One static path of a route, as Astro's `getStaticPaths` returns it. */
export interface StaticPath<P extends Record<string, string>, Props> {
  params: P;
  props: Props;
}

/**
 * Who builds a route's files: `district` — one district's files, built by the shard holding the
 * district; `year` — a year's aggregate; `site` — the whole site's. The last two are built by
 * the aggregate build of `npm run build:shards`.
 */
export type RouteScope = 'district' | 'year' | 'site';

/** One route of the site. */
export interface Route<P extends Record<string, string> = Record<string, string>, Props = unknown> {
  /** Its file under `src/pages/`, `/`-separated: `[year]/[district]/[number].astro`. */
  file: string;
  /** Its public path from the site root, a `[param]` for each parameter: `/[year]/[district]/[number]/`. An HTML page's ends in `/`. */
  pattern: string;
  /** Who builds it (see {@link RouteScope}). */
  scope: RouteScope;
  /** Whether it is an HTML page (its file is `<path>index.html`), not a data file. */
  page: boolean;
  /** Whether its URLs are public: in the URL manifest (`content/urls.txt`), and in the sitemap when a page. The 404 page is not. */
  public: boolean;
  /** Returns its static paths (parameters and the page's props), in build order. */
  paths(data: RouteData): StaticPath<P, Props>[];
}

/** The one path of a route without parameters. */
const single = (): StaticPath<Record<string, never>, Record<string, never>>[] => [{ params: {}, props: {} }];

/** Returns a route, its parameter and prop types kept (for the pages' `getStaticPaths`). */
function route<P extends Record<string, string>, Props>(r: Route<P, Props>): Route<P, Props> {
  return r;
}

const perYear = (data: RouteData): StaticPath<{ year: string }, { year: Year }>[] => data.years.map((year) => ({ params: { year: String(year.year) }, props: { year } }));

const perDistrict = (data: RouteData): StaticPath<{ year: string; district: string }, { district: District }>[] =>
  data.years.flatMap((y) => y.districts.map((district) => ({ params: { year: String(y.year), district: district.notice.slug }, props: { district } })));

// ---------------------------------------------------------------------------
// Site-wide

export const homeRoute = route({ file: 'index.astro', pattern: '/', scope: 'site', page: true, public: true, paths: single });
export const notFoundRoute = route({ file: '404.astro', pattern: '/404.html', scope: 'site', page: true, public: false, paths: single });
export const archiveRoute = route({ file: 'archive/index.astro', pattern: '/archive/', scope: 'site', page: true, public: true, paths: single });
export const archiveFileRoute = route({
  file: 'archive/[file].ts',
  pattern: '/archive/[file]',
  scope: 'site',
  page: false,
  public: true,
  paths: (data): StaticPath<{ file: string }, { snapshot: PublishedSnapshot }>[] => data.snapshots.map((snapshot) => ({ params: { file: snapshot.file }, props: { snapshot } })),
});
export const dataIndexRoute = route({ file: 'data/index.astro', pattern: '/data/', scope: 'site', page: true, public: true, paths: single });
export const schemaRoute = route({ file: 'data/schema.json.ts', pattern: '/data/schema.json', scope: 'site', page: false, public: true, paths: single });
export const searchRoute = route({ file: 'search.astro', pattern: '/search/', scope: 'site', page: true, public: true, paths: single });
export const statusRoute = route({ file: 'status.astro', pattern: '/status/', scope: 'site', page: true, public: true, paths: single });
export const robotsRoute = route({ file: 'robots.txt.ts', pattern: '/robots.txt', scope: 'site', page: false, public: true, paths: single });
export const sitemapRoute = route({ file: 'sitemap.xml.ts', pattern: '/sitemap.xml', scope: 'site', page: false, public: true, paths: single });
export const sitemapPartRoute = route({
  file: 'sitemap-[part].xml.ts',
  pattern: '/sitemap-[part].xml',
  scope: 'site',
  page: false,
  public: true,
  paths: (data): StaticPath<{ part: string }, { paths: string[] }>[] =>
    sitemapParts(publicPages(data.years)).map((paths, i) => ({ params: { part: String(i + 1) }, props: { paths } })),
});

// ---------------------------------------------------------------------------
// Per year

export const yearRoute = route({ file: '[year]/index.astro', pattern: '/[year]/', scope: 'year', page: true, public: true, paths: perYear });
export const feedRoute = route({ file: '[year]/feed.xml.ts', pattern: '/[year]/feed.xml', scope: 'year', page: false, public: true, paths: perYear });
export const categoriesRoute = route({ file: '[year]/categories/index.astro', pattern: '/[year]/categories/', scope: 'year', page: true, public: true, paths: perYear });
export const topicRoute = route({
  file: '[year]/categories/[topic].astro',
  pattern: '/[year]/categories/[topic]/',
  scope: 'year',
  page: true,
  public: true,
  paths: (data): StaticPath<{ year: string; topic: string }, { year: Year; topic: Topic }>[] =>
    data.years.flatMap((year) => topicsUsed(year.districts, { also: true }).map((topic) => ({ params: { year: String(year.year), topic: topic.slug }, props: { year, topic } }))),
});
export const yearUnitsRoute = route({ file: '[year]/units/index.astro', pattern: '/[year]/units/', scope: 'year', page: true, public: true, paths: perYear });
export const yearDataRoute = route({ file: 'data/[year].json.ts', pattern: '/data/[year].json', scope: 'year', page: false, public: true, paths: perYear });
export const yearCsvRoute = route({ file: 'data/[year].csv.ts', pattern: '/data/[year].csv', scope: 'year', page: false, public: true, paths: perYear });

// ---------------------------------------------------------------------------
// Per district

export const districtRoute = route({ file: '[year]/[district]/index.astro', pattern: '/[year]/[district]/', scope: 'district', page: true, public: true, paths: perDistrict });
export const commitmentRoute = route({
  file: '[year]/[district]/[number].astro',
  pattern: '/[year]/[district]/[number]/',
  scope: 'district',
  page: true,
  public: true,
  paths: (data): StaticPath<{ year: string; district: string; number: string }, { district: District; commitment: CommitmentEntry }>[] =>
    data.years.flatMap((y) =>
      y.districts.flatMap((district) =>
        district.commitments.map((commitment) => ({
          params: { year: String(y.year), district: district.notice.slug, number: String(commitment.number) },
          props: { district, commitment },
        })),
      ),
    ),
});
export const sourceRoute = route({
  file: '[year]/[district]/source.astro',
  pattern: '/[year]/[district]/source/',
  scope: 'district',
  page: true,
  public: true,
  paths: perDistrict,
});
export const sourceFileRoute = route({
  file: '[year]/[district]/source/[file].ts',
  pattern: '/[year]/[district]/source/[file]',
  scope: 'district',
  page: false,
  public: true,
  paths: (data): StaticPath<{ year: string; district: string; file: string }, { path: string; sha256: string }>[] =>
    data.years.flatMap((y) =>
      y.districts.flatMap(({ notice }) =>
        notice.original
          ? [
              {
                params: { year: String(y.year), district: notice.slug, file: notice.original.file },
                props: { path: originalPath(notice, notice.original.file), sha256: notice.original.sha256 },
              },
            ]
          : [],
      ),
    ),
});
export const unitRoute = route({
  file: '[year]/[district]/units/[unit].astro',
  pattern: '/[year]/[district]/units/[unit]/',
  scope: 'district',
  page: true,
  public: true,
  paths: (data): StaticPath<{ year: string; district: string; unit: string }, { district: District; unit: UnitRecord }>[] =>
    data.years.flatMap((y) =>
      y.districts.flatMap((district) =>
        district.units.map((unit) => ({ params: { year: String(y.year), district: district.notice.slug, unit: unit.slug }, props: { district, unit } })),
      ),
    ),
});
export const reportRoute = route({
  file: '[year]/[district]/reports/[report].astro',
  pattern: '/[year]/[district]/reports/[report]/',
  scope: 'district',
  page: true,
  public: true,
  paths: (data): StaticPath<{ year: string; district: string; report: string }, { district: District; report: ReportEntry }>[] =>
    data.years.flatMap((y) =>
      y.districts.flatMap((district) =>
        district.reports.map((report) => ({ params: { year: String(y.year), district: district.notice.slug, report: report.slug }, props: { district, report } })),
      ),
    ),
});
export const districtDataRoute = route({
  file: 'data/[year]/[district].json.ts',
  pattern: '/data/[year]/[district].json',
  scope: 'district',
  page: false,
  public: true,
  paths: perDistrict,
});

/** Every route of the site. */
export const routes: readonly Route<Record<string, string>, unknown>[] = [
  homeRoute,
  notFoundRoute,
  archiveRoute,
  archiveFileRoute,
  dataIndexRoute,
  schemaRoute,
  searchRoute,
  statusRoute,
  robotsRoute,
  sitemapRoute,
  sitemapPartRoute,
  yearRoute,
  feedRoute,
  categoriesRoute,
  topicRoute,
  yearUnitsRoute,
  yearDataRoute,
  yearCsvRoute,
  districtRoute,
  commitmentRoute,
  sourceRoute,
  sourceFileRoute,
  unitRoute,
  reportRoute,
  districtDataRoute,
];

/** Returns a route's public path for `params`: each `[name]` of its pattern replaced by the parameter. */
export function routePath(r: Pick<Route, 'pattern'>, params: Readonly<Record<string, string>>): string {
  return r.pattern.replace(/\[([a-z]+)\]/gu, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${r.pattern}: no parameter “${name}”`);
    return value;
  });
}

/** Returns the build's file (relative to the site root, `/`-separated) for a route's public path: `<path>index.html` for a page. */
export function outputFile(r: Pick<Route, 'page'>, path: string): string {
  const rel = path.replace(/^\//u, '');
  return r.page && (rel === '' || rel.endsWith('/')) ? `${rel}index.html` : rel;
}

/** Returns every path the table lists for `data`, with its route, in table order. */
export function routedPaths(data: RouteData): { route: Route; path: string }[] {
  return routes.flatMap((r) => r.paths(data).map((p) => ({ route: r, path: routePath(r, p.params) })));
}

/** Returns the path (from the site root, ending in `/`) of every public HTML page of the site, sorted, each once. 404 is not one. */
export function publicPages(years: readonly Year[]): string[] {
  const data: RouteData = { years, snapshots: [] };
  const paths = routes.filter((r) => r.page && r.public).flatMap((r) => r.paths(data).map((p) => routePath(r, p.params)));
  return [...new Set(paths)].sort(byCodeUnits);
}

/** Returns the build files of the routes that are not public (the 404 page), which the URL manifest leaves out. */
export function privateFiles(): string[] {
  return routes.filter((r) => !r.public && !r.pattern.includes('[')).map((r) => outputFile(r, r.pattern));
}

/** Where the per-district routes put a district's files, `[year]` and `[district]` left to fill: `[year]/[district]/`, `data/[year]/[district].json`. */
const districtTemplates: string[] = [
  ...new Set(
    routes
      .filter((r) => r.scope === 'district')
      .map((r) => {
        const at = r.pattern.indexOf('[district]') + '[district]'.length;
        const rest = r.pattern.slice(at);
        return `${r.pattern.slice(1, at)}${rest.startsWith('/') ? '/' : rest}`;
      }),
  ),
];

/**
 * Returns where a district's files lie, from the patterns of the per-district routes: a folder
 * (`2023/abc/`, every file below it) or a single file (`data/2023/abc.json`).
 */
export function districtPlaces(year: number, slug: string): string[] {
  return districtTemplates.map((t) => t.replace('[year]', String(year)).replace('[district]', slug));
}
