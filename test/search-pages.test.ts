/**
 * The indexed pages made from the site model (`src/lib/search/pages.ts`): which pages, in which order,
 * with which marks. A site test (`search.test.ts`) compares them with a real build page by page.
 */
import { describe, expect, test } from 'vitest';
import { commitmentMarks, districtHeading, indexedPages, listedPages, listingFilters } from '../src/lib/search/pages.ts';
import { marksEntry } from '../src/lib/search/entry.ts';
import { commitment, notice, oneYear, places, registry, target, units } from './helpers/records.ts';

const year = oneYear(
  [notice(places.shizhong), notice(places.hedong)],
  [
    commitment(places.shizhong, 2, { title: '新增托位', text: '新增托位675个（牵头单位：区教育体育局）', targets: [target(675, '个', '新增托位675个')], leadUnits: ['区教体局'] }),
    commitment(places.shizhong, 10, { title: '改造  老旧小区\n', text: '改造老旧小区12个' }),
    commitment(places.hedong, 1, { title: '建设口袋公园', text: '建设口袋公园3处' }),
  ],
  [registry(places.shizhong, [units.jiaoti]), registry(places.hedong, [])],
);
const pages = indexedPages({ years: [year], snapshots: [] });

describe('indexedPages', () => {
  test('lists every commitment and district page once, in the order of their files’ paths', () => {
    expect(pages.map((p) => p.path)).toEqual([
      '2023/jinan-shizhong/10/index.html',
      '2023/jinan-shizhong/2/index.html',
      '2023/jinan-shizhong/index.html',
      '2023/tianjin-hedong/1/index.html',
      '2023/tianjin-hedong/index.html',
    ]);
  });

  test('lists each department page apart, with its year, district and name, not indexed', () => {
    const listed = listedPages({ years: [year], snapshots: [] });
    expect(listed).toEqual([{ path: '2023/jinan-shizhong/units/jiao-yu-ti-yu-ju/index.html', listing: { year: '2023', district: '济南市市中区', unit: '区教育体育局' } }]);
    expect(listed[0] && listingFilters(listed[0].listing)).toEqual({ year: ['2023'], district: ['济南市市中区'], unit: ['区教育体育局'] });
  });

  test('marks a commitment with its whole source wording, its title squashed, and its filters in the layout’s order', () => {
    const shizhong = year.districts.find((d) => d.notice.slug === 'jinan-shizhong');
    const [c2, c10] = shizhong?.commitments ?? [];
    expect(shizhong && c2 && commitmentMarks(shizhong, c2)).toEqual({
      summary: '新增托位675个（牵头单位：区教育体育局）',
      heading: '新增托位',
      filters: { type: ['事项'], year: ['2023'], district: ['济南市市中区'], topic: ['其他'], unit: ['区教育体育局'], status: ['未见报告'] },
    });
    expect(shizhong && c10 && commitmentMarks(shizhong, c10).heading).toBe('改造 老旧小区');
  });

  test('gives a district page the heading the page shows', () => {
    expect(districtHeading(places.hedong)).toBe('天津市河东区 · 2023年民生实事');
    expect(pages.find((p) => p.path === '2023/tianjin-hedong/index.html')?.marks).toEqual({
      summary: '',
      heading: '天津市河东区 · 2023年民生实事',
      filters: { type: ['区县通知'], year: ['2023'], district: ['天津市河东区'] },
    });
  });

  test('makes records whose words hold the wording, the title and the names once each', () => {
    const record = marksEntry(pages.find((p) => p.path === '2023/tianjin-hedong/1/index.html')?.marks ?? { summary: '', heading: '', filters: {} });
    expect(record.meta).toEqual({ title: '建设口袋公园' });
    expect(record.content.replace(/ /gu, '')).toBe('建设口袋公园3处‧天津市河东区');
  });
});
