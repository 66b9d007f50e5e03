/**
 * The site's data model, shaped from the content collections: years, their
 * districts, each district's commitments and departments. Pure.
 */
import { byCodeUnits } from '../order.ts';
import type { CommitmentEntry, NoticeEntry, ReportEntry, UnitRecord, UnitRegistry } from '../schema.ts';
import type { Topic } from '../taxonomy/topics.ts';
import { topics } from '../taxonomy/topics.ts';

/** One notice with everything that hangs off it. */
export interface District {
  notice: NoticeEntry;
  /** In number order. */
  commitments: CommitmentEntry[];
  /** Departments, by slug. */
  units: UnitRecord[];
  /** Progress reports on the notice, by as-of date (then slug). */
  reports: ReportEntry[];
}

/** One year's notices. */
export interface Year {
  year: number;
  /** Districts in a stable order: province, city, district name (Chinese collation), slug. */
  districts: District[];
}

const collator = new Intl.Collator('zh-CN');

/** Returns the years (newest first), each with its districts, commitments and departments. */
export function buildModel(
  notices: readonly NoticeEntry[],
  commitments: readonly CommitmentEntry[],
  registries: readonly UnitRegistry[],
  reports: readonly ReportEntry[] = [],
): Year[] {
  // Each notice's commitments, departments and reports found by one key, not by a search through all of
  // them per notice: a national year has 3,000 notices and 98,000 commitments.
  const key = (year: number, district: string): string => `${year}/${district}`;
  const commitmentsOf = groupBy(commitments, (c) => key(c.year, c.district));
  const registryOf = new Map<string, UnitRegistry>();
  for (const r of registries) if (!registryOf.has(key(r.year, r.district))) registryOf.set(key(r.year, r.district), r);
  const reportsOf = groupBy(reports, (r) => key(r.year, r.notice));
  const years = [...new Set(notices.map((n) => n.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    districts: notices
      .filter((n) => n.year === year)
      .sort((a, b) => collator.compare(a.province, b.province) || collator.compare(a.city, b.city) || collator.compare(a.district, b.district) || byCodeUnits(a.slug, b.slug))
      .map((notice) => ({
        notice,
        commitments: [...(commitmentsOf.get(key(year, notice.slug)) ?? [])].sort((a, b) => a.number - b.number),
        units: [...(registryOf.get(key(year, notice.slug))?.units ?? [])].sort((a, b) => byCodeUnits(a.slug, b.slug)),
        reports: [...(reportsOf.get(key(year, notice.slug)) ?? [])].sort((a, b) => byCodeUnits(a.asOf ?? a.date ?? '', b.asOf ?? b.date ?? '') || byCodeUnits(a.slug, b.slug)),
      })),
  }));
}

/** Returns the items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Returns whether a commitment belongs to a topic (a slug), as its main topic or as one of its others. */
export function hasTopic(c: CommitmentEntry, topic: string): boolean {
  return c.topic.slug === topic || (c.topic.also ?? []).includes(topic);
}

/**
 * Returns the topics of the taxonomy, in its order, that a commitment of `districts` has as its main
 * topic, or with `also`, as its main topic or one of its others (`hasTopic`): the topics a year's charts
 * and topic index count (main), and the topics that have a page, a search choice or a facet value (also).
 */
export function topicsUsed(districts: readonly District[], { also = false }: { also?: boolean } = {}): Topic[] {
  const used = new Set(districts.flatMap((d) => d.commitments.flatMap((c) => (also ? [c.topic.slug, ...(c.topic.also ?? [])] : [c.topic.slug]))));
  return topics.filter((t) => used.has(t.slug));
}

/** Returns the department a name (as written in a commitment) refers to. */
export function unitNamed(district: District, name: string): UnitRecord | undefined {
  return district.units.find((u) => u.name === name || u.aliases.includes(name));
}

/** A department name as a commitment writes it, with the department it refers to when the district's departments file knows it. */
export interface NamedUnit {
  name: string;
  unit: UnitRecord | undefined;
}

/** Returns each name (as written in a commitment) with the department it refers to, in order. */
export function namedUnits(district: District, names: readonly string[]): NamedUnit[] {
  return names.map((name) => ({ name, unit: unitNamed(district, name) }));
}

/** Returns what a department leads and what it co-operates on, in number order. */
export function unitWork(district: District, unit: UnitRecord): { lead: CommitmentEntry[]; co: CommitmentEntry[] } {
  const names = new Set([unit.name, ...unit.aliases]);
  return {
    lead: district.commitments.filter((c) => c.leadUnits.some((n) => names.has(n))),
    co: district.commitments.filter((c) => c.coUnits.some((n) => names.has(n))),
  };
}

/** Returns the commitments before and after `number` in the same notice. */
export function neighbours(district: District, number: number): { prev?: CommitmentEntry; next?: CommitmentEntry } {
  const i = district.commitments.findIndex((c) => c.number === number);
  const result: { prev?: CommitmentEntry; next?: CommitmentEntry } = {};
  const prev = i > 0 ? district.commitments[i - 1] : undefined;
  const next = i >= 0 ? district.commitments[i + 1] : undefined;
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

/** Returns the commitments grouped by the notice's own headings (one unnamed group when it has none). */
export function byHeading(district: District): { name?: string; declaredCount?: number; items: CommitmentEntry[] }[] {
  const { groups } = district.notice;
  if (groups.length === 0) return [{ items: district.commitments }];
  const grouped = groups.map((g) => {
    const group: { name?: string; declaredCount?: number; items: CommitmentEntry[] } = {
      name: g.name,
      items: district.commitments.filter((c) => g.items.includes(c.number)),
    };
    if (g.declaredCount !== undefined) group.declaredCount = g.declaredCount;
    return group;
  });
  const placed = new Set(groups.flatMap((g) => g.items));
  const rest = district.commitments.filter((c) => !placed.has(c.number));
  return rest.length > 0 ? [...grouped, { items: rest }] : grouped;
}

/** Returns how many items of each key there are, in first-seen order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
