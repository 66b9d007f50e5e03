import { describe, expect, test } from 'vitest';
import { comparisonCaption, indicatorComparisons } from '../src/lib/site/charts.ts';
import { commitmentView } from '../src/lib/site/commitment-view.ts';
import { formatLabel, groupedNumber, linesLabel, reportDateLabel, reportedLabel, sizeLabel } from '../src/lib/site/labels.ts';
import { topicPage, topicRows } from '../src/lib/site/listing.ts';
import type { District, Year } from '../src/lib/site/model.ts';
import { namedUnits } from '../src/lib/site/model.ts';
import { topicBySlug } from '../src/lib/taxonomy/topics.ts';
import { contentModel } from './helpers/content-model.ts';

// The built-in content (content/commitments/2023/huaibei-xiangshan/*.md and the rest), as the build reads it.
const years = contentModel();
const year: Year = years.find((y) => y.year === 2023) as Year;
const xiangshan: District = year.districts.find((d) => d.notice.slug === 'huaibei-xiangshan') as District;
const commitment = (n: number) => {
  const c = xiangshan.commitments.find((x) => x.number === n);
  if (!c) throw new Error(`no commitment ${n}`);
  return c;
};
const url = 'https://minsheng.example.org/2023/huaibei-xiangshan/18/';

describe('the commitment page, shaped', () => {
  const view = commitmentView(xiangshan, commitment(18), url);

  test('titles the page with the title, the district, the year and the number', () => {
    expect(view.title).toBe('实施安心托幼行动｜淮北市相山区2023年民生实事第18项');
    expect(view.description).toBe('实施安心托幼行动，新增托位675个、新增公办幼儿园学位540个。（牵头单位：区教育局、区卫健委）');
  });

  test('says the topic and how it was assigned, with no other topic when it has none', () => {
    expect(view.topic?.name).toBe('托育与教育');
    expect(view.others).toEqual([]);
    expect(view.topicFact).toBe('托育与教育（依据原文分组标题中的“教育”归类）');
  });

  test('names the other topics a title touches', () => {
    const other = commitmentView(xiangshan, commitment(10), url);
    expect(other.others.map((t) => t.slug)).toEqual(['childcare-education']);
    expect(other.topicFact).toBe('社会保障与救助（依据原文分组标题中的“困难群体”归类）；也涉及托育与教育（标题中有其关键词）');
  });

  test('links the neighbours, and none before the first nor after the last', () => {
    expect([view.prev?.number, view.next?.number]).toEqual([17, 19]);
    const first = commitmentView(xiangshan, commitment(1), url);
    expect(first.prev).toBeUndefined();
    expect(commitmentView(xiangshan, commitment(50), url).next).toBeUndefined();
  });

  test('marks the targets in the wording', () => {
    expect(view.runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['新增托位675个', '新增公办幼儿园学位540个']);
    expect(view.runs.map((r) => r.text).join('')).toBe(commitment(18).text);
  });

  test('has no report yet: status 未见报告, no history', () => {
    expect(view.now.status).toBe('未见报告');
    expect(view.now.entry).toBeUndefined();
    expect(view.history).toEqual([]);
    expect(view.jsonLd['about']).toBe('托育与教育');
  });
});

describe('department names as a commitment writes them', () => {
  test('refer to the department the departments file knows, under any of its spellings', () => {
    expect(namedUnits(xiangshan, ['区教育局', '区卫健委', '某未知单位']).map((u) => [u.name, u.unit?.slug, u.unit?.name])).toEqual([
      ['区教育局', 'jiao-yu-ju', '区教育局'],
      ['区卫健委', 'wei-sheng-jian-kang-wei-yuan-hui', '区卫生健康委员会'],
      ['某未知单位', undefined, undefined],
    ]);
  });
});

describe('labels of lines and report dates', () => {
  test('say one line or a range', () => {
    expect(linesLabel({ startLine: 31, endLine: 31 })).toBe('第 31 行');
    expect(linesLabel({ startLine: 171, endLine: 175 })).toBe('第 171–175 行');
  });

  test('prefer the as-of date, then the date of issue, then say there is none', () => {
    expect(reportedLabel({ asOf: '2024-06-30', date: '2024-07-05' })).toBe('截至2024年6月30日');
    expect(reportedLabel({ date: '2024-07-05' })).toBe('2024年7月5日报告');
    expect(reportedLabel({})).toBe('报告未注明日期');
    expect(reportDateLabel({ date: '2024-07-05' })).toBe('2024年7月5日');
    expect(reportDateLabel({})).toBe('日期不详');
  });
});

describe('the topics of a year', () => {
  test('count each commitment once, under its main topic, with the districts that have it', () => {
    const rows = topicRows(year);
    expect(rows.map((r) => [r.topic.name, r.count, r.districts])).toEqual([
      ['就业创业', 7, 5],
      ['社会保障与救助', 19, 5],
      ['养老服务', 12, 5],
      ['托育与教育', 14, 5],
      ['医疗卫生', 19, 5],
      ['住房与城市更新', 9, 5],
      ['交通出行', 5, 2],
      ['文化体育', 11, 5],
      ['生态环境', 10, 5],
      ['公共安全与法治', 7, 3],
      ['农业农村', 8, 3],
      ['便民服务', 3, 2],
    ]);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(124);
  });

  test('list on a topic’s page the commitments that have it as any of their topics, with the areas they are in', () => {
    const childcare = topicBySlug('childcare-education');
    if (!childcare) throw new Error('taxonomy');
    const page = topicPage(year, childcare);
    expect(page.count).toBe(17);
    expect(page.areas).toBe('4 个区县、1 个经济技术开发区');
    expect(page.listing.kind).toBe('items');
    expect(new URLSearchParams(page.searchQuery).get('topic')).toBe('托育与教育');
    expect(new URLSearchParams(page.searchQuery).get('year')).toBe('2023');
  });

  test('beyond the limit, list each district’s count by province instead', () => {
    const childcare = topicBySlug('childcare-education');
    if (!childcare) throw new Error('taxonomy');
    const page = topicPage(year, childcare, 10);
    expect(page.listing.kind).toBe('counts');
    expect(page.count).toBe(17);
    expect(page.areas).toBe('4 个区县、1 个经济技术开发区');
  });
});

describe('comparable indicators', () => {
  test('chart the indicators at least two districts set, with their captions', () => {
    const all = indicatorComparisons(year);
    expect(all.map((c) => comparisonCaption(c)).slice(0, 4)).toEqual([
      '各区县新增托位目标（个）',
      '各区县改造老旧小区目标（个）',
      '各区县新增停车泊位目标（个）',
      '各区县新增城镇就业目标（人）',
    ]);
    expect(indicatorComparisons(year, 'childcare-education').map((c) => c.indicator.slug)).toEqual(['childcare-places']);
  });

  test('say when only the largest targets are charted', () => {
    const [first] = indicatorComparisons(year);
    if (!first) throw new Error('no comparison');
    expect(comparisonCaption({ ...first, of: 30, sources: first.sources.slice(0, 2) })).toBe(
      `目标最大的2个区县（共30个区县设定）${first.indicator.name}目标（${first.indicator.unit}）`,
    );
  });
});

describe('sizes and formats in words', () => {
  test('say a file’s size in bytes below a kibibyte, in KB below a mebibyte and in MB from one', () => {
    expect(sizeLabel(6)).toBe('6 字节');
    expect(sizeLabel(1023)).toBe('1023 字节');
    expect(sizeLabel(2048)).toBe('2.0 KB');
    expect(sizeLabel(1024 * 1024 - 1)).toBe('1024.0 KB');
    expect(sizeLabel(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(sizeLabel(199_859_054)).toBe('190.6 MB');
    expect(groupedNumber(1234567)).toBe('1,234,567');
  });

  test('name each format a notice is published in', () => {
    expect(['text', 'html', 'docx', 'doc', 'pdf'].map((f) => formatLabel(f as 'text'))).toEqual(['文本', '网页', 'Word 文档', 'Word 97–2003 文档', 'PDF']);
  });
});
