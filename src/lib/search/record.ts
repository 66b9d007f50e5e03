/**
 * What the search index records about a page: its kind and the values it is
 * filtered by (区县, 主题, 部门, 状态). Pages pass one of these to the layout, which
 * marks `<main>` as the indexed body and writes the values as Pagefind filters.
 * Pages without one (home, overviews, the source text) are not indexed.
 *
 * A department's page is not indexed either: it lists commitments whose
 * records already hold the department's name, so a search for the name finds
 * them, and at a country's scale its pages would be a third of the index's
 * page lists (`pf_meta`, which a search over everything downloads whole). It
 * passes a `UnitListing` instead: the indexer lists it in its district's
 * units file (`parts.ts`), and a search narrowed to its district links it by
 * name (`units.ts`).
 *
 * Pure: no I/O.
 */
import type { CommitmentEntry, UnitRecord } from '../schema.ts';
import type { District, Year } from '../site/model.ts';
import { topicsUsed, unitNamed } from '../site/model.ts';
import { topicBySlug } from '../taxonomy/topics.ts';
import { perDistrictLimit } from '../site/charts.ts';
import { statusOf } from '../site/status.ts';
import { statusOrder } from '../report/status.ts';

/** The filter names in the index, with their labels for people. */
export const filterLabels = {
  type: '类型',
  year: '年份',
  district: '区县',
  topic: '主题',
  unit: '部门',
  status: '状态',
} as const;

/** A filter name. */
export type FilterKey = keyof typeof filterLabels;

/** The kinds of indexed pages, as their `type` filter values. */
export const pageTypes = {
  commitment: '事项',
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

/** Returns the names of a commitment's topics: its main topic, then its others. */
function topicNames(c: CommitmentEntry): string[] {
  return [c.topic.slug, ...(c.topic.also ?? [])].map(topicName);
}

/** Returns the values without repeats, in first-seen order. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Returns the canonical names of the departments a commitment names (as written when unknown). */
function unitNames(district: District, c: CommitmentEntry): string[] {
  return unique([...c.leadUnits, ...c.coUnits].map((name) => unitNamed(district, name)?.name ?? name));
}

/** The record of a commitment's page: its district, topics (main and others), every department it names and its status now. */
export function commitmentRecord(district: District, c: CommitmentEntry): SearchRecord {
  const units = unitNames(district, c);
  return {
    type: 'commitment',
    filters: {
      type: [pageTypes.commitment],
      year: [String(district.notice.year)],
      district: [district.notice.districtFull],
      topic: topicNames(c),
      ...(units.length > 0 ? { unit: units } : {}),
      status: [statusOf(c).status],
    },
  };
}

/** What a department's page tells the indexer (it is not indexed): its year, district and name. */
export interface UnitListing {
  year: string;
  /** The district's full name (its `district` filter value). */
  district: string;
  /** The department's name (its `unit` filter value on the commitments it names). */
  unit: string;
}

/** The listing of a department's page: its year, its district's full name and its own name. */
export function unitListing(district: District, unit: UnitRecord): UnitListing {
  return { year: String(district.notice.year), district: district.notice.districtFull, unit: unit.name };
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

/**
 * Returns the choices of the search page's filter menus, as the index writes them. Which departments
 * a district has is asked of the index when a district is chosen (a department name such as 区民政局
 * occurs in thousands of districts: listing them here made the page 1.4 MB at national scale).
 */
export function filterOptions(years: readonly Year[]): Record<FilterKey, string[]> {
  const districts = years.flatMap((y) => y.districts);
  const collator = new Intl.Collator('zh-CN');
  return {
    type: Object.values(pageTypes),
    year: years.map((y) => String(y.year)),
    district: unique(districts.map((d) => d.notice.districtFull)),
    // In the taxonomy's order, as the topic pages list them.
    topic: topicsUsed(districts, { also: true }).map((t) => t.name),
    unit: unique(districts.flatMap((d) => d.units.map((u) => u.name))).sort((a, b) => collator.compare(a, b)),
    // In the scale's order; a menu of one status (all 未见报告) is not shown.
    status: statusOrder.filter((s) => districts.some((d) => d.commitments.some((c) => statusOf(c).status === s))),
  };
}

/** A district's departments, as the search page's department menu groups them. */
export interface UnitGroup {
  /** The district's full name (the `district` filter value). */
  district: string;
  /** Its departments' names, sorted. */
  units: string[];
}

/**
 * Returns the department menu's groups, one per district (in the years' order, a district once):
 * same-named departments (区民政局) are told apart by their district. Beyond `limit` districts the
 * menu is one list of names (`filterOptions`): a group per district would make the page megabytes.
 */
export function unitGroups(years: readonly Year[], limit = perDistrictLimit): UnitGroup[] | undefined {
  const collator = new Intl.Collator('zh-CN');
  const groups = new Map<string, Set<string>>();
  for (const d of years.flatMap((y) => y.districts)) {
    const names = groups.get(d.notice.districtFull) ?? new Set<string>();
    for (const u of d.units) names.add(u.name);
    groups.set(d.notice.districtFull, names);
  }
  if (groups.size > limit) return undefined;
  return [...groups].filter(([, names]) => names.size > 0).map(([district, names]) => ({ district, units: [...names].sort((a, b) => collator.compare(a, b)) }));
}
