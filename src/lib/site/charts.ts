/**
 * The numbers behind each chart of the site, as chart specs. Pure.
 */
import type { ChartSpec } from '../charts/spec.ts';
import type { Indicator } from '../taxonomy/indicators.ts';
import { indicatorValues } from '../taxonomy/indicators.ts';
import { topics } from '../taxonomy/topics.ts';
import type { District, Year } from './model.ts';
import { countBy, unitNamed } from './model.ts';

/** Returns the topics (in taxonomy order) that at least one of the commitments has. */
function usedTopics(districts: readonly District[]): { slug: string; name: string }[] {
  const used = new Set(districts.flatMap((d) => d.commitments.map((c) => c.topic.slug)));
  return topics.filter((t) => used.has(t.slug));
}

/** Returns commitments per topic, one stacked bar per topic, one series per district. */
export function topicsByDistrict(year: Year): ChartSpec {
  const rows = usedTopics(year.districts);
  return {
    labels: rows.map((t) => t.name),
    series: year.districts.map((d) => ({
      name: d.notice.districtFull,
      values: rows.map((t) => d.commitments.filter((c) => c.topic.slug === t.slug).length),
    })),
    unit: '项',
    horizontal: true,
    stacked: true,
  };
}

/** Returns a district's commitments per topic. */
export function topicsOfDistrict(district: District): ChartSpec {
  const rows = usedTopics([district]);
  return {
    labels: rows.map((t) => t.name),
    series: [{ name: '事项数', values: rows.map((t) => district.commitments.filter((c) => c.topic.slug === t.slug).length) }],
    unit: '项',
    horizontal: true,
  };
}

/** Returns the departments that lead most of a district's commitments (at most `limit`, most first, ties by name). */
export function leadUnitsOfDistrict(district: District, limit = 12): ChartSpec {
  const counts = countBy(
    district.commitments.flatMap((c) => c.leadUnits.map((n) => unitNamed(district, n)?.name ?? n)),
    (name) => name,
  );
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
  return {
    labels: rows.map(([name]) => name),
    series: [{ name: '牵头事项数', values: rows.map(([, n]) => n) }],
    unit: '项',
    horizontal: true,
  };
}

/** Returns each district's number of commitments of one topic. */
export function districtsOfTopic(year: Year, topic: string): ChartSpec {
  const rows = year.districts.map((d) => [d.notice.districtFull, d.commitments.filter((c) => c.topic.slug === topic).length] as const);
  return {
    labels: rows.map(([name]) => name),
    series: [{ name: '事项数', values: rows.map(([, n]) => n) }],
    unit: '项',
    horizontal: true,
  };
}

/** Returns the districts' values of a comparable indicator (only districts that set one), or undefined when fewer than two do. */
export function indicatorChart(year: Year, indicator: Indicator): { spec: ChartSpec; sources: { district: District; number: number; text: string }[] } | undefined {
  const values = indicatorValues(indicator, year.districts.flatMap((d) => d.commitments));
  if (values.length < 2) return undefined;
  // In the year's own district order, like every other chart of the page.
  const rows = year.districts.flatMap((district) => {
    const v = values.find((x) => x.year === year.year && x.district === district.notice.slug);
    return v ? [{ district, v }] : [];
  });
  return {
    spec: {
      labels: rows.map((r) => r.district.notice.districtFull),
      series: [{ name: indicator.name, values: rows.map((r) => r.v.target.value) }],
      unit: indicator.unit,
      horizontal: true,
    },
    sources: rows.map((r) => ({ district: r.district, number: r.v.number, text: r.v.target.text })),
  };
}
