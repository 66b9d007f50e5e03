import { describe, expect, test } from 'vitest';
import { CommitmentEntry, NoticeEntry, UnitRegistry } from '../src/lib/schema.ts';
import type { UnitRecord } from '../src/lib/schema.ts';
import { commitment, notice, places, registry, unit, units } from './helpers/records.ts';
import type { District, Year } from '../src/lib/site/model.ts';
import { buildModel, byHeading, countBy, neighbours, topicsUsed, unitNamed, unitWork } from '../src/lib/site/model.ts';
import { publicPages } from '../src/lib/site/routes.ts';
import { withBase } from '../src/lib/site/urls.ts';
import {
  commitmentPath,
  commitmentPermalink,
  districtPermalink,
  noticePath,
  sourcePermalink,
  topicPermalink,
  unitPermalink,
  unitsIndexPermalink,
  unitsPath,
  yearPermalink,
} from '../src/lib/content/paths.ts';

// ---------------------------------------------------------------------------
// Hand-built records (checked against the zod schemas below).

const { shizhong, linyi, hedong, nankai, xiangshan } = places;
const { renshe, jiaoti, weijian, zhujian, caizheng } = units;

const shizhongNotice = notice(shizhong, {
  issuer: '济南市市中区人民政府',
  date: '2023-01-10',
  commitmentCount: 5,
  groups: [
    { number: 1, name: '促进就业创业', declaredCount: 2, items: [1, 4], source: { startLine: 2, endLine: 2 } },
    { number: 2, name: '办好民生事业', items: [2, 3], source: { startLine: 5, endLine: 5 } },
  ],
});

// Given out of number order on purpose.
const shizhongCommitments: CommitmentEntry[] = [
  commitment(shizhong, 4, { title: '开展职业技能培训', leadUnits: ['区人力资源和社会保障局'], coUnits: ['区财政局'], topic: { slug: 'employment', how: 'rule', matched: '就业' } }),
  commitment(shizhong, 1, {
    title: '建设零工市场',
    text: '建设零工市场，新增城镇就业1.2万人以上。（区人社局牵头，区财政局配合）',
    leadUnits: ['区人社局'],
    coUnits: ['区财政局'],
    targets: [{ value: 12000, unit: '人', text: '新增城镇就业1.2万人以上', comparator: '>=' }],
    topic: { slug: 'employment', how: 'heading', matched: '就业' },
  }),
  commitment(shizhong, 3, {
    title: '老旧小区改造',
    text: '改造城镇老旧小区34个。',
    leadUnits: ['区住建局'],
    targets: [{ value: 34, unit: '个', text: '改造城镇老旧小区34个' }],
    topic: { slug: 'housing-renewal', how: 'rule', matched: '老旧小区' },
  }),
  commitment(shizhong, 5, { title: '举办文体活动', leadUnits: ['区教体局', '区文化和旅游局'], topic: { slug: 'culture-sports', how: 'rule', matched: '文体' } }),
  commitment(shizhong, 2, {
    title: '实施安心托幼行动',
    text: '新增托位675个。',
    leadUnits: ['区卫生健康局'],
    coUnits: ['区人力资源和社会保障局', '区教体局'],
    targets: [{ value: 675, unit: '个', text: '新增托位675个' }],
    topic: { slug: 'childcare-education', how: 'rule', matched: '托位' },
  }),
];

const shizhongUnits = registry(shizhong, [zhujian, renshe, weijian, jiaoti, caizheng]);

// The same district a year earlier, and another district of 2023: neither may leak into 2023's 市中区.
const shizhong2022 = notice({ ...shizhong, year: 2022 }, { title: '2022年区政府为民办实事事项' });
const shizhong2022Commitments = [commitment({ ...shizhong, year: 2022 }, 1, { title: '二〇二二年的第一项' })];
const shizhong2022Units = registry({ ...shizhong, year: 2022 }, [units.minzheng]);
const hedongNotice = notice(hedong, { commitmentCount: 2 });
const hedongCommitments = [commitment(hedong, 2, { title: '河东第二项' }), commitment(hedong, 1, { title: '河东第一项' })];
const hedongUnits = registry(hedong, [units.minzheng]);

const notices = [hedongNotice, shizhong2022, shizhongNotice];
const commitments = [...hedongCommitments, ...shizhong2022Commitments, ...shizhongCommitments];
const registries = [hedongUnits, shizhongUnits, shizhong2022Units];

function only<T>(items: readonly T[], what: string): T {
  if (items.length !== 1 || items[0] === undefined) throw new Error(`expected exactly one ${what}, got ${items.length}`);
  return items[0];
}

function districtOf(model: Year[], year: number, slug: string): District {
  const found = model.find((y) => y.year === year)?.districts.find((d) => d.notice.slug === slug);
  if (!found) throw new Error(`no district ${year}/${slug} in the model`);
  return found;
}

const model = buildModel(notices, commitments, registries);
const district = districtOf(model, 2023, 'jinan-shizhong');

const numbers = (items: readonly CommitmentEntry[]): number[] => items.map((c) => c.number);

// ---------------------------------------------------------------------------

describe('the hand-built fixtures', () => {
  test.each([shizhongNotice, shizhong2022, hedongNotice, notice(linyi), notice(nankai), notice(xiangshan)])('notice $year/$slug validates against NoticeEntry', (n) => {
    const parsed = NoticeEntry.safeParse(n);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(n);
  });

  test.each(commitments)('commitment $year/$district/$number validates against CommitmentEntry', (c) => {
    const parsed = CommitmentEntry.safeParse(c);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(c);
  });

  test.each(registries)('unit registry $year/$district validates against UnitRegistry', (r) => {
    const parsed = UnitRegistry.safeParse(r);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(r);
  });
});

describe('buildModel', () => {
  test('lists the years newest first, each once', () => {
    const years = buildModel([notice({ ...shizhong, year: 2022 }), notice({ ...shizhong, year: 2024 }), notice(shizhong), notice({ ...hedong, year: 2022 })], [], []);
    expect(years.map((y) => y.year)).toEqual([2024, 2023, 2022]);
  });

  test('returns no years when there are no notices', () => {
    expect(buildModel([], commitments, registries)).toEqual([]);
  });

  test('orders districts by province, then city, then district in Chinese (pinyin) collation, not by code point', () => {
    // Code-point order would be 天津市 < 安徽省 < 山东省, 临沂市 < 济南市 and 南开区 < 河东区.
    const [year] = buildModel([notice(nankai), notice(hedong), notice(linyi), notice(shizhong), notice(xiangshan)], [], []);
    expect(year?.districts.map((d) => d.notice.districtFull)).toEqual(['淮北市相山区', '济南市市中区', '临沂市兰山区', '天津市河东区', '天津市南开区']);
  });

  test('orders districts with the same province, city and district name by slug', () => {
    const second = notice({ ...shizhong, slug: 'jinan-shizhong-b' });
    const first = notice({ ...shizhong, slug: 'jinan-shizhong-a' });
    const [year] = buildModel([second, first], [], []);
    expect(year?.districts.map((d) => d.notice.slug)).toEqual(['jinan-shizhong-a', 'jinan-shizhong-b']);
  });

  test('puts each year’s own notices under it', () => {
    expect(model.map((y) => [y.year, y.districts.map((d) => d.notice.slug)])).toEqual([
      [2023, ['jinan-shizhong', 'tianjin-hedong']],
      [2022, ['jinan-shizhong']],
    ]);
  });

  test('joins the commitments of the same year and district, in number order', () => {
    expect(numbers(district.commitments)).toEqual([1, 2, 3, 4, 5]);
    expect(district.commitments.every((c) => c.year === 2023 && c.district === 'jinan-shizhong')).toBe(true);
    expect(numbers(districtOf(model, 2023, 'tianjin-hedong').commitments)).toEqual([1, 2]);
    expect(districtOf(model, 2022, 'jinan-shizhong').commitments.map((c) => c.title)).toEqual(['二〇二二年的第一项']);
  });

  test('joins the unit registry of the same year and district, units ordered by slug', () => {
    expect(district.units.map((u) => u.slug)).toEqual([
      'cai-zheng-ju',
      'jiao-yu-ti-yu-ju',
      'ren-li-zi-yuan-he-she-hui-bao-zhang-ju',
      'wei-sheng-jian-kang-ju',
      'zhu-fang-he-cheng-xiang-jian-she-ju',
    ]);
    expect(districtOf(model, 2022, 'jinan-shizhong').units.map((u) => u.name)).toEqual(['区民政局']);
  });

  test('gives a district without a unit registry no units', () => {
    const [year] = buildModel([notice(linyi)], [], registries);
    expect(year?.districts[0]?.units).toEqual([]);
  });

  test('gives a district without commitments an empty list', () => {
    const [year] = buildModel([notice(linyi)], commitments, []);
    expect(year?.districts[0]?.commitments).toEqual([]);
  });

  test('keeps the notice record itself', () => {
    expect(district.notice).toBe(shizhongNotice);
  });

  test('does not reorder the arrays it is given', () => {
    const before = commitments.map((c) => `${c.year}/${c.district}/${c.number}`);
    const unitsBefore = shizhongUnits.units.map((u) => u.slug);
    buildModel(notices, commitments, registries);
    expect(commitments.map((c) => `${c.year}/${c.district}/${c.number}`)).toEqual(before);
    expect(shizhongUnits.units.map((u) => u.slug)).toEqual(unitsBefore);
  });
});

describe('unitNamed', () => {
  test.each<readonly [string, string | undefined]>([
    ['区人力资源和社会保障局', 'ren-li-zi-yuan-he-she-hui-bao-zhang-ju'],
    ['区人社局', 'ren-li-zi-yuan-he-she-hui-bao-zhang-ju'],
    ['区住建局', 'zhu-fang-he-cheng-xiang-jian-she-ju'],
    ['区卫生健康局', 'wei-sheng-jian-kang-ju'],
    ['区文化和旅游局', undefined],
    ['人社局', undefined],
    ['', undefined],
  ])('finds the department %j refers to: %s', (name, slug) => {
    expect(unitNamed(district, name)?.slug).toBe(slug);
  });
});

describe('unitWork', () => {
  test('lists what a department leads and what it co-operates on, by full name and by alias, in number order', () => {
    const work = unitWork(district, renshe);
    expect(numbers(work.lead)).toEqual([1, 4]);
    expect(numbers(work.co)).toEqual([2]);
  });

  test.each<{ unit: UnitRecord; lead: number[]; co: number[] }>([
    { unit: jiaoti, lead: [5], co: [2] },
    { unit: weijian, lead: [2], co: [] },
    { unit: zhujian, lead: [3], co: [] },
    { unit: caizheng, lead: [], co: [1, 4] },
  ])('gives $unit.name the commitments it leads ($lead) and co-operates on ($co)', ({ unit: u, lead, co }) => {
    const work = unitWork(district, u);
    expect(numbers(work.lead)).toEqual(lead);
    expect(numbers(work.co)).toEqual(co);
  });

  test('gives a department no one names empty lists', () => {
    expect(unitWork(district, unit('min-zheng-ju', '区民政局', ['区民政'], 'civil-affairs'))).toEqual({ lead: [], co: [] });
  });
});

describe('neighbours', () => {
  test('gives the first commitment only a next one', () => {
    const around = neighbours(district, 1);
    expect(around.prev).toBeUndefined();
    expect(around.next?.number).toBe(2);
    expect('prev' in around).toBe(false);
  });

  test('gives a middle commitment both neighbours', () => {
    const around = neighbours(district, 3);
    expect(around.prev?.number).toBe(2);
    expect(around.next?.number).toBe(4);
  });

  test('gives the last commitment only a previous one', () => {
    const around = neighbours(district, 5);
    expect(around.prev?.number).toBe(4);
    expect(around.next).toBeUndefined();
    expect('next' in around).toBe(false);
  });

  test('gives a number the notice does not have no neighbours', () => {
    expect(neighbours(district, 99)).toEqual({});
  });

  test('gives the only commitment of a notice no neighbours', () => {
    expect(neighbours(districtOf(model, 2022, 'jinan-shizhong'), 1)).toEqual({});
  });
});

describe('byHeading', () => {
  test('follows the notice’s own group headings and puts commitments no group lists in a last, unnamed group', () => {
    const groups = byHeading(district);
    expect(groups.map((g) => ({ ...g, items: numbers(g.items) }))).toStrictEqual([
      { name: '促进就业创业', declaredCount: 2, items: [1, 4] },
      { name: '办好民生事业', items: [2, 3] },
      { items: [5] },
    ]);
  });

  test('gives no unnamed group when every commitment is listed under a heading', () => {
    const grouped = notice(shizhong, {
      groups: [
        { number: 1, name: '促进就业创业', items: [1, 4], source: { startLine: 2, endLine: 2 } },
        { number: 2, name: '办好民生事业', declaredCount: 3, items: [2, 3, 5], source: { startLine: 5, endLine: 5 } },
      ],
    });
    const [year] = buildModel([grouped], shizhongCommitments, []);
    const d = year?.districts[0];
    if (!d) throw new Error('no district');
    expect(byHeading(d).map((g) => ({ ...g, items: numbers(g.items) }))).toStrictEqual([
      { name: '促进就业创业', items: [1, 4] },
      { name: '办好民生事业', declaredCount: 3, items: [2, 3, 5] },
    ]);
  });

  test('gives a notice without headings one unnamed group of every commitment', () => {
    const groups = byHeading(districtOf(model, 2023, 'tianjin-hedong'));
    const group = only(groups, 'group');
    expect(group.name).toBeUndefined();
    expect(group.declaredCount).toBeUndefined();
    expect(numbers(group.items)).toEqual([1, 2]);
  });
});

describe('countBy', () => {
  test('counts items per key in first-seen order', () => {
    const counts = countBy(shizhongCommitments, (c) => c.topic.slug);
    expect([...counts]).toEqual([
      ['employment', 2],
      ['housing-renewal', 1],
      ['culture-sports', 1],
      ['childcare-education', 1],
    ]);
  });

  test('returns an empty map for no items', () => {
    expect(countBy<string>([], (s) => s).size).toBe(0);
  });
});

describe('topicsUsed', () => {
  const healthOnly: District = {
    ...district,
    commitments: [commitment(shizhong, 1, { topic: { slug: 'health', how: 'rule', matched: '体检', also: ['elderly-care'] } })],
  };

  test('lists the main topics of the commitments once each, in taxonomy order', () => {
    expect(topicsUsed([district]).map((t) => t.slug)).toEqual(['employment', 'childcare-education', 'housing-renewal', 'culture-sports']);
    expect(topicsUsed([district, healthOnly]).map((t) => t.slug)).toEqual(['employment', 'childcare-education', 'health', 'housing-renewal', 'culture-sports']);
  });

  test('with also, adds a topic a commitment has only as one of its other topics', () => {
    expect(topicsUsed([healthOnly]).map((t) => t.slug)).toEqual(['health']);
    expect(topicsUsed([healthOnly], { also: true }).map((t) => t.slug)).toEqual(['elderly-care', 'health']);
  });

  test('lists nothing for no districts', () => {
    expect(topicsUsed([])).toEqual([]);
  });

  test('gives the public pages a topic page for a topic a commitment has only as another topic, as the topic pages are built', () => {
    const pages = publicPages([{ year: 2023, districts: [healthOnly] }]);
    expect(pages).toContain(topicPermalink(2023, 'health'));
    expect(pages).toContain(topicPermalink(2023, 'elderly-care'));
    expect(pages).not.toContain(topicPermalink(2023, 'employment'));
  });
});

describe('withBase', () => {
  test.each<readonly [string, string, string]>([
    ['/', '/', '/'],
    ['/', '/2023/', '/2023/'],
    ['/', '/2023/jinan-shizhong/18/', '/2023/jinan-shizhong/18/'],
    ['/minsheng/', '/', '/minsheng/'],
    ['/minsheng/', '/2023/', '/minsheng/2023/'],
    ['/minsheng/', '/2023/units/#education', '/minsheng/2023/units/#education'],
    ['/minsheng', '/', '/minsheng/'],
    ['/minsheng', '/2023/jinan-shizhong/source/', '/minsheng/2023/jinan-shizhong/source/'],
  ])('puts %j and %j together as %j', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('content paths and permalinks', () => {
  const placed = { year: 2023, slug: 'jinan-shizhong' };

  test.each<readonly [string, string, string]>([
    ['districtPermalink', districtPermalink(placed), '/2023/jinan-shizhong/'],
    ['commitmentPermalink', commitmentPermalink(placed, 18), '/2023/jinan-shizhong/18/'],
    ['sourcePermalink', sourcePermalink(placed), '/2023/jinan-shizhong/source/'],
    ['unitPermalink', unitPermalink(placed, 'min-zheng-ju'), '/2023/jinan-shizhong/units/min-zheng-ju/'],
    ['yearPermalink', yearPermalink(2023), '/2023/'],
    ['topicPermalink without a topic', topicPermalink(2023), '/2023/categories/'],
    ['topicPermalink with a topic', topicPermalink(2023, 'childcare-education'), '/2023/categories/childcare-education/'],
    ['unitsIndexPermalink', unitsIndexPermalink(2023), '/2023/units/'],
  ])('%s gives %j, which starts and ends with a slash', (_name, path, expected) => {
    expect(path).toBe(expected);
    expect(path.startsWith('/')).toBe(true);
    expect(path.endsWith('/')).toBe(true);
  });

  test('commitmentPermalink gives the permalink the commitment schema accepts', () => {
    expect(CommitmentEntry.shape.permalink.safeParse(commitmentPermalink(placed, 18)).success).toBe(true);
  });

  test.each<readonly [string, string, string]>([
    ['noticePath', noticePath(placed), 'notices/2023/jinan-shizhong.md'],
    ['commitmentPath', commitmentPath(placed, 18), 'commitments/2023/jinan-shizhong/18.md'],
    ['unitsPath', unitsPath(placed), 'notices/2023/jinan-shizhong.units.yaml'],
  ])('%s gives %j relative to the content directory', (_name, path, expected) => {
    expect(path).toBe(expected);
  });
});
