/**
 * Draws a bar chart on a canvas with chart.js. Browser only: BarChart.astro's
 * script imports it dynamically, so chart.js is a chunk of its own that loads
 * only when a chart is about to scroll into view.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { ChartSpec } from './spec.ts';
import { formatValue } from './spec.ts';

// Only what a bar chart needs, so the bundle leaves the rest of chart.js out.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** The system Chinese font stack: no web font to download. */
const FONT_FAMILY = 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Colors used when the CSS custom properties are not set (the light theme of BarChart.astro). */
const FALLBACK_SERIES = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];
const FALLBACK_TEXT = '#374151';
const FALLBACK_GRID = '#e5e7eb';

/** Horizontal charts: labels longer than this many characters wrap onto a second line. */
const LINE_CHARS = 8;

interface Colors {
  series: string[];
  text: string;
  grid: string;
  /** Label size in CSS pixels: `--chart-font` (larger in 关怀版), else 12. */
  fontSize: number;
}

/** Returns the chart colors from the CSS custom properties on the canvas's figure (or :root), read now so the current color scheme applies. */
function readColors(canvas: HTMLCanvasElement): Colors {
  const owner = canvas.closest('figure') ?? document.documentElement;
  const styles = [getComputedStyle(owner), getComputedStyle(document.documentElement)];
  const read = (name: string, fallback: string): string => {
    for (const style of styles) {
      const value = style.getPropertyValue(name).trim();
      if (value !== '') return value;
    }
    return fallback;
  };
  return {
    series: FALLBACK_SERIES.map((fallback, i) => read(`--chart-${i + 1}`, fallback)),
    text: read('--chart-text', FALLBACK_TEXT),
    grid: read('--chart-grid', FALLBACK_GRID),
    fontSize: Number(read('--chart-font', '12')) || 12,
  };
}

/** Returns a label as at most two lines of LINE_CHARS characters (chart.js draws an array as lines), the rest cut with an ellipsis. */
function wrapLabel(label: string): string | string[] {
  const chars = [...label];
  if (chars.length <= LINE_CHARS) return label;
  const first = chars.slice(0, LINE_CHARS).join('');
  const rest = chars.slice(LINE_CHARS);
  const second = rest.length <= LINE_CHARS ? rest.join('') : `${rest.slice(0, LINE_CHARS - 1).join('')}…`;
  return [first, second];
}

/** Returns the chart.js configuration for a spec in the given colors. */
function configOf(spec: ChartSpec, colors: Colors): ChartConfiguration<'bar', number[], string | string[]> {
  const horizontal = spec.horizontal === true;
  const stacked = spec.stacked === true;
  const several = spec.series.length > 1;
  const font = { family: FONT_FAMILY, size: colors.fontSize };
  const datasets: ChartDataset<'bar', number[]>[] = spec.series.map((s, i) => ({
    label: s.name,
    data: s.values,
    backgroundColor: colors.series[i % colors.series.length] ?? FALLBACK_TEXT,
    borderWidth: 0,
    maxBarThickness: 40,
  }));
  const category = {
    stacked,
    grid: { display: false },
    border: { color: colors.grid },
    ticks: { color: colors.text, font, autoSkip: !horizontal },
  };
  const value = {
    stacked,
    beginAtZero: true,
    grid: { color: colors.grid },
    border: { display: false },
    ticks: { color: colors.text, font },
    title: { display: spec.unit !== undefined && spec.unit !== '', text: `单位：${spec.unit ?? ''}`, color: colors.text, font },
  };
  return {
    type: 'bar',
    data: { labels: horizontal ? spec.labels.map(wrapLabel) : spec.labels, datasets },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'zh-CN',
      scales: horizontal ? { x: value, y: category } : { x: category, y: value },
      plugins: {
        legend: {
          display: several,
          position: 'top',
          labels: { color: colors.text, font, boxWidth: 12, boxHeight: 12 },
        },
        tooltip: {
          titleFont: { ...font, weight: 'bold' },
          bodyFont: font,
          callbacks: {
            // The whole label, not the wrapped lines.
            title: (items: TooltipItem<'bar'>[]) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const text = formatValue(Number(item.raw), spec.unit);
              return several ? `${item.dataset.label ?? ''}：${text}` : text;
            },
          },
        },
      },
    },
  };
}

/** Re-reads the colors into an existing chart (after the color scheme changed). */
function recolor(chart: Chart<'bar', number[], string | string[]>, colors: Colors): void {
  chart.data.datasets.forEach((dataset, i) => {
    dataset.backgroundColor = colors.series[i % colors.series.length] ?? FALLBACK_TEXT;
  });
  const { options } = chart;
  for (const scale of Object.values(options.scales ?? {})) {
    if (scale === undefined) continue;
    if (scale.ticks) scale.ticks.color = colors.text;
    if (scale.grid && scale.grid.display !== false) scale.grid.color = colors.grid;
    if (scale.border) scale.border.color = colors.grid;
    if ('title' in scale && scale.title) scale.title.color = colors.text;
  }
  if (options.plugins?.legend?.labels) options.plugins.legend.labels.color = colors.text;
  chart.update();
}

/** Draws the spec as a bar chart on the canvas (replacing any chart already there), and redraws its colors when the color scheme changes. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart<'bar', number[], string | string[]>(canvas, configOf(spec, readColors(canvas)));
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = (): void => {
    if (!canvas.isConnected || Chart.getChart(canvas) !== chart) {
      scheme.removeEventListener('change', onChange);
      return;
    }
    recolor(chart, readColors(canvas));
  };
  scheme.addEventListener('change', onChange);
}
