/**
 * What the search index records about a page: its kind and the values it is
 * filtered by (区县, 主题, 部门). Pages pass one of these to the layout, which
 * marks `<main>` as the indexed body and writes the values as Pagefind filters.
 * Pages without one (home, overviews, the source text) are not indexed.
 *
 * Pure: no I/O.
 */
import type { CommitmentEntry, UnitRecord } from '../schema.ts';
import type { District, Year } from '../site/model.ts';
import { unitNamed, unitWork } from '../site/model.ts';
import { topicBySlug, topics } from '../taxonomy/topics.ts';

/** The filter names in the index, with their labels for people. */
export const filterLabels = {
  type: '类型',
  year: '年份',
  district: '区县',
  topic: '主题',
  unit: '部门',
} as const;

/** A filter name. */
export type FilterKey = keyof typeof filterLabels;

/** The kinds of indexed pages, as their `type` filter values. */
export const pageTypes = {
  commitment: '事项',
  unit: '部门',
  district: '区县通知',
} as const;

/** A kind of indexed page. */
export type PageType = keyof typeof pageTypes;

/** The layout's `index` prop: a page's kind and filter values. */
export interface SearchRecord {
  type: PageType;
  /** Filter name → values (each non-empty; a page may have several departments or topics). */
  filters: Partial<Record<FilterKey, string[]>>;
}

/** Returns the topic's display name, or its slug when the taxonomy does not know it. */
function topicName(slug: string): string {
  return topicBySlug(slug)?.name ?? slug;
}

/** Returns the values without repeats, in first-seen order. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Returns the canonical names of the departments a commitment names (as written when unknown). */
function unitNames(district: District, c: CommitmentEntry): string[] {
  return unique([...c.leadUnits, ...c.coUnits].map((name) => unitNamed(district, name)?.name ?? name));
}

/** The record of a commitment's page: its district, topic and every department it names. */
export function commitmentRecord(district: District, c: CommitmentEntry): SearchRecord {
  const units = unitNames(district, c);
  return {
    type: 'commitment',
    filters: {
      type: [pageTypes.commitment],
      year: [String(district.notice.year)],
      district: [district.notice.districtFull],
      topic: [topicName(c.topic.slug)],
      ...(units.length > 0 ? { unit: units } : {}),
    },
  };
}

/** The record of a department's page: its district, itself, and the topics of what it leads or co-operates on. */
export function unitRecord(district: District, unit: UnitRecord): SearchRecord {
  const work = unitWork(district, unit);
  const topics = unique([...work.lead, ...work.co].map((c) => topicName(c.topic.slug)));
  return {
    type: 'unit',
    filters: {
      type: [pageTypes.unit],
      year: [String(district.notice.year)],
      district: [district.notice.districtFull],
      unit: [unit.name],
      ...(topics.length > 0 ? { topic: topics } : {}),
    },
  };
}

/** The record of a district's notice page: its district only (it lists every topic and department). */
export function districtRecord(district: District): SearchRecord {
  return {
    type: 'district',
    filters: { type: [pageTypes.district], year: [String(district.notice.year)], district: [district.notice.districtFull] },
  };
}

/** Returns the record's filters as `[name, value]` pairs, in a stable order, for the page to write out. */
export function filterPairs(record: SearchRecord): [FilterKey, string][] {
  const keys = Object.keys(filterLabels) as FilterKey[];
  return keys.flatMap((key) => (record.filters[key] ?? []).filter((v) => v.trim() !== '').map((v): [FilterKey, string] => [key, v]));
}

/** A choice of the search page's filter menus. */
export interface FilterOption {
  value: string;
  /** The districts it occurs in (a department name such as 区民政局 occurs in many). */
  districts: string[];
}

/** Returns the choices of the search page's filter menus, as the index writes them. */
export function filterOptions(years: readonly Year[]): Record<FilterKey, FilterOption[]> {
  const districts = years.flatMap((y) => y.districts);
  const collator = new Intl.Collator('zh-CN');
  const seen = (pairs: [string, string][]): FilterOption[] => {
    const by = new Map<string, Set<string>>();
    for (const [value, district] of pairs) by.set(value, (by.get(value) ?? new Set()).add(district));
    return [...by].map(([value, set]) => ({ value, districts: [...set] }));
  };
  const usedTopics = new Set(districts.flatMap((d) => d.commitments.map((c) => topicName(c.topic.slug))));
  return {
    type: Object.values(pageTypes).map((value) => ({ value, districts: [] })),
    year: years.map((y) => ({ value: String(y.year), districts: y.districts.map((d) => d.notice.districtFull) })),
    district: seen(districts.map((d) => [d.notice.districtFull, d.notice.districtFull])),
    // In the taxonomy's order, as the topic pages list them.
    topic: topics.map((t) => t.name).filter((name) => usedTopics.has(name)).map((value) => ({ value, districts: [] })),
    unit: seen(districts.flatMap((d) => d.units.map((u): [string, string] => [u.name, d.notice.districtFull]))).sort((a, b) =>
      collator.compare(a.value, b.value),
    ),
  };
}
