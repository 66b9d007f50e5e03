/**
 * Shaping content entries for listing pages. Pure.
 */
import type { CommitmentEntry, UnitRecord } from '../schema.ts';
import type { UnitFunction } from '../taxonomy/units.ts';
import { otherFunction, unitFunctions } from '../taxonomy/units.ts';
import type { District, Year } from './model.ts';
import { hasTopic, topicsUsed, unitWork } from './model.ts';
import type { Topic } from '../taxonomy/topics.ts';
import { pageTypes } from '../search/record.ts';
import { areaCount } from './areas.ts';

/**
 * A year-wide listing shows every commitment up to this many; beyond, each district's count with a
 * link to its page (a country's topic holds ≈7,500 commitments, a 5.5 MB page: BENCHMARKS.md).
 */
const itemListLimit = 300;

/** A topic's commitments in one district. */
export interface DistrictItems {
  district: District;
  items: CommitmentEntry[];
}

/** What a topic page lists: every commitment by district, or, beyond `limit`, each district's count by province. */
export type TopicListing =
  { kind: 'items'; count: number; sections: DistrictItems[] } | { kind: 'counts'; count: number; provinces: { name: string; sections: DistrictItems[] }[] };

/** Returns what the page of `topic` (a slug) lists for `year` (main topic or other, `hasTopic`): districts in the year's order, provinces in order of first appearance. */
export function topicListing(year: Year, topic: string, limit = itemListLimit): TopicListing {
  const sections = year.districts.map((district) => ({ district, items: district.commitments.filter((c) => hasTopic(c, topic)) })).filter((s) => s.items.length > 0);
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  if (count <= limit) return { kind: 'items', count, sections };
  const provinces = new Map<string, DistrictItems[]>();
  for (const s of sections) {
    const list = provinces.get(s.district.notice.province);
    if (list) list.push(s);
    else provinces.set(s.district.notice.province, [s]);
  }
  return { kind: 'counts', count, provinces: [...provinces].map(([name, list]) => ({ name, sections: list })) };
}

/** A department of a district, with what it leads and co-operates on. */
export interface UnitItem {
  district: District;
  unit: UnitRecord;
  lead: number;
  co: number;
}

/** A department name across districts (区民政局 is in most of them). */
export interface UnitName {
  name: string;
  districts: number;
  lead: number;
  co: number;
}

/** What the departments index lists per function: every district's departments, or, beyond `limit` departments, each name once. */
export type UnitListing =
  { kind: 'units'; count: number; groups: { fn: UnitFunction; units: UnitItem[] }[] } | { kind: 'names'; count: number; groups: { fn: UnitFunction; names: UnitName[] }[] };

/**
 * Returns what the year's departments index lists: by function (in the taxonomy's order, only those
 * that occur), every district's departments in the year's order; beyond `limit` departments in all
 * (a country's year has ≈55,000), each department name once with the number of districts that have it
 * (most first, then by name).
 */
export function unitListing(year: Year, limit = itemListLimit): UnitListing {
  const items = year.districts.flatMap((district) =>
    district.units.map((unit): UnitItem => {
      const work = unitWork(district, unit);
      return { district, unit, lead: work.lead.length, co: work.co.length };
    }),
  );
  const count = items.length;
  // A function the taxonomy does not know (a hand-edited registry) counts as 其他: no department is left out.
  const known = new Set(unitFunctions.map((fn) => fn.slug));
  const fnOf = (i: UnitItem): string => (known.has(i.unit.function) ? i.unit.function : otherFunction);
  const used = unitFunctions.filter((fn) => items.some((i) => fnOf(i) === fn.slug));
  if (count <= limit) return { kind: 'units', count, groups: used.map((fn) => ({ fn, units: items.filter((i) => fnOf(i) === fn.slug) })) };
  const collator = new Intl.Collator('zh-CN');
  return {
    kind: 'names',
    count,
    groups: used.map((fn) => {
      const names = new Map<string, UnitName>();
      for (const i of items.filter((x) => fnOf(x) === fn.slug)) {
        const n = names.get(i.unit.name) ?? { name: i.unit.name, districts: 0, lead: 0, co: 0 };
        n.districts += 1;
        n.lead += i.lead;
        n.co += i.co;
        names.set(i.unit.name, n);
      }
      return { fn, names: [...names.values()].sort((a, b) => b.districts - a.districts || collator.compare(a.name, b.name)) };
    }),
  };
}

/** One row of a year's topics index: a topic, how many commitments have it as their main topic, in how many districts. */
export interface TopicRow {
  topic: Topic;
  count: number;
  districts: number;
}

/** Returns the year's topics index: each taxonomy topic some commitment has as its main topic (so the counts add up to the year's), in taxonomy order. */
export function topicRows(year: Year): TopicRow[] {
  const all = year.districts.flatMap((d) => d.commitments);
  return topicsUsed(year.districts).map((t) => ({
    topic: t,
    count: all.filter((c) => c.topic.slug === t.slug).length,
    districts: year.districts.filter((d) => d.commitments.some((c) => c.topic.slug === t.slug)).length,
  }));
}

/** What a topic's page shows besides its charts: its listing, how many commitments, in which areas (`3个区、1个县`), and the search that lists them all. */
export interface TopicPage {
  listing: TopicListing;
  count: number;
  /** The districts that have commitments of the topic, counted by kind (`areaCount`). */
  areas: string;
  /** The query of the search page that lists every commitment of the topic in the year (for a topic too large to list). */
  searchQuery: string;
}

/** Returns what the page of `topic` in `year` lists (see {@link topicListing}). */
export function topicPage(year: Year, topic: Topic, limit = itemListLimit): TopicPage {
  const listing = topicListing(year, topic.slug, limit);
  const sections = listing.kind === 'items' ? listing.sections : listing.provinces.flatMap((p) => p.sections);
  return {
    listing,
    count: listing.count,
    areas: areaCount(sections.map((s) => s.district.notice.districtFull)),
    searchQuery: new URLSearchParams({ topic: topic.name, type: pageTypes.commitment, year: String(year.year) }).toString(),
  };
}
