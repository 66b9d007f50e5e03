/**
 * Progress on the site and in the open data, from fixture reports ingested
 * with a fixture notice: the status now and its history, a district's counts
 * by status, the open data's status columns; and the built-in notices, which
 * have no report, are all 未见报告.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { planIngest, type SourceNotice } from '../src/lib/content/ingest.ts';
import { csvOf, datasetOf } from '../src/lib/data/dataset.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { SourceReport } from '../src/lib/report/ingest.ts';
import { CommitmentEntry, NoticeEntry, ReportEntry, UnitRegistry } from '../src/lib/schema.ts';
import { buildModel } from '../src/lib/site/model.ts';
import { publicPages } from '../src/lib/site/routes.ts';
import { completionTable, doneShare, historyRows, matchLabel, reportLines, statusBar, statusCounts, statusOf, unitStatusCounts } from '../src/lib/site/status.ts';
import { statusFacet, statusValue } from '../src/lib/site/facets.ts';
import { atomFeed, statusChanges } from '../src/lib/site/feed.ts';
import { commitmentRecord, filterOptions, filterPairs } from '../src/lib/search/record.ts';
import { loadReports } from '../src/lib/site/load-reports.ts';

const fixtureDir = join(import.meta.dirname, 'fixtures', 'reports', 'table-rows');
const noticeText = readFileSync(join(fixtureDir, 'notice.txt'), 'utf8');
const parsed = parseNotice(noticeText);
if (!parsed.ok) throw new Error('fixture notice');
const source: SourceNotice = {
  path: 'notices/2024/fixture-district.txt',
  notice: parsed.notice,
  bytes: new TextEncoder().encode(noticeText),
  metaPath: 'notices/2024/fixture-district.yaml',
  metaText: 'slug: fixture-district\nyear: 2024\nprovince: 某省\ncity: 某市\ndistrict: 某区\ndistrictFull: 某市某区\nsourceUrl: null\n',
};
const reports: SourceReport[] = [
  {
    path: 'reports/2024/fixture-q3/report.txt',
    text: readFileSync(join(fixtureDir, 'report.txt'), 'utf8'),
    sha256: '1'.repeat(64),
    metaPath: 'reports/2024/fixture-q3/report.yaml',
    metaText: 'slug: fixture-q3\nnotice: fixture-district\nsourceUrl: null\n',
  },
  {
    path: 'reports/2024/fixture-q2/report.txt',
    text: readFileSync(join(import.meta.dirname, 'fixtures', 'reports', 'numbered-list', 'report.txt'), 'utf8'),
    sha256: '2'.repeat(64),
    metaPath: 'reports/2024/fixture-q2/report.yaml',
    metaText: 'slug: fixture-q2\nnotice: fixture-district\nsourceUrl: null\n',
  },
];
const plan = planIngest([source], reports);
const data = (path: string): unknown => YAML.parse(/^---\n([\s\S]*?)\n---\n/u.exec(plan.files.find((f) => f.path === path)?.contents ?? '')?.[1] ?? '');
const noticeEntry = NoticeEntry.parse(data('notices/2024/fixture-district.md'));
const commitments = parsed.notice.commitments.map((c) => CommitmentEntry.parse(data(`commitments/2024/fixture-district/${c.number}.md`)));
const reportEntries = ['fixture-q2', 'fixture-q3'].map((slug) => ReportEntry.parse(data(`reports/2024/${slug}/report.md`)));
const registry = UnitRegistry.parse(YAML.parse(plan.files.find((f) => f.path.endsWith('.units.yaml'))?.contents ?? ''));
const [year] = buildModel([noticeEntry], commitments, [registry], reportEntries);
const district = year?.districts[0];
const byNumber = (n: number) => commitments.find((c) => c.number === n) as CommitmentEntry;

describe('status on the site', () => {
  test('should give each commitment the newest report’s status, and keep the older one in its history', () => {
    expect(plan.errors).toEqual([]);
    expect(statusOf(byNumber(8)).status).toBe('已完成'); // Q3 gives no status for 8: Q2's 已完成 stands.
    expect(statusOf(byNumber(7)).status).toBe('进度滞后');
    expect(historyRows(byNumber(7), reportEntries).map((h) => [h.entry.asOf, h.entry.status, h.reportTitle])).toEqual([
      ['2024-09-30', '进度滞后', '某区2024年民生实事项目进展情况（测试用虚构样例）'],
      ['2024-06-30', '未启动', '某区2024年民生实事项目推进情况通报（测试用虚构样例）'],
    ]);
  });

  test('should count a district’s commitments by their status now, in the scale’s order', () => {
    expect(statusCounts(district?.commitments ?? [])).toEqual([
      { status: '已完成', count: 3 },
      { status: '超额完成', count: 1 },
      { status: '基本完成', count: 1 },
      { status: '正常推进', count: 1 },
      { status: '进度滞后', count: 1 },
      { status: '未启动', count: 1 },
    ]);
  });

  test('should say how each match was made', () => {
    expect(matchLabel({ by: 'text', score: 0.87 })).toBe('按文字相似度对应（0.87）');
    expect(matchLabel({ by: 'override', score: 1 })).toBe('经人工复核指定');
  });

  test('should publish a page per report under its district, and the status methodology page', () => {
    const pages = publicPages(year ? [year] : []);
    expect(pages).toContain('/2024/fixture-district/reports/fixture-q2/');
    expect(pages).toContain('/2024/fixture-district/reports/fixture-q3/');
    expect(pages).toContain('/status/');
  });
});

describe('completion on the district page', () => {
  test('should list each status of the district as a facet, every commitment under exactly one, in the scale’s order', () => {
    if (!district) throw new Error('no district');
    const facet = statusFacet(district);
    expect(facet.name).toBe('status');
    expect(facet.values.map((v) => [v.value, v.label, v.numbers.length])).toEqual([
      ['done', '已完成', 3],
      ['exceeded', '超额完成', 1],
      ['mostly-done', '基本完成', 1],
      ['on-track', '正常推进', 1],
      ['lagging', '进度滞后', 1],
      ['not-started', '未启动', 1],
    ]);
    expect(facet.values.find((v) => v.value === 'lagging')?.numbers).toEqual([7]);
    expect(facet.values.find((v) => v.value === 'exceeded')?.numbers).toEqual([5]);
    expect(facet.values.find((v) => v.value === 'done')?.numbers).toContain(8);
    expect(facet.values.flatMap((v) => v.numbers).sort((a, b) => a - b)).toEqual(district.commitments.map((c) => c.number).sort((a, b) => a - b));
    expect(statusValue(byNumber(7))).toBe('lagging');
  });

  test('should draw the counts as a bar of segments that follow each other and end at 100%', () => {
    expect(statusBar(statusCounts(district?.commitments ?? [])).map((s) => [s.slug, s.count, s.x, s.width])).toEqual([
      ['done', 3, 0, 37.5],
      ['exceeded', 1, 37.5, 12.5],
      ['mostly-done', 1, 50, 12.5],
      ['on-track', 1, 62.5, 12.5],
      ['lagging', 1, 75, 12.5],
      ['not-started', 1, 87.5, 12.5],
    ]);
  });

  test('should round thirds so that the last segment still ends at exactly 100%', () => {
    const bar = statusBar([
      { status: '已完成', count: 1 },
      { status: '正常推进', count: 1 },
      { status: '未启动', count: 1 },
    ]);
    expect(bar.map((s) => [s.x, s.width])).toEqual([
      [0, 33.3],
      [33.3, 33.4],
      [66.7, 33.3],
    ]);
    expect(statusBar([])).toEqual([]);
  });

  test('should count 已完成, 超额完成 and 基本完成 as done in the share of completion', () => {
    expect(doneShare(district?.commitments ?? [])).toBe('62.5%');
    expect(doneShare([])).toBe('—');
  });
});

describe('completion across a year and by department', () => {
  test('should compare districts by completion, with a column for each status any of them has and 未见报告 as the share of a district without reports', () => {
    if (!district) throw new Error('no district');
    const quiet = { ...district, reports: [], commitments: district.commitments.slice(0, 2).map((c) => ({ ...c, statusHistory: [] })) };
    const table = completionTable([district, quiet]);
    expect(table.statuses).toEqual(['已完成', '超额完成', '基本完成', '正常推进', '进度滞后', '未启动', '未见报告']);
    expect(table.rows.map((r) => [r.total, r.counts, r.share])).toEqual([
      [8, [3, 1, 1, 1, 1, 1, 0], '62.5%'],
      [2, [0, 0, 0, 0, 0, 0, 2], '未见报告'],
    ]);
  });

  test('should leave the comparison out when no district of the year has a report', () => {
    if (!district) throw new Error('no district');
    expect(completionTable([{ ...district, reports: [] }])).toEqual({ statuses: [], rows: [] });
  });

  test('should count a department’s commitments by status, a commitment it both leads and assists once', () => {
    expect(unitStatusCounts({ lead: [byNumber(7), byNumber(8)], co: [byNumber(7), byNumber(5)] })).toEqual([
      { status: '已完成', count: 1 },
      { status: '超额完成', count: 1 },
      { status: '进度滞后', count: 1 },
    ]);
  });
});

describe('changes of status in the feed', () => {
  test('should find each change of a commitment’s status, oldest first, from 未见报告 before its first report', () => {
    expect(statusChanges([byNumber(7), byNumber(8)]).map((c) => [c.commitment.number, c.from, c.to, c.entry.report, c.date])).toEqual([
      [7, '未见报告', '未启动', 'fixture-q2', '2024-07-05'],
      [7, '未启动', '进度滞后', 'fixture-q3', '2024-10-10'],
      [8, '未见报告', '已完成', 'fixture-q2', '2024-07-05'],
    ]);
  });

  test('should not count a status a later report repeats as a change, nor date a change its report does not date', () => {
    const entry = byNumber(8).statusHistory?.[0];
    if (!entry) throw new Error('no history');
    const again = { ...entry, report: 'fixture-q4', date: '2024-12-31', asOf: '2024-12-31' };
    expect(statusChanges([{ ...byNumber(8), statusHistory: [entry, again] }]).map((c) => c.entry.report)).toEqual([entry.report]);
    const undated = { ...entry, status: '进度滞后' as const, report: 'fixture-q5', date: undefined, asOf: undefined };
    expect(statusChanges([{ ...byNumber(8), statusHistory: [entry, undated] }]).map((c) => c.to)).toEqual(['已完成']);
  });

  test('should give each change an entry of the year’s feed, linked to the commitment and dated by its report’s date of issue', () => {
    if (!year) throw new Error('no year');
    const feed = atomFeed(year, { site: 'https://example.org', base: '/' });
    const entry = /<entry>\s*<id>https:\/\/example\.org\/2024\/fixture-district\/7\/#status-fixture-q3<\/id>[\s\S]*?<\/entry>/u.exec(feed)?.[0] ?? '';
    expect(entry).toContain('<title>某市某区 第7项：未启动 → 进度滞后</title>');
    expect(entry).toContain('<link rel="alternate" type="text/html" href="https://example.org/2024/fixture-district/7/"/>');
    expect(entry).toContain('<updated>2024-10-10T00:00:00+08:00</updated>'); // the report's date of issue, not its as-of date
    expect(feed.match(/#status-/gu)?.length).toBe(statusChanges(district?.commitments ?? []).length);
  });
});

describe('status in search', () => {
  test('should index a commitment’s page with its status now as the `status` filter', () => {
    if (!district) throw new Error('no district');
    expect(commitmentRecord(district, byNumber(7)).filters.status).toEqual(['进度滞后']);
    expect(filterPairs(commitmentRecord(district, byNumber(5)))).toContainEqual(['status', '超额完成']);
  });

  test('should offer the statuses the year’s commitments have, in the scale’s order', () => {
    expect(filterOptions(year ? [year] : []).status).toEqual(['已完成', '超额完成', '基本完成', '正常推进', '进度滞后', '未启动']);
  });
});

describe('status in the open data', () => {
  const options = { site: 'https://example.org/', base: '/' };

  test('should give status, as-of date and figures against targets in JSON and CSV', () => {
    if (!year) throw new Error('no year');
    const five = datasetOf(year, options).notices[0]?.commitments.find((c) => c.number === 5);
    expect(five?.status).toBe('超额完成');
    expect(five?.statusAsOf).toBe('2024-09-30');
    expect(five?.statusHistory?.[0]?.figures.map((f) => [f.target.value, f.actual.value, f.ratio])).toEqual([[20000, 23000, 1.15]]);
    const csv = csvOf(year, options);
    expect(csv).toContain(',超额完成,2024-09-30,超额完成,23000/20000 人次,');
  });

  test('should say 未见报告 for every built-in commitment, since no report is in the repository', () => {
    const content = join(import.meta.dirname, '..', 'content');
    expect(loadReports(content)).toEqual([]);
    const files = (readdirSync(join(content, 'commitments'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(100);
    const statuses = new Set(
      files.map((f) => statusOf(CommitmentEntry.parse(YAML.parse(/^---\n([\s\S]*?)\n---\n/u.exec(readFileSync(join(content, 'commitments', f), 'utf8'))?.[1] ?? ''))).status),
    );
    expect([...statuses]).toEqual(['未见报告']);
  });
});

describe('a report’s page, line by line', () => {
  test('links each table row to the commitment it was matched to, and the header lines to none', () => {
    const report = district?.reports.find((r) => r.slug === 'fixture-q3');
    if (!district || !report) throw new Error('fixture');
    const text = readFileSync(join(fixtureDir, 'report.txt'), 'utf8').split('\n');
    const lines = reportLines(report, text, district);
    expect(lines).toHaveLength(text.length);
    expect(lines[0]).toEqual({ no: 1, text: '某区2024年民生实事项目进展情况（测试用虚构样例）', commitments: [] });
    expect(lines.slice(3, 5).map((l) => l.commitments)).toEqual([[], []]);
    expect(lines[5]?.commitments).toEqual([{ number: 1, title: byNumber(1).title }]);
    expect(lines[10]?.commitments).toEqual([{ number: 6, title: byNumber(6).title }]);
    expect(lines[10]?.text).toContain('社区养老服务站');
  });
});
