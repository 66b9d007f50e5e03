import { describe, expect, test } from 'vitest';
import { CommitmentEntry, NoticeEntry, UnitRegistry } from '../src/lib/schema.ts';
import type { District, Year } from '../src/lib/site/model.ts';
import { topicListing, unitListing } from '../src/lib/site/listing.ts';
import { unitFunctions } from '../src/lib/taxonomy/units.ts';
import { districtGroups, districtsOfTopic, indicatorChart, leadUnitsOfDistrict, topicsByDistrict, topicsOfDistrict } from '../src/lib/site/charts.ts';
import type { Indicator } from '../src/lib/taxonomy/indicators.ts';
import { indicators, indicatorValues } from '../src/lib/taxonomy/indicators.ts';
import { topicBySlug } from '../src/lib/taxonomy/topics.ts';
import type { Place } from './helpers/records.ts';
import { notice as noticeEntry, oneYear as yearOf, otherSourceSha256, places, registry, target, topicCommitment as commitment, unit, units } from './helpers/records.ts';

// ---------------------------------------------------------------------------
// Hand-built records (checked against the zod schemas below).

const { shizhong, zhangdian, hedong } = places;

/** The notices of these tests carry the other source hash. */
const notice = (place: Place, more: Partial<NoticeEntry> = {}): NoticeEntry => noticeEntry(place, { sourceSha256: otherSourceSha256, ...more });

const shizhongCommitments: CommitmentEntry[] = [
  commitment(shizhong, 1, 'employment', {
    title: '建设零工市场',
    leadUnits: ['区人社局'],
    coUnits: ['区财政局'],
    targets: [{ value: 12000, unit: '人', text: '新增城镇就业1.2万人以上', comparator: '>=' }],
  }),
  commitment(shizhong, 2, 'childcare-education', {
    title: '实施安心托幼行动',
    text: '新增托位675个，托位总数达到1200个。',
    leadUnits: ['区教体局'],
    coUnits: ['区卫生健康局'],
    targets: [target(675, '个', '新增托位675个'), target(1200, '个', '托位总数达到1200个')],
  }),
  commitment(shizhong, 3, 'housing-renewal', { title: '老旧小区改造', leadUnits: ['区住建局'], targets: [target(34, '个', '改造城镇老旧小区34个')] }),
  commitment(shizhong, 4, 'employment', { title: '开展职业技能培训', leadUnits: ['区人力资源和社会保障局'], coUnits: ['区财政局'] }),
  commitment(shizhong, 5, 'environment', { title: '城市积水点改造', leadUnits: ['区住房和城乡建设局', '区水务局'] }),
  commitment(shizhong, 6, 'social-security', { title: '提高困难群众救助标准', leadUnits: ['区民政局', '区退役军人事务局'] }),
  commitment(shizhong, 7, 'childcare-education', { title: '建设普惠托育机构', targets: [target(90, '个', '新增托位90个')] }),
];

const shizhongUnits = registry(shizhong, [
  units.renshe,
  units.zhujian,
  units.jiaoti,
  units.minzheng,
  unit('shui-wu-ju', '区水务局', [], 'water'),
  units.caizheng,
  unit('wei-sheng-jian-kang-ju', '区卫生健康局', ['区卫健局'], 'health'),
]);

const zhangdianCommitments: CommitmentEntry[] = [
  commitment(zhangdian, 1, 'employment', { leadUnits: ['区人社局'], targets: [target(5000, '人', '城镇新增就业5000人')] }),
  commitment(zhangdian, 2, 'childcare-education', { targets: [target(537, '个', '托位总数达到537个'), target(120, '个', '新增托位120个')] }),
  commitment(zhangdian, 3, 'housing-renewal', { targets: [target(120_000_000, '元', '老旧小区改造投资1.2亿元'), target(12, '个', '改造老旧小区12个')] }),
  commitment(zhangdian, 4, 'elderly-care'),
];

const hedongCommitments: CommitmentEntry[] = [commitment(hedong, 1, 'childcare-education', { targets: [target(300, '个', '新增托位300个')] })];

const shizhongNotice = notice(shizhong, { commitmentCount: 7 });
const zhangdianNotice = notice(zhangdian, { commitmentCount: 4 });
const hedongNotice = notice(hedong);

function first(year: Year): District {
  const d = year.districts[0];
  if (!d) throw new Error('no district');
  return d;
}

function indicator(slug: string): Indicator {
  const found = indicators.find((i) => i.slug === slug);
  if (!found) throw new Error(`no indicator ${slug}`);
  return found;
}

/** 2023: 济南市市中区 and 淄博市张店区 (given in reverse). */
const year = yearOf([zhangdianNotice, shizhongNotice], [...zhangdianCommitments, ...shizhongCommitments], [shizhongUnits]);
const district = first(year);

// ---------------------------------------------------------------------------

describe('the hand-built fixtures', () => {
  test.each([shizhongNotice, zhangdianNotice, hedongNotice])('notice $year/$slug validates against NoticeEntry', (n) => {
    const parsed = NoticeEntry.safeParse(n);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(n);
  });

  test.each([...shizhongCommitments, ...zhangdianCommitments, ...hedongCommitments])('commitment $year/$district/$number validates against CommitmentEntry', (c) => {
    const parsed = CommitmentEntry.safeParse(c);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(c);
  });

  test('the unit registry validates against UnitRegistry', () => {
    const parsed = UnitRegistry.safeParse(shizhongUnits);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(shizhongUnits);
  });

  test('every topic the fixtures use is in the taxonomy', () => {
    const used = [...shizhongCommitments, ...zhangdianCommitments, ...hedongCommitments].map((c) => c.topic.slug);
    expect(used.filter((slug) => topicBySlug(slug) === undefined)).toEqual([]);
  });

  test('the model puts 济南市市中区 before 淄博市张店区', () => {
    expect(year.districts.map((d) => d.notice.slug)).toEqual(['jinan-shizhong', 'zibo-zhangdian']);
  });
});

describe('topicsByDistrict', () => {
  test('lists only the topics that occur, in taxonomy order, with one series per district and its count per topic', () => {
    expect(topicsByDistrict(year)).toEqual({
      labels: ['就业创业', '社会保障与救助', '养老服务', '托育与教育', '住房与城市更新', '生态环境'],
      series: [
        { name: '济南市市中区', values: [2, 1, 0, 2, 1, 1] },
        { name: '淄博市张店区', values: [1, 0, 1, 1, 1, 0] },
      ],
      unit: '项',
      horizontal: true,
      stacked: true,
      labelKind: '主题',
      seriesKind: '区县',
    });
  });

  test('follows the taxonomy, not the order the commitments come in, and puts 其他 last', () => {
    const place: Place = { ...shizhong, slug: 'jinan-lixia', district: '历下区', districtFull: '济南市历下区' };
    const y = yearOf([notice(place)], [commitment(place, 1, 'other'), commitment(place, 2, 'transport'), commitment(place, 3, 'employment')]);
    expect(topicsByDistrict(y).labels).toEqual(['就业创业', '交通出行', '其他']);
  });

  test('has, for each topic, values that add up to the commitments of that topic across districts', () => {
    const spec = topicsByDistrict(year);
    const totals = spec.labels.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
    expect(totals).toEqual([3, 1, 1, 3, 2, 1]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(shizhongCommitments.length + zhangdianCommitments.length);
  });
});

describe('topicsOfDistrict', () => {
  test('counts one district’s commitments per topic it has, in taxonomy order', () => {
    expect(topicsOfDistrict(district)).toEqual({
      labels: ['就业创业', '社会保障与救助', '托育与教育', '住房与城市更新', '生态环境'],
      series: [{ name: '事项数', values: [2, 1, 2, 1, 1] }],
      unit: '项',
      horizontal: true,
      labelKind: '主题',
    });
  });

  test('gives a district without commitments an empty chart', () => {
    const y = yearOf([hedongNotice], []);
    expect(topicsOfDistrict(first(y))).toEqual({ labels: [], series: [{ name: '事项数', values: [] }], unit: '项', horizontal: true, labelKind: '主题' });
  });
});

describe('leadUnitsOfDistrict', () => {
  test('merges abbreviations with full names through the registry and sorts by count, then by name', () => {
    expect(leadUnitsOfDistrict(district)).toEqual({
      labels: ['区人力资源和社会保障局', '区住房和城乡建设局', '区教育体育局', '区民政局', '区水务局', '区退役军人事务局'],
      series: [{ name: '牵头事项数', values: [2, 2, 1, 1, 1, 1] }],
      unit: '项',
      horizontal: true,
      labelKind: '部门',
    });
  });

  test('keeps a name the registry does not know as written', () => {
    expect(leadUnitsOfDistrict(district).labels).toContain('区退役军人事务局');
  });

  test('counts abbreviations as themselves when the district has no registry', () => {
    const y = yearOf([shizhongNotice], shizhongCommitments);
    const spec = leadUnitsOfDistrict(first(y));
    expect(spec.labels).toEqual(['区人力资源和社会保障局', '区人社局', '区住建局', '区住房和城乡建设局', '区教体局', '区民政局', '区水务局', '区退役军人事务局']);
    expect(spec.series[0]?.values).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  test.each<readonly [number, string[]]>([
    [1, ['区人力资源和社会保障局']],
    [3, ['区人力资源和社会保障局', '区住房和城乡建设局', '区教育体育局']],
    [6, ['区人力资源和社会保障局', '区住房和城乡建设局', '区教育体育局', '区民政局', '区水务局', '区退役军人事务局']],
    [20, ['区人力资源和社会保障局', '区住房和城乡建设局', '区教育体育局', '区民政局', '区水务局', '区退役军人事务局']],
  ])('shows at most %i departments, the ones that lead most', (limit, labels) => {
    const spec = leadUnitsOfDistrict(district, limit);
    expect(spec.labels).toEqual(labels);
    expect(spec.series[0]?.values).toHaveLength(labels.length);
  });

  test('shows at most 12 departments by default', () => {
    const place: Place = { ...shizhong, slug: 'jinan-lixia', district: '历下区', districtFull: '济南市历下区' };
    const many = Array.from({ length: 15 }, (_, i) => commitment(place, i + 1, 'other', { leadUnits: [`第${String(i + 10)}局`] }));
    const spec = leadUnitsOfDistrict(first(yearOf([notice(place)], many)));
    expect(spec.labels).toHaveLength(12);
    expect(spec.labels[0]).toBe('第10局');
    expect(spec.labels[11]).toBe('第21局');
  });
});

describe('districtsOfTopic', () => {
  test.each<readonly [string, number[]]>([
    ['employment', [2, 1]],
    ['childcare-education', [2, 1]],
    ['elderly-care', [0, 1]],
    ['environment', [1, 0]],
    ['transport', [0, 0]],
  ])('counts each district’s commitments of %s, every district in the year’s order', (topic, values) => {
    expect(districtsOfTopic(year, topic)).toEqual({
      labels: ['济南市市中区', '淄博市张店区'],
      series: [{ name: '事项数', values }],
      unit: '项',
      horizontal: true,
      labelKind: '区县',
    });
  });
});

describe('indicatorChart', () => {
  test.each<readonly [string, string, string, number[], { number: number; text: string }[]]>([
    [
      'childcare-places',
      '新增托位',
      '个',
      [675, 120],
      [
        { number: 2, text: '新增托位675个' },
        { number: 2, text: '新增托位120个' },
      ],
    ],
    [
      'old-compounds',
      '改造老旧小区',
      '个',
      [34, 12],
      [
        { number: 3, text: '改造城镇老旧小区34个' },
        { number: 3, text: '改造老旧小区12个' },
      ],
    ],
    [
      'urban-jobs',
      '新增城镇就业',
      '人',
      [12000, 5000],
      [
        { number: 1, text: '新增城镇就业1.2万人以上' },
        { number: 1, text: '城镇新增就业5000人' },
      ],
    ],
  ])('charts %s for the districts that set it, with the clause each value comes from', (slug, name, unitWord, values, sources) => {
    const chart = indicatorChart(year, indicator(slug));
    expect(chart?.spec).toEqual({
      labels: ['济南市市中区', '淄博市张店区'],
      series: [{ name, values }],
      unit: unitWord,
      horizontal: true,
      labelKind: '区县',
    });
    expect(chart?.sources.map((s) => ({ number: s.number, text: s.text }))).toEqual(sources);
    expect(chart?.sources.map((s) => s.district)).toEqual(year.districts);
  });

  test('returns undefined when no district sets the indicator', () => {
    expect(indicatorChart(year, indicator('parking-spaces'))).toBeUndefined();
  });

  test('returns undefined when only one district sets the indicator', () => {
    expect(indicatorChart(yearOf([shizhongNotice], shizhongCommitments), indicator('childcare-places'))).toBeUndefined();
    expect(indicatorChart(yearOf([shizhongNotice, hedongNotice], [...shizhongCommitments, ...hedongCommitments]), indicator('urban-jobs'))).toBeUndefined();
  });

  test('leaves out districts that do not set the indicator', () => {
    const y = yearOf([shizhongNotice, zhangdianNotice, hedongNotice], [...shizhongCommitments, ...zhangdianCommitments, ...hedongCommitments]);
    expect(indicatorChart(y, indicator('urban-jobs'))?.spec.labels).toEqual(['济南市市中区', '淄博市张店区']);
  });

  test('lists the districts in the year’s order, as the other charts of the year do', () => {
    // The year orders 山东省 before 天津市; the slugs sort tianjin-hedong before zibo-zhangdian.
    const y = yearOf([hedongNotice, zhangdianNotice, shizhongNotice], [...hedongCommitments, ...zhangdianCommitments, ...shizhongCommitments]);
    expect(y.districts.map((d) => d.notice.districtFull)).toEqual(['济南市市中区', '淄博市张店区', '天津市河东区']);
    const chart = indicatorChart(y, indicator('childcare-places'));
    expect(chart?.spec.labels).toEqual(['济南市市中区', '淄博市张店区', '天津市河东区']);
    expect(chart?.spec.series[0]?.values).toEqual([675, 120, 300]);
  });
});

describe('indicators', () => {
  test('are the four comparable indicators, in display order, each of a known topic', () => {
    expect(indicators.map((i) => [i.slug, i.name, i.unit, i.topic])).toEqual([
      ['childcare-places', '新增托位', '个', 'childcare-education'],
      ['old-compounds', '改造老旧小区', '个', 'housing-renewal'],
      ['parking-spaces', '新增停车泊位', '个', 'transport'],
      ['urban-jobs', '新增城镇就业', '人', 'employment'],
    ]);
    expect(indicators.every((i) => topicBySlug(i.topic) !== undefined)).toBe(true);
  });

  test.each<readonly [string, string[]]>([
    ['新增托位675个', ['childcare-places']],
    ['托位新增200个', ['childcare-places']],
    ['托位总数达到537个', []],
    ['改造城镇老旧小区34个', ['old-compounds']],
    ['新增公共停车泊位1200个', ['parking-spaces']],
    ['建设停车位300个', ['parking-spaces']],
    ['新增城镇就业1.2万人以上', ['urban-jobs']],
    ['城镇新增就业5000人', ['urban-jobs']],
    ['培训3000人', []],
  ])('reads the clause %j as %j', (text, slugs) => {
    expect(indicators.filter((i) => i.pattern.test(text)).map((i) => i.slug)).toEqual(slugs);
  });
});

describe('indicatorValues', () => {
  const childcare = indicator('childcare-places');

  test('takes the first matching target of each district, by commitment number, whatever order the commitments come in', () => {
    const values = indicatorValues(childcare, [...shizhongCommitments].reverse());
    expect(values).toEqual([{ year: 2023, district: 'jinan-shizhong', number: 2, target: target(675, '个', '新增托位675个') }]);
  });

  test('skips a total (托位总数达到537个) and takes the new places that follow it', () => {
    expect(indicatorValues(childcare, zhangdianCommitments)).toEqual([{ year: 2023, district: 'zibo-zhangdian', number: 2, target: target(120, '个', '新增托位120个') }]);
  });

  test('requires the indicator’s unit', () => {
    expect(indicatorValues(indicator('old-compounds'), zhangdianCommitments).map((v) => v.target)).toEqual([target(12, '个', '改造老旧小区12个')]);
    const onlyMoney = commitment(zhangdian, 9, 'housing-renewal', { targets: [target(120_000_000, '元', '老旧小区改造投资1.2亿元')] });
    expect(indicatorValues(indicator('old-compounds'), [onlyMoney])).toEqual([]);
  });

  test('gives one value per year and district, ordered by year, then district slug', () => {
    const earlier = commitment({ ...shizhong, year: 2022 }, 5, 'childcare-education', { targets: [target(500, '个', '新增托位500个')] });
    const values = indicatorValues(childcare, [...hedongCommitments, ...zhangdianCommitments, ...shizhongCommitments, earlier]);
    expect(values.map((v) => [v.year, v.district, v.number, v.target.value])).toEqual([
      [2022, 'jinan-shizhong', 5, 500],
      [2023, 'jinan-shizhong', 2, 675],
      [2023, 'tianjin-hedong', 1, 300],
      [2023, 'zibo-zhangdian', 2, 120],
    ]);
  });

  test('returns nothing when no target counts', () => {
    expect(indicatorValues(indicator('parking-spaces'), [...shizhongCommitments, ...zhangdianCommitments])).toEqual([]);
  });
});

describe('year-wide charts with more districts than can be told apart', () => {
  /** `n` districts: the first half in 山东省, the rest in 天津市, each with one commitment per topic given. */
  function manyDistricts(n: number): Year {
    const places: Place[] = Array.from({ length: n }, (_, i) => {
      const province = i < n / 2 ? '山东省' : '天津市';
      return { year: 2023, slug: `d-${i + 1}`, province, city: `${province}${i}市`, district: `第${i + 1}区`, districtFull: `第${i + 1}区` };
    });
    return yearOf(
      places.map((p) => notice(p)),
      places.flatMap((p, i) => [commitment(p, 1, 'employment'), ...(i % 2 === 0 ? [commitment(p, 2, 'health')] : [])]),
    );
  }

  test('draws each district while there are at most 12, and each province beyond', () => {
    expect(districtGroups(manyDistricts(12).districts).by).toBe('district');
    const wide = districtGroups(manyDistricts(13).districts);
    expect(wide.by).toBe('province');
    expect(wide.groups.map((g) => [g.name, g.districts.length])).toEqual([
      ['山东省', 7],
      ['天津市', 6],
    ]);
  });

  test('adds up the provinces’ districts, every commitment counted once', () => {
    const y = manyDistricts(3000);
    const spec = topicsByDistrict(y);
    expect(spec.series.map((s) => s.name)).toEqual(['山东省', '天津市']);
    expect(spec.labels).toEqual(['就业创业', '医疗卫生']);
    expect(spec.series.map((s) => s.values)).toEqual([
      [1500, 750],
      [1500, 750],
    ]);
    expect(districtsOfTopic(y, 'health')).toEqual({
      labels: ['山东省', '天津市'],
      series: [{ name: '事项数', values: [750, 750] }],
      unit: '项',
      horizontal: true,
      labelKind: '省份',
    });
  });
});

describe('indicatorChart with more districts than can be told apart', () => {
  test('charts the largest targets only, largest first, and says how many districts set one', () => {
    const places: Place[] = Array.from({ length: 15 }, (_, i) => ({
      year: 2023,
      slug: `d-${String(i + 1).padStart(2, '0')}`,
      province: '山东省',
      city: '济南市',
      district: `第${i + 1}区`,
      districtFull: `第${i + 1}区`,
    }));
    // Targets 100, 200 … 1300, then 1500 twice: a tie, kept in the year's order.
    const y = yearOf(
      places.map((p) => notice(p)),
      places.map((p, i) => {
        const value = i === 13 ? 1500 : (i + 1) * 100;
        return commitment(p, 1, 'childcare-education', { targets: [target(value, '个', `新增托位${value}个`)] });
      }),
    );
    const chart = indicatorChart(y, indicator('childcare-places'));
    expect(chart?.of).toBe(15);
    expect(chart?.spec.labels).toEqual(['第14区', '第15区', '第13区', '第12区', '第11区', '第10区', '第9区', '第8区', '第7区', '第6区', '第5区', '第4区']);
    expect(chart?.spec.series[0]?.values).toEqual([1500, 1500, 1300, 1200, 1100, 1000, 900, 800, 700, 600, 500, 400]);
    expect(chart?.sources.map((s) => s.district.notice.districtFull)).toEqual(chart?.spec.labels);
    expect(indicatorChart(y, indicator('childcare-places'), 20)?.spec.labels).toHaveLength(15);
  });
});

describe('topicListing', () => {
  const places: Place[] = Array.from({ length: 6 }, (_, i) => {
    const province = i < 4 ? '山东省' : '天津市';
    return { year: 2023, slug: `d-${i + 1}`, province, city: `${province}${i}市`, district: `第${i + 1}区`, districtFull: `第${i + 1}区` };
  });
  // Each district has i + 1 employment commitments and one health commitment.
  const y = yearOf(
    places.map((p) => notice(p)),
    places.flatMap((p, i) => [...Array.from({ length: i + 1 }, (_, k) => commitment(p, k + 1, 'employment')), commitment(p, i + 2, 'health')]),
  );

  test('lists every commitment of the topic by district while there are at most the limit', () => {
    const listing = topicListing(y, 'employment', 21);
    expect(listing.kind).toBe('items');
    expect(listing.count).toBe(21);
    if (listing.kind !== 'items') return;
    expect(listing.sections.map((s) => [s.district.notice.slug, s.items.map((c) => c.number)])).toEqual(
      places.map((p, i) => [p.slug, Array.from({ length: i + 1 }, (_, k) => k + 1)]),
    );
  });

  test('lists each district’s count by province beyond the limit, leaving out districts without the topic', () => {
    const listing = topicListing(y, 'employment', 20);
    expect(listing.kind).toBe('counts');
    expect(listing.count).toBe(21);
    if (listing.kind !== 'counts') return;
    expect(listing.provinces.map((p) => [p.name, p.sections.map((s) => [s.district.notice.slug, s.items.length])])).toEqual([
      [
        '山东省',
        [
          ['d-1', 1],
          ['d-2', 2],
          ['d-3', 3],
          ['d-4', 4],
        ],
      ],
      [
        '天津市',
        [
          ['d-5', 5],
          ['d-6', 6],
        ],
      ],
    ]);
    expect(topicListing(y, 'transport', 0)).toEqual({ kind: 'items', count: 0, sections: [] });
  });
});

describe('unitListing', () => {
  const zhangdianUnits = registry(zhangdian, [units.renshe, units.minzheng]);
  const y = yearOf([zhangdianNotice, shizhongNotice], [...zhangdianCommitments, ...shizhongCommitments], [shizhongUnits, zhangdianUnits]);
  const leads = (d: District, name: string, field: 'leadUnits' | 'coUnits'): number => {
    const names = new Set([name, ...(d.units.find((u) => u.name === name)?.aliases ?? [])]);
    return d.commitments.filter((c) => c[field].some((n) => names.has(n))).length;
  };

  test('lists every district’s departments by function while there are at most the limit', () => {
    const listing = unitListing(y);
    expect(listing.kind).toBe('units');
    expect(listing.count).toBe(9);
    if (listing.kind !== 'units') return;
    const order = unitFunctions.map((f) => f.slug);
    expect(listing.groups.map((g) => order.indexOf(g.fn.slug))).toEqual([...listing.groups.map((g) => order.indexOf(g.fn.slug))].sort((a, b) => a - b));
    const minzheng = listing.groups.find((g) => g.fn.slug === units.minzheng.function)?.units ?? [];
    expect(minzheng.map((u) => [u.district.notice.slug, u.unit.name])).toEqual([
      ['jinan-shizhong', '区民政局'],
      ['zibo-zhangdian', '区民政局'],
    ]);
    for (const u of minzheng) expect([u.lead, u.co]).toEqual([leads(u.district, '区民政局', 'leadUnits'), leads(u.district, '区民政局', 'coUnits')]);
  });

  test('lists each department name once beyond the limit, with how many districts have it and their work added up', () => {
    const listing = unitListing(y, 8);
    expect(listing.kind).toBe('names');
    if (listing.kind !== 'names') return;
    const hr = listing.groups.find((g) => g.fn.slug === units.renshe.function)?.names;
    const [shizhongD, zhangdianD] = [y.districts.find((d) => d.notice.slug === 'jinan-shizhong'), y.districts.find((d) => d.notice.slug === 'zibo-zhangdian')];
    if (!shizhongD || !zhangdianD) throw new Error('fixture');
    expect(hr).toEqual([
      {
        name: '区人力资源和社会保障局',
        districts: 2,
        lead: leads(shizhongD, units.renshe.name, 'leadUnits') + leads(zhangdianD, units.renshe.name, 'leadUnits'),
        co: leads(shizhongD, units.renshe.name, 'coUnits') + leads(zhangdianD, units.renshe.name, 'coUnits'),
      },
    ]);
    expect(listing.groups.flatMap((g) => g.names).reduce((n, x) => n + x.districts, 0)).toBe(9);
  });

  test('puts a department whose function the taxonomy does not know under 其他, leaving none out', () => {
    // 区水务局 is filed under `water`, which is no function of the taxonomy.
    const byDistrict = unitListing(y, 100);
    const byName = unitListing(y, 0);
    if (byDistrict.kind !== 'units' || byName.kind !== 'names') throw new Error('unexpected listing kinds');
    expect(byDistrict.groups.find((g) => g.fn.slug === 'other')?.units.map((u) => u.unit.name)).toContain('区水务局');
    expect(byName.groups.find((g) => g.fn.slug === 'other')?.names.map((n) => n.name)).toContain('区水务局');
    const all = unitListing(y);
    if (all.kind === 'units') expect(all.groups.reduce((n, g) => n + g.units.length, 0)).toBe(all.count);
  });
});
