/**
 * How pages show targets: chips that say what they count and whose figure it
 * is, and comparable indicators that leave out city-wide figures and standards.
 */
import { describe, expect, test } from 'vitest';
import { targetChip } from '../src/lib/site/labels.ts';
import { indicators, indicatorValues, isDistrictTarget } from '../src/lib/taxonomy/indicators.ts';
import { Target } from '../src/lib/schema.ts';
import { places, topicCommitment as commitment } from './helpers/records.ts';

const t = (fields: Partial<Target> & Pick<Target, 'value' | 'unit' | 'text'>): Target => Target.parse(fields);

describe('targetChip', () => {
  test.each<readonly [Target, string]>([
    [t({ value: 675, unit: '个', text: '新增托位675个', counts: '新增托位' }), '新增托位 675 个'],
    [t({ value: 540, unit: '个', text: '新增公办幼儿园学位540个', counts: '新增公办幼儿园学位' }), '新增公办幼儿园学位 540 个'],
    [t({ value: 17800, unit: '人', text: '新增城镇就业1.78万人以上', comparator: '>=', counts: '新增城镇就业' }), '新增城镇就业 不少于 17,800 人'],
    [t({ value: 500, unit: '件', text: '全市办理法律援助案件不少于500件', comparator: '>=', scope: 'city', counts: '办理法律援助案件' }), '全市 办理法律援助案件 不少于 500 件'],
    [t({ value: 100, unit: '个', text: '全省建成驿站100个', scope: 'province', counts: '建成驿站' }), '全省 建成驿站 100 个'],
    [t({ value: 80, unit: '元/人/月', text: '提高到每人80元/月', kind: 'standard', counts: '重度残疾人护理补贴' }), '标准 重度残疾人护理补贴 80 元/人/月'],
    [t({ value: 730, unit: '元/人/年', text: '达到每人每年730元', kind: 'standard', counts: '补助标准' }), '补助标准 730 元/人/年'],
    [t({ value: 3, unit: '个', text: '3个' }), '3 个'],
  ])('should write %j as %j', (target, chip) => {
    expect(targetChip(target)).toBe(chip);
  });
});

describe('isDistrictTarget', () => {
  test.each<readonly [Partial<Target>, boolean]>([
    [{}, true],
    [{ scope: 'district' }, true],
    [{ scope: 'city' }, false],
    [{ scope: 'province' }, false],
    [{ kind: 'standard' }, false],
  ])("should say whether %j is the district's own quantity (%s)", (fields, own) => {
    expect(isDistrictTarget(t({ value: 1, unit: '个', text: '1个', ...fields }))).toBe(own);
  });
});

describe('indicatorValues', () => {
  const childcare = indicators.find((i) => i.slug === 'childcare-places');
  if (!childcare) throw new Error('no childcare-places indicator');

  test("should take a district's own figure and pass over a city-wide one given before it", () => {
    const values = indicatorValues(childcare, [
      commitment(places.xiangshan, 1, 'childcare-education', { targets: [t({ value: 5000, unit: '个', text: '全市新增托位5000个', scope: 'city' })] }),
      commitment(places.xiangshan, 2, 'childcare-education', { targets: [t({ value: 675, unit: '个', text: '新增托位675个' })] }),
    ]);
    expect(values.map((v) => [v.number, v.target.value])).toEqual([[2, 675]]);
  });

  test("should leave out a district whose only figure is the city's", () => {
    const values = indicatorValues(childcare, [
      commitment(places.xiangshan, 1, 'childcare-education', { targets: [t({ value: 5000, unit: '个', text: '全市新增托位5000个', scope: 'city' })] }),
      commitment(places.shizhong, 1, 'childcare-education', { targets: [t({ value: 300, unit: '个', text: '新增托位300个' })] }),
    ]);
    expect(values.map((v) => v.district)).toEqual(['jinan-shizhong']);
  });
});
