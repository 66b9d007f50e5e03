/**
 * The numbers behind each chart of the site, as chart specs. Pure.
 */
import type { ChartSpec } from '../charts/spec.ts';
import type { Indicator } from '../taxonomy/indicators.ts';
import { indicators, indicatorValues } from '../taxonomy/indicators.ts';
import type { District, Year } from './model.ts';
import { countBy, topicsUsed, unitNamed } from './model.ts';

/**
 * A year-wide chart or overview shows each district up to this many; beyond, one series, bar or
 * section per province (a country's year has ≈3,000 districts: no chart or table of that many rows
 * can be read).
 */
export const perDistrictLimit = 12;

/** The rows of a year-wide chart or overview: its districts, or its provinces when there are more districts than `limit`. */
export interface DistrictGroups {
  by: 'district' | 'province';
  groups: { name: string; districts: District[] }[];
}

/** Returns how a year-wide chart or overview groups the districts (in the year's order; provinces in order of first appearance). */
export function districtGroups(districts: readonly District[], limit = perDistrictLimit): DistrictGroups {
  if (districts.length <= limit) return { by: 'district', groups: districts.map((d) => ({ name: d.notice.districtFull, districts: [d] })) };
  const provinces = new Map<string, District[]>();
  for (const d of districts) {
    const list = provinces.get(d.notice.province);
    if (list) list.push(d);
    else provinces.set(d.notice.province, [d]);
  }
  return { by: 'province', groups: [...provinces].map(([name, list]) => ({ name, districts: list })) };
}

/** The word for a chart's rows: 区县 or 省份. */
export const groupLabel = { district: '区县', province: '省份' } as const;

/** Returns commitments per topic, one stacked bar per topic, one series per district (per province beyond `perDistrictLimit` districts). */
export function topicsByDistrict(year: Year): ChartSpec {
  const rows = topicsUsed(year.districts);
  const grouping = districtGroups(year.districts);
  return {
    labels: rows.map((t) => t.name),
    series: grouping.groups.map((g) => ({
      name: g.name,
      values: rows.map((t) => g.districts.reduce((n, d) => n + d.commitments.filter((c) => c.topic.slug === t.slug).length, 0)),
    })),
    unit: '项',
    horizontal: true,
    stacked: true,
    labelKind: '主题',
    seriesKind: groupLabel[grouping.by],
  };
}

/** Returns a district's commitments per topic. */
export function topicsOfDistrict(district: District): ChartSpec {
  const rows = topicsUsed([district]);
  return {
    labels: rows.map((t) => t.name),
    series: [{ name: '事项数', values: rows.map((t) => district.commitments.filter((c) => c.topic.slug === t.slug).length) }],
    unit: '项',
    horizontal: true,
    labelKind: '主题',
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
    labelKind: '部门',
  };
}

/** Returns each district's (each province's beyond `perDistrictLimit` districts) number of commitments of one topic. */
export function districtsOfTopic(year: Year, topic: string): ChartSpec {
  const grouping = districtGroups(year.districts);
  const rows = grouping.groups.map((g) => [g.name, g.districts.reduce((n, d) => n + d.commitments.filter((c) => c.topic.slug === topic).length, 0)] as const);
  return {
    labels: rows.map(([name]) => name),
    series: [{ name: '事项数', values: rows.map(([, n]) => n) }],
    unit: '项',
    horizontal: true,
    labelKind: groupLabel[grouping.by],
  };
}

/**
 * Returns the districts' values of a comparable indicator (only districts that set one), or undefined
 * when fewer than two do; with `of`, how many set one. When more than `limit` districts do, only the
 * `limit` largest targets are charted (largest first, ties in the year's order).
 */
export function indicatorChart(
  year: Year,
  indicator: Indicator,
  limit = perDistrictLimit,
): { spec: ChartSpec; sources: { district: District; number: number; text: string }[]; of: number } | undefined {
  const values = indicatorValues(
    indicator,
    year.districts.flatMap((d) => d.commitments),
  );
  if (values.length < 2) return undefined;
  const bySlug = new Map(values.filter((x) => x.year === year.year).map((x) => [x.district, x] as const));
  // In the year's own district order, like every other chart of the page.
  const all = year.districts.flatMap((district) => {
    const v = bySlug.get(district.notice.slug);
    return v ? [{ district, v }] : [];
  });
  const rows = all.length <= limit ? all : [...all].sort((a, b) => b.v.target.value - a.v.target.value).slice(0, limit);
  return {
    of: all.length,
    spec: {
      labels: rows.map((r) => r.district.notice.districtFull),
      series: [{ name: indicator.name, values: rows.map((r) => r.v.target.value) }],
      unit: indicator.unit,
      horizontal: true,
      labelKind: '区县',
    },
    sources: rows.map((r) => ({ district: r.district, number: r.v.number, text: r.v.target.text })),
  };
}

/** A comparable indicator charted across a year's districts (`indicatorChart`). */
export interface IndicatorComparison {
  indicator: Indicator;
  spec: ChartSpec;
  /** The charted districts' commitments and the wording of their targets. */
  sources: { district: District; number: number; text: string }[];
  /** How many districts set a target of the indicator (more than `sources` when the chart shows only the largest). */
  of: number;
}

/** Returns the year's charts of comparable indicators (only those of `topic` when given), in the indicators' order; an indicator fewer than two districts set is left out. */
export function indicatorComparisons(year: Year, topic?: string): IndicatorComparison[] {
  return indicators
    .filter((i) => topic === undefined || i.topic === topic)
    .flatMap((indicator) => {
      const chart = indicatorChart(year, indicator);
      return chart ? [{ indicator, ...chart }] : [];
    });
}

/** Returns a comparison chart's caption: `各区县新增托位目标（个）`, or `目标最大的12个区县（共30个区县设定）…` when it shows only the largest. */
export function comparisonCaption(c: IndicatorComparison): string {
  return `${c.of > c.sources.length ? `目标最大的${c.sources.length}个区县（共${c.of}个区县设定）` : '各区县'}${c.indicator.name}目标（${c.indicator.unit}）`;
}
