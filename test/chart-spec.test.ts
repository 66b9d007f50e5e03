import { describe, expect, test } from 'vitest';
import type { ChartSpec } from '../src/lib/charts/spec.ts';
import { checkSpec, reservedHeight, summarize, tableOf } from '../src/lib/charts/spec.ts';

/** Three districts, one series, a unit. */
const single: ChartSpec = {
  labels: ['市中区', '薛城区', '峄城区'],
  series: [{ name: '新增托位', values: [675, 1200, 80] }],
  unit: '个',
};

/** Two labels, two series stacked horizontally, large numbers. */
const stacked: ChartSpec = {
  labels: ['教育', '医疗'],
  series: [
    { name: '区级财政', values: [12000, 3500.5] },
    { name: '上级补助', values: [8000, 1500] },
  ],
  unit: '万元',
  horizontal: true,
  stacked: true,
};

/** Two labels, two series side by side, no unit. */
const grouped: ChartSpec = {
  labels: ['2023年', '2024年'],
  series: [
    { name: '计划', values: [10, 12] },
    { name: '完成', values: [9, 12] },
  ],
};

describe('tableOf', () => {
  test('gives a label column and one column per series, with numbers in zh-CN format followed by the unit', () => {
    expect(tableOf(single)).toEqual({
      head: ['项目', '新增托位'],
      rows: [
        { label: '市中区', cells: ['675个'] },
        { label: '薛城区', cells: ['1,200个'] },
        { label: '峄城区', cells: ['80个'] },
      ],
    });
  });

  test('adds a total column when more than one series is stacked', () => {
    expect(tableOf(stacked)).toEqual({
      head: ['项目', '区级财政', '上级补助', '合计'],
      rows: [
        { label: '教育', cells: ['12,000万元', '8,000万元', '20,000万元'] },
        { label: '医疗', cells: ['3,500.5万元', '1,500万元', '5,000.5万元'] },
      ],
    });
  });

  test('adds no total column when series stand side by side, and writes bare numbers without a unit', () => {
    expect(tableOf(grouped)).toEqual({
      head: ['项目', '计划', '完成'],
      rows: [
        { label: '2023年', cells: ['10', '9'] },
        { label: '2024年', cells: ['12', '12'] },
      ],
    });
  });

  test('writes negative numbers and fractions the zh-CN way', () => {
    const spec: ChartSpec = { labels: ['甲'], series: [{ name: '变化', values: [-1234.25] }], unit: '%' };
    expect(tableOf(spec).rows).toEqual([{ label: '甲', cells: ['-1,234.25%'] }]);
  });
});

describe('reservedHeight', () => {
  test('reserves a fixed 320 pixels for a vertical chart whatever its size', () => {
    expect(reservedHeight(single)).toBe(320);
    expect(reservedHeight(grouped)).toBe(320);
    expect(reservedHeight({ ...single, labels: Array.from({ length: 30 }, (_, i) => `第${i}项`) })).toBe(320);
  });

  test('reserves 32 pixels per label plus 48 for the axis for a horizontal single series without a unit', () => {
    const spec: ChartSpec = { labels: ['甲', '乙', '丙'], series: [{ name: '数量', values: [1, 2, 3] }], horizontal: true };
    expect(reservedHeight(spec)).toBe(3 * 32 + 48);
  });

  test('adds 20 pixels for the unit title and 32 for the legend of a stacked horizontal chart with two series', () => {
    expect(reservedHeight(stacked)).toBe(2 * 32 + 48 + 20 + 32);
  });

  test('gives each label room for every bar when horizontal series stand side by side', () => {
    expect(reservedHeight({ ...grouped, horizontal: true })).toBe(2 * (12 + 2 * 20) + 48 + 32);
  });

  test('grows with the number of labels of a horizontal chart', () => {
    const few: ChartSpec = { labels: ['甲'], series: [{ name: '数量', values: [1] }], horizontal: true };
    const many: ChartSpec = { labels: ['甲', '乙', '丙', '丁'], series: [{ name: '数量', values: [1, 2, 3, 4] }], horizontal: true };
    expect(reservedHeight(many) - reservedHeight(few)).toBe(3 * 32);
  });
});

describe('summarize', () => {
  test('names the count, total, largest and smallest label of a single series', () => {
    expect(summarize(single)).toBe('共3项，合计1,955个；最高的是“薛城区”（1,200个），最低的是“峄城区”（80个）。');
  });

  test('sums stacked series per label and names the series summed', () => {
    expect(summarize(stacked)).toBe('共2项，区级财政、上级补助合计25,000.5万元；最高的是“教育”（20,000万元），最低的是“医疗”（5,000.5万元）。');
  });

  test('counts stacked series instead of naming them when there are more than three, by their kind when given, never as 系列', () => {
    const spec: ChartSpec = {
      labels: ['教育', '医疗'],
      series: [
        { name: '甲区', values: [1, 2] },
        { name: '乙区', values: [3, 0] },
        { name: '丙区', values: [0, 1] },
        { name: '丁区', values: [2, 2] },
      ],
      unit: '项',
      stacked: true,
    };
    expect(summarize(spec)).toBe('共2项，4类合计11项；最高的是“教育”（6项），最低的是“医疗”（5项）。');
    expect(summarize({ ...spec, labelKind: '主题', seriesKind: '区县' })).toBe('共2个主题，4个区县合计11项；最高的是“教育”（6项），最低的是“医疗”（5项）。');
  });

  test('summarizes series standing side by side one by one, not added together', () => {
    expect(summarize(grouped)).toBe('共2项；计划合计22，最高的是“2024年”（12），最低的是“2023年”（10）；完成合计21，最高的是“2024年”（12），最低的是“2023年”（9）。');
  });

  test('names the first label when several share the largest or the smallest value', () => {
    const spec: ChartSpec = { labels: ['甲', '乙', '丙', '丁'], series: [{ name: '数量', values: [5, 1, 5, 1] }] };
    expect(summarize(spec)).toBe('共4项，合计12；最高的是“甲”（5），最低的是“乙”（1）。');
  });

  test('says every label has the same value when they all do', () => {
    const spec: ChartSpec = { labels: ['甲', '乙'], series: [{ name: '数量', values: [3, 3] }], unit: '所' };
    expect(summarize(spec)).toBe('共2项，合计6所；各项均为3所。');
  });

  test('says there is only one label when there is', () => {
    const spec: ChartSpec = { labels: ['甲'], series: [{ name: '数量', values: [7] }], unit: '个' };
    expect(summarize(spec)).toBe('只有“甲”一项，合计7个。');
  });

  test('lists each series of a single label side by side', () => {
    const spec: ChartSpec = {
      labels: ['甲'],
      series: [
        { name: '计划', values: [7] },
        { name: '完成', values: [6] },
      ],
    };
    expect(summarize(spec)).toBe('只有“甲”一项：计划7，完成6。');
  });

  test('says there is no data for an empty chart', () => {
    expect(summarize({ labels: [], series: [] })).toBe('没有数据。');
  });
});

describe('checkSpec', () => {
  test('returns a valid spec unchanged', () => {
    expect(checkSpec(single)).toBe(single);
    expect(checkSpec(stacked)).toBe(stacked);
  });

  test('rejects a series with fewer values than labels, naming the series and both counts', () => {
    const spec: ChartSpec = { labels: ['甲', '乙', '丙'], series: [{ name: '数量', values: [1, 2] }] };
    expect(() => checkSpec(spec)).toThrow('series "数量" has 2 values for 3 labels');
  });

  test('rejects a series with more values than labels', () => {
    const spec: ChartSpec = { labels: ['甲'], series: [{ name: '数量', values: [1, 2] }] };
    expect(() => checkSpec(spec)).toThrow('series "数量" has 2 values for 1 labels');
  });

  test('rejects NaN and infinities, naming the label', () => {
    expect(() => checkSpec({ labels: ['甲', '乙'], series: [{ name: '数量', values: [1, Number.NaN] }] })).toThrow(
      'series "数量" has a value that is not a finite number at label "乙": NaN',
    );
    expect(() => checkSpec({ labels: ['甲'], series: [{ name: '数量', values: [Number.POSITIVE_INFINITY] }] })).toThrow('at label "甲": Infinity');
  });

  test('rejects a value that is a string, as JSON data might hold', () => {
    const spec = { labels: ['甲'], series: [{ name: '数量', values: ['1'] }] } as unknown as ChartSpec;
    expect(() => checkSpec(spec)).toThrow('not a finite number at label "甲": 1');
  });

  test('rejects a chart without labels or without series', () => {
    expect(() => checkSpec({ labels: [], series: [{ name: '数量', values: [] }] })).toThrow('labels must be a non-empty array');
    expect(() => checkSpec({ labels: ['甲'], series: [] })).toThrow('series must be a non-empty array');
  });

  test('rejects empty and repeated labels', () => {
    expect(() => checkSpec({ labels: ['甲', ' '], series: [{ name: '数量', values: [1, 2] }] })).toThrow('label 2 must be a non-empty string');
    expect(() => checkSpec({ labels: ['甲', '甲'], series: [{ name: '数量', values: [1, 2] }] })).toThrow('label "甲" appears more than once');
  });

  test('rejects unnamed and repeated series', () => {
    expect(() => checkSpec({ labels: ['甲'], series: [{ name: '', values: [1] }] })).toThrow('series 1 must have a non-empty name');
    expect(() =>
      checkSpec({
        labels: ['甲'],
        series: [
          { name: '数量', values: [1] },
          { name: '数量', values: [2] },
        ],
      }),
    ).toThrow('series "数量" appears more than once');
  });

  test('accepts zero and negative values', () => {
    const spec: ChartSpec = { labels: ['甲', '乙'], series: [{ name: '变化', values: [0, -3] }] };
    expect(checkSpec(spec)).toBe(spec);
  });
});
