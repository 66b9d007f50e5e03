/**
 * The departments a search narrowed to one district links above its results (src/lib/search/units.ts):
 * department pages are not indexed, so they are found by name in the district's units file.
 */
import { describe, expect, test } from 'vitest';
import { mergeUnits, unitLinkLimit, unitMatches, unitsOfYear } from '../src/lib/search/units.ts';
import type { DistrictUnits } from '../src/lib/search/parts.ts';

const units: DistrictUnits = {
  区教育局: { '2023': '/2023/a/units/jiao-yu-ju/' },
  区民政局: { '2022': '/2022/a/units/min-zheng-ju/', '2023': '/2023/a/units/min-zheng-ju/' },
  区卫生健康委员会: { '2023': '/2023/a/units/wei-sheng-jian-kang-wei/' },
  // Named by commitments, no page of its own.
  区教育工委: {},
};

describe('unitMatches', () => {
  test('should link the departments whose names hold the query, in the order given', () => {
    const order = ['区民政局', '区教育局', '区卫生健康委员会'];
    expect(unitMatches(units, '局', order)).toEqual({
      links: [
        { name: '区民政局', year: '2023', url: '/2023/a/units/min-zheng-ju/', label: '区民政局（2023年）' },
        { name: '区民政局', year: '2022', url: '/2022/a/units/min-zheng-ju/', label: '区民政局（2022年）' },
        { name: '区教育局', year: '2023', url: '/2023/a/units/jiao-yu-ju/', label: '区教育局' },
      ],
      total: 2,
    });
  });

  test('should read the query as the search box does: each run between spaces in the name, punctuation left out', () => {
    expect(unitMatches(units, ' 委员会 卫生 ', []).links.map((l) => l.name)).toEqual(['区卫生健康委员会']);
    expect(unitMatches(units, '卫生，健康', []).links.map((l) => l.name)).toEqual(['区卫生健康委员会']);
    expect(unitMatches(units, '卫生委员会', []).links).toEqual([]);
  });

  test('should put names the order lacks after the others, as listed, and leave out departments without a page', () => {
    expect(unitMatches(units, '教育', ['区卫生健康委员会']).links.map((l) => l.name)).toEqual(['区教育局']);
    expect(unitMatches(units, '区', ['区卫生健康委员会', '区不存在局']).links.map((l) => l.name)).toEqual(['区卫生健康委员会', '区教育局', '区民政局', '区民政局']);
  });

  test('should show at most a handful of links, and count every department that matches', () => {
    const many: DistrictUnits = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`第${i + 1}街道办事处`, { '2023': `/2023/a/units/jie-dao-${i + 1}/` }]));
    const found = unitMatches(many, '街道', []);
    expect(found.links.length).toBe(unitLinkLimit);
    expect(found.total).toBe(12);
    expect(unitMatches(many, '街道', [], 2).links.map((l) => l.name)).toEqual(['第1街道办事处', '第2街道办事处']);
  });

  test('should match nothing for a query without letters or digits', () => {
    expect(unitMatches(units, '', [])).toEqual({ links: [], total: 0 });
    expect(unitMatches(units, '，。', [])).toEqual({ links: [], total: 0 });
  });
});

describe('mergeUnits', () => {
  test('should gather a district’s departments from its file in every part that holds it, years together', () => {
    const lists: DistrictUnits[] = [{ 区民政局: { '2023': '/2023/a/units/min-zheng-ju/' } }, { 区民政局: { '2022': '/2022/a/units/min-zheng-ju/' }, 区财政局: {} }];
    expect(mergeUnits(lists)).toEqual({
      区民政局: { '2023': '/2023/a/units/min-zheng-ju/', '2022': '/2022/a/units/min-zheng-ju/' },
      区财政局: {},
    });
    expect(mergeUnits([])).toEqual({});
  });
});

describe('unitsOfYear', () => {
  test('should keep each department’s page of the chosen year only, and every page without a year', () => {
    expect(unitsOfYear(units, '2022')).toEqual({ 区教育局: {}, 区民政局: { '2022': '/2022/a/units/min-zheng-ju/' }, 区卫生健康委员会: {}, 区教育工委: {} });
    expect(unitMatches(unitsOfYear(units, '2022'), '局', []).links.map((l) => l.label)).toEqual(['区民政局']);
    expect(unitsOfYear(units, undefined)).toBe(units);
  });
});
