/**
 * The bar chart data model and the pure helpers around it: the accessible
 * table, the summary sentence, the space to reserve. Pure; runs at build time
 * (in the component) and in the browser (in the renderer).
 */

/** What a bar chart shows: one value per label per series. */
export interface ChartSpec {
  /** The categories, in display order (one bar, or one group of bars, each). */
  labels: string[];
  /** The series: each has a name (the legend and the table header) and one value per label. */
  series: { name: string; values: number[] }[];
  /** The unit written after every number, e.g. `万元`, `个`, `%`. */
  unit?: string;
  /** Bars run left to right, one row per label (best for long Chinese labels on a phone). */
  horizontal?: boolean;
  /** Series are stacked into one bar per label instead of side by side. */
  stacked?: boolean;
  /** What a label is, for the summary: `主题` gives `共12个主题` (without it: `共12项`). */
  labelKind?: string;
  /** What a series is, for the summary of more than three stacked series: `区县` gives `5个区县合计` (without it: `5类合计`). */
  seriesKind?: string;
}

/** Header text of the label column of the data table. */
const LABEL_HEADING = '项目';
/** Header text of the total column, shown for stacked charts with more than one series. */
const TOTAL_HEADING = '合计';

/** Height of a vertical chart, in pixels. */
const VERTICAL_HEIGHT = 320;
/** Horizontal charts: pixels per label around its bars. */
const LABEL_PADDING = 12;
/** Horizontal charts: pixels per bar within a label. */
const BAR_HEIGHT = 20;
/** Horizontal charts: pixels for the value axis (ticks and padding). */
const AXIS_HEIGHT = 48;
/** Pixels for the axis title that names the unit. */
const UNIT_TITLE_HEIGHT = 20;
/** Pixels for the legend (shown when there is more than one series). */
const LEGEND_HEIGHT = 32;

const numberFormat = new Intl.NumberFormat('zh-CN');

/** Returns a number written the zh-CN way, followed by the unit when there is one. */
export function formatValue(value: number, unit?: string): string {
  return `${numberFormat.format(value)}${unit ?? ''}`;
}

/** Returns whether the chart stacks more than one series into one bar per label. */
function stacksSeries(spec: ChartSpec): boolean {
  return spec.stacked === true && spec.series.length > 1;
}

/** Returns the sum of every series' value at each label. */
function labelTotals(spec: ChartSpec): number[] {
  return spec.labels.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}

/** Returns the rows of the accessible table equivalent to the chart: header cells and one row per label. */
export function tableOf(spec: ChartSpec): { head: string[]; rows: { label: string; cells: string[] }[] } {
  const withTotal = stacksSeries(spec);
  const totals = labelTotals(spec);
  const head = [LABEL_HEADING, ...spec.series.map((s) => s.name), ...(withTotal ? [TOTAL_HEADING] : [])];
  const rows = spec.labels.map((label, i) => {
    const cells = spec.series.map((s) => formatValue(s.values[i] ?? Number.NaN, spec.unit));
    if (withTotal) cells.push(formatValue(totals[i] ?? Number.NaN, spec.unit));
    return { label, cells };
  });
  return { head, rows };
}

/** Returns the height in pixels to reserve for the chart so nothing jumps when it draws (horizontal bars: per-label height plus axes; vertical: fixed). */
export function reservedHeight(spec: ChartSpec): number {
  if (spec.horizontal !== true) return VERTICAL_HEIGHT;
  const barsPerLabel = spec.stacked === true ? 1 : Math.max(1, spec.series.length);
  const perLabel = LABEL_PADDING + BAR_HEIGHT * barsPerLabel;
  const legend = spec.series.length > 1 ? LEGEND_HEIGHT : 0;
  const unitTitle = spec.unit ? UNIT_TITLE_HEIGHT : 0;
  return spec.labels.length * perLabel + AXIS_HEIGHT + unitTitle + legend;
}

/** Returns the clause naming the largest and smallest of some values by label, e.g. `最高的是“甲”（3个），最低的是“乙”（1个）`. */
function extremes(labels: readonly string[], values: readonly number[], unit: string | undefined): string {
  let max = 0;
  let min = 0;
  values.forEach((v, i) => {
    if (v > (values[max] ?? v)) max = i;
    if (v < (values[min] ?? v)) min = i;
  });
  const maxValue = values[max] ?? 0;
  const minValue = values[min] ?? 0;
  if (maxValue === minValue) return `各项均为${formatValue(maxValue, unit)}`;
  return `最高的是“${labels[max]}”（${formatValue(maxValue, unit)}），最低的是“${labels[min]}”（${formatValue(minValue, unit)}）`;
}

/** Returns a one-sentence Chinese summary of the chart's numbers (largest and smallest label, total), for people who do not see it. */
export function summarize(spec: ChartSpec): string {
  const { labels, series, unit } = spec;
  const n = labels.length;
  const count = spec.labelKind ? `共${n}个${spec.labelKind}` : `共${n}项`;
  if (n === 0 || series.length === 0) return '没有数据。';
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

  if (series.length === 1 || stacksSeries(spec)) {
    // One bar per label: the totals are what the bars show.
    const totals = labelTotals(spec);
    // Up to three stacked series are named; more would make the sentence a list.
    const names =
      series.length === 1
        ? '合计'
        : series.length <= 3
          ? `${series.map((s) => s.name).join('、')}合计`
          : spec.seriesKind
            ? `${series.length}个${spec.seriesKind}合计`
            : `${series.length}类合计`;
    if (n === 1) return `只有“${labels[0]}”一项，${names}${formatValue(totals[0] ?? 0, unit)}。`;
    return `${count}，${names}${formatValue(sum(totals), unit)}；${extremes(labels, totals, unit)}。`;
  }

  // Bars side by side: adding different series up would mean nothing, so each is summed on its own.
  if (n === 1) {
    const parts = series.map((s) => `${s.name}${formatValue(s.values[0] ?? 0, unit)}`);
    return `只有“${labels[0]}”一项：${parts.join('，')}。`;
  }
  const parts = series.map((s) => `${s.name}合计${formatValue(sum(s.values), unit)}，${extremes(labels, s.values, unit)}`);
  return `${count}；${parts.join('；')}。`;
}

/** Returns the spec validated: every series has one finite value per label; throws an Error naming the problem otherwise. */
export function checkSpec(spec: ChartSpec): ChartSpec {
  const problem = (what: string): Error => new Error(`chart spec: ${what}`);
  if (!Array.isArray(spec.labels) || spec.labels.length === 0) throw problem('labels must be a non-empty array');
  const seenLabels = new Set<string>();
  spec.labels.forEach((label, i) => {
    if (typeof label !== 'string' || label.trim() === '') throw problem(`label ${i + 1} must be a non-empty string`);
    if (seenLabels.has(label)) throw problem(`label "${label}" appears more than once`);
    seenLabels.add(label);
  });
  if (!Array.isArray(spec.series) || spec.series.length === 0) throw problem('series must be a non-empty array');
  const seenNames = new Set<string>();
  spec.series.forEach((s, i) => {
    if (typeof s.name !== 'string' || s.name.trim() === '') throw problem(`series ${i + 1} must have a non-empty name`);
    if (seenNames.has(s.name)) throw problem(`series "${s.name}" appears more than once`);
    seenNames.add(s.name);
    if (!Array.isArray(s.values)) throw problem(`series "${s.name}" has no values array`);
    if (s.values.length !== spec.labels.length) {
      throw problem(`series "${s.name}" has ${s.values.length} values for ${spec.labels.length} labels`);
    }
    s.values.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw problem(`series "${s.name}" has a value that is not a finite number at label "${spec.labels[j]}": ${String(v)}`);
      }
    });
  });
  if (spec.unit !== undefined && typeof spec.unit !== 'string') throw problem('unit must be a string');
  return spec;
}
