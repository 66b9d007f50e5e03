import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { districtRoutes, isDistrictOutput } from '../tools/build/shards.ts';
import { contentDir } from '../src/lib/config.ts';
import { readManifest } from '../src/lib/site/permanence.ts';
import type { Route, RouteData } from '../src/lib/site/routes.ts';
import { archiveFileRoute, commitmentRoute, districtPlaces, outputFile, privateFiles, publicPages, routedPaths, routePath, routes } from '../src/lib/site/routes.ts';
import { contentModel } from './helpers/content-model.ts';
import { fileTree } from './helpers/files.ts';

const project = join(import.meta.dirname, '..');
const pageFiles = [...fileTree(join(project, 'src', 'pages'), 'utf8').keys()];

/** Returns the public path pattern Astro gives a file under `src/pages/` (`build.format: 'directory'`). */
function astroPattern(file: string): string {
  if (file === '404.astro') return '/404.html';
  if (file.endsWith('.astro')) return `/${file.replace(/\.astro$/u, '').replace(/(?:^|\/)index$/u, '')}/`.replace(/^\/\/$/u, '/');
  return `/${file.replace(/\.ts$/u, '')}`;
}

const years = contentModel();
const data: RouteData = { years, snapshots: [] };

describe('the route table', () => {
  test('has one entry for every file under src/pages, and a file for every entry', () => {
    expect(routes.map((r) => r.file).sort()).toEqual([...pageFiles].sort());
  });

  test('gives each route the pattern Astro builds its file at', () => {
    for (const r of routes) expect(r.pattern, r.file).toBe(astroPattern(r.file));
    expect(astroPattern('[year]/[district]/[number].astro')).toBe('/[year]/[district]/[number]/');
    expect(astroPattern('index.astro')).toBe('/');
  });

  test('marks as HTML pages exactly the .astro files, and as public every route but the 404 page', () => {
    expect(routes.filter((r) => r.page).map((r) => r.file)).toEqual(routes.filter((r) => r.file.endsWith('.astro')).map((r) => r.file));
    expect(routes.filter((r) => !r.public).map((r) => r.file)).toEqual(['404.astro']);
    expect(privateFiles()).toEqual(['404.html']);
  });

  test('fills a pattern with its parameters, and refuses a missing one', () => {
    expect(routePath(commitmentRoute, { year: '2023', district: 'huaibei-xiangshan', number: '18' })).toBe('/2023/huaibei-xiangshan/18/');
    expect(() => routePath(commitmentRoute, { year: '2023', district: 'huaibei-xiangshan' })).toThrow('/[year]/[district]/[number]/: no parameter “number”');
    expect(outputFile(commitmentRoute, '/2023/huaibei-xiangshan/18/')).toBe('2023/huaibei-xiangshan/18/index.html');
    expect(outputFile(archiveFileRoute, '/archive/minsheng-2023.tar.gz')).toBe('archive/minsheng-2023.tar.gz');
  });
});

describe('the route table on the built-in content', () => {
  test('lists the five districts’ pages, 124 commitments among them', () => {
    const paths = routedPaths(data);
    expect(paths.filter((p) => p.route === commitmentRoute)).toHaveLength(124);
    expect(publicPages(years)).toContain('/2023/jinan-shizhong/units/si-fa-ju/');
  });

  test('lists exactly the URLs of the manifest (content/urls.txt), besides the files of public/ and the snapshots', () => {
    const read = readManifest(readFileSync(join(contentDir(), 'urls.txt'), 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const statics = new Set([...fileTree(join(project, 'public'), 'utf8').keys()].map((f) => `/${f}`));
    const manifest = read.entries
      .map((e) => e.url)
      .filter((u) => !statics.has(u) && !u.startsWith('/archive/minsheng-'))
      .sort();
    const listed = routedPaths(data)
      .filter((p) => p.route.public)
      .map((p) => p.path)
      .sort();
    expect(listed).toEqual(manifest);
  });

  test('puts each per-district route’s files where isDistrictOutput finds them for their own district only, and no other route’s', () => {
    const districts = years.flatMap((y) => y.districts.map((d) => d.notice));
    expect(districts).toHaveLength(5);
    for (const r of routes) {
      for (const p of r.paths(data)) {
        const file = outputFile(r, routePath(r, p.params));
        const owners = districts.filter((n) => isDistrictOutput(file, n.year, n.slug)).map((n) => n.slug);
        expect(owners, file).toEqual(r.scope === 'district' ? [p.params['district']] : []);
      }
    }
  });
});

describe('the shard split', () => {
  /** The test scripts/build-shards.ts applies to a route file. */
  const isDistrictRoute = (file: string): boolean => districtRoutes.some((r) => file.startsWith(`${r}/`));

  test('keeps for the district shards exactly the per-district routes', () => {
    for (const r of routes as readonly Route[]) expect(isDistrictRoute(r.file), r.file).toBe(r.scope === 'district');
    expect(districtRoutes).toEqual(['[year]/[district]', 'data/[year]']);
  });

  test('places a district’s files in its folder and its data file', () => {
    expect(districtPlaces(2023, 'abc')).toEqual(['2023/abc/', 'data/2023/abc.json']);
  });
});
