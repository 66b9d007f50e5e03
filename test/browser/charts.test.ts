/**
 * Charts as a reader meets them: each one draws when scrolled into view, the
 * canvas is not blank, and the data table under it says exactly what the
 * chart's `data-spec` says.
 */
import { describe, expect, test } from 'vitest';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { prepare, useSite, visit } from './harness.ts';

const site = useSite();

/** A chart figure's data spec and the data table shown under it. */
interface ChartTable {
  spec: ChartSpec;
  head: string[];
  rows: { label: string; cells: string[] }[];
}

/** Returns the number a table cell shows (`1,234个` → 1234), or NaN. */
function cellNumber(text: string, unit: string | undefined): number {
  const bare = unit !== undefined && unit !== '' && text.endsWith(unit) ? text.slice(0, -unit.length) : text;
  return /^-?[\d,]+(\.\d+)?$/u.test(bare) ? Number(bare.replace(/,/gu, '')) : Number.NaN;
}

const pages = [
  { name: 'year overview', path: '/2023/' },
  { name: 'district page', path: '/2023/huaibei-xiangshan/' },
];

for (const { name, path } of pages) {
  describe(`the charts of the ${name} (${path})`, () => {
    const opened = prepare(
      async () => {
        const v = await visit(site(), path, { width: 1280, height: 800 });
        const ids = await v.page.$$eval('figure.chart', (figures) => figures.map((f) => f.id));
        return { ...v, ids };
      },
      (v) => v.close(),
    );

    test('should have at least one chart, each with an id and a data spec', async () => {
      const { page, ids } = opened();
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id !== '')).toBe(true);
      expect(await page.locator('figure.chart:not([data-spec])').count()).toBe(0);
    });

    test('should draw every chart on a canvas that is not blank once it is scrolled into view', async () => {
      const { page, ids } = opened();
      for (const id of ids) {
        const figure = page.locator(`figure.chart[id="${id}"]`);
        await figure.scrollIntoViewIfNeeded();
        await page.waitForSelector(`figure.chart[id="${id}"][data-chart="drawn"]`, { timeout: 10_000 }).catch(async () => {
          throw new Error(`chart #${id} did not draw: data-chart="${(await figure.getAttribute('data-chart')) ?? '(unset)'}"`);
        });
        const canvas = await figure.evaluate((f) => {
          const c = f.querySelector('canvas');
          if (c === null) return { width: 0, height: 0, painted: 0, colors: 0 };
          const context = c.getContext('2d');
          if (context === null || c.width === 0 || c.height === 0) return { width: c.width, height: c.height, painted: 0, colors: 0 };
          const { data } = context.getImageData(0, 0, c.width, c.height);
          let painted = 0;
          const colors = new Set<number>();
          for (let i = 0; i < data.length; i += 4) {
            if ((data[i + 3] ?? 0) === 0) continue;
            painted++;
            if (colors.size < 64) colors.add((((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0)) >>> 0);
          }
          return { width: c.width, height: c.height, painted, colors: colors.size };
        });
        expect(canvas.width * canvas.height, `chart #${id} has a canvas of no size`).toBeGreaterThan(0);
        // Bars, axes and labels: a blank canvas has no painted pixel at all.
        expect(canvas.painted, `chart #${id}: the canvas is blank`).toBeGreaterThan((canvas.width * canvas.height) / 200);
        expect(canvas.colors, `chart #${id}: the canvas holds a single color`).toBeGreaterThan(1);
      }
    });

    test('should give every chart a data table with exactly the numbers of its data spec', async () => {
      const { page, ids } = opened();
      for (const id of ids) {
        const chart: ChartTable = await page.locator(`figure.chart[id="${id}"]`).evaluate((f) => ({
          spec: JSON.parse((f as HTMLElement).dataset.spec ?? '{}') as ChartSpec,
          head: [...f.querySelectorAll('table thead th')].map((th) => th.textContent?.trim() ?? ''),
          rows: [...f.querySelectorAll('table tbody tr')].map((tr) => ({
            label: tr.querySelector('th')?.textContent?.trim() ?? '',
            cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
          })),
        }));
        const { spec } = chart;
        const total = spec.stacked === true && spec.series.length > 1;
        expect(chart.head.slice(1), `chart #${id}: the table's columns`).toEqual([...spec.series.map((s) => s.name), ...(total ? ['合计'] : [])]);
        expect(
          chart.rows.map((r) => r.label),
          `chart #${id}: the table's rows`,
        ).toEqual(spec.labels);
        chart.rows.forEach((row, i) => {
          const numbers = row.cells.map((cell) => cellNumber(cell, spec.unit));
          const values = spec.series.map((s) => s.values[i]);
          const expected = total ? [...values, values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)] : values;
          expect(numbers, `chart #${id}, row “${row.label}”: ${row.cells.join(' | ')}`).toEqual(expected);
        });
      }
    });

    test('should log no console error and request nothing from another origin', () => {
      expect(opened().problems).toEqual([]);
    });
  });
}
