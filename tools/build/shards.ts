/**
 * Planning a sharded build: the notices split into shards of whole provinces
 * (a province larger than a shard is split by city), each built by its own
 * `astro build` for the pages of its districts only, plus one build for the
 * pages that aggregate a year or the site. Pure.
 *
 * A district's pages depend on its own notice alone, except the site
 * navigation, which links the latest year (`src/layouts/Base.astro`): a shard
 * without a notice of the latest year gets one as an anchor, built and thrown
 * away, so every shard's pages link the same year as the whole site would.
 */
import { districtPlaces, routes } from '../../src/lib/site/routes.ts';
import { byCodeUnits } from '../../src/lib/order.ts';

/** The project copy, in a sharded build's cache, that builds the pages aggregating a year or the site (its data store holds the whole content). */
export const aggregateProject = 'project-aggregate';

/** What the plan needs to know of a notice. */
export interface ShardNotice {
  year: number;
  slug: string;
  province: string;
  city: string;
}

export interface Shard {
  /** `shard-01`… */
  name: string;
  /** Provinces (some maybe in part) it holds, for the log. */
  provinces: string[];
  /** The notices whose pages it builds and keeps. */
  notices: ShardNotice[];
  /** Notices it builds only to agree with the whole site (their pages are not kept). */
  anchors: ShardNotice[];
}

const order = (a: ShardNotice, b: ShardNotice): number => byCodeUnits(a.province, b.province) || byCodeUnits(a.city, b.city) || a.year - b.year || byCodeUnits(a.slug, b.slug);

/**
 * Returns the shards of at most `maxNotices` notices each (anchors aside), whole provinces where they fit.
 * `site` is every notice of the site (default: `notices`), for the latest year an anchor stands for when
 * only some notices are built (an incremental build).
 */
export function planShards(notices: readonly ShardNotice[], maxNotices: number, site: readonly ShardNotice[] = notices): Shard[] {
  if (!Number.isInteger(maxNotices) || maxNotices < 1) throw new Error('maxNotices must be a positive integer');
  const sorted = [...notices].sort(order);
  const provinces = new Map<string, ShardNotice[]>();
  for (const n of sorted) provinces.set(n.province, [...(provinces.get(n.province) ?? []), n]);

  // Pieces: a whole province, or runs of whole cities of a province too large for one shard.
  const pieces: ShardNotice[][] = [];
  for (const list of provinces.values()) {
    if (list.length <= maxNotices) {
      pieces.push(list);
      continue;
    }
    let run: ShardNotice[] = [];
    const cities = new Map<string, ShardNotice[]>();
    for (const n of list) cities.set(n.city, [...(cities.get(n.city) ?? []), n]);
    for (const city of cities.values()) {
      if (run.length + city.length > maxNotices && run.length > 0) {
        pieces.push(run);
        run = [];
      }
      // A city larger than a shard is cut where it must.
      for (let i = 0; i < city.length; i += maxNotices) {
        const part = city.slice(i, i + maxNotices);
        if (run.length + part.length > maxNotices && run.length > 0) {
          pieces.push(run);
          run = [];
        }
        run.push(...part);
      }
    }
    if (run.length > 0) pieces.push(run);
  }

  // Pack pieces in order into shards.
  const groups: ShardNotice[][] = [];
  let current: ShardNotice[] = [];
  for (const piece of pieces) {
    if (current.length + piece.length > maxNotices && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current = [...current, ...piece];
  }
  if (current.length > 0) groups.push(current);

  const latest = Math.max(...site.map((n) => n.year));
  const anchor = [...site].sort(order).find((n) => n.year === latest);
  return groups.map((group, i) => ({
    name: `shard-${String(i + 1).padStart(2, '0')}`,
    provinces: [...new Set(group.map((n) => n.province))],
    notices: group,
    anchors: anchor && !group.some((n) => n.year === latest) ? [anchor] : [],
  }));
}

/**
 * The folders of route files (under `src/pages/`) whose routes each build one district's files
 * (`scope: 'district'` in the route table): built by the shards, left out of the aggregate build.
 */
export const districtRoutes: string[] = (() => {
  const folders = [...new Set(routes.filter((r) => r.scope === 'district').map((r) => r.file.slice(0, r.file.lastIndexOf('/'))))].sort();
  return folders.filter((f) => !folders.some((g) => g !== f && f.startsWith(`${g}/`)));
})();

/** Returns whether an output path (relative to the site root, `/`-separated) is one of the district `slug`'s files (where its routes put them). */
export function isDistrictOutput(path: string, year: number, slug: string): boolean {
  return districtPlaces(year, slug).some((place) => (place.endsWith('/') ? path.startsWith(place) : path === place));
}

/**
 * Returns each district's files among `paths` (output paths, `/`-separated), in their order: the paths
 * `isDistrictOutput` finds for it, in one pass over the paths. A shard of 500 districts writes 26,000 files:
 * asked district by district, that was 13 million calls.
 */
export function districtOutputs<N extends { year: number; slug: string }>(paths: readonly string[], districts: readonly N[]): Map<N, string[]> {
  /** Each place (a folder ending in `/`, or a file) → the districts whose files are there. */
  const at = new Map<string, N[]>();
  for (const d of districts) for (const place of districtPlaces(d.year, d.slug)) at.set(place, [...(at.get(place) ?? []), d]);
  const outputs = new Map<N, string[]>(districts.map((d) => [d, []]));
  for (const path of paths) {
    const owners = new Set(at.get(path));
    // Every folder the path lies in, from the outermost: `2023/`, `2023/abc/`, `2023/abc/1/`.
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      for (const d of at.get(path.slice(0, slash + 1)) ?? []) owners.add(d);
    }
    for (const d of owners) outputs.get(d)?.push(path);
  }
  return outputs;
}
