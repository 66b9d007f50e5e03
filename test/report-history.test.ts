/**
 * Status history: every report adds a dated entry per commitment it speaks of,
 * newest first, nothing overwritten (a later report contradicting an earlier
 * one keeps both); figures are compared with targets only when units agree;
 * a commitment no report mentions is 未见报告.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { currentStatus, figuresAgainst, reportEntries, sortHistory } from '../src/lib/report/history.ts';
import { matchReport } from '../src/lib/report/match.ts';
import { parseReport } from '../src/lib/report/parse.ts';
import type { Notice, StatusEntry } from '../src/lib/schema.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'reports');
const parsedNotice = parseNotice(readFileSync(join(fixtures, 'table-rows', 'notice.txt'), 'utf8'));
if (!parsedNotice.ok) throw new Error('fixture notice');
const notice: Notice = parsedNotice.notice;

/** Parses and matches a fixture report text against the fixture notice; returns its entries. */
function entriesOf(slug: string, text: string): Map<number, StatusEntry> {
  const parsed = parseReport(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { report } = parsed;
  return reportEntries({ slug, date: report.date, asOf: report.asOf }, matchReport(report, notice).items, notice.commitments);
}

describe('figuresAgainst', () => {
  test('should pair each target with an actual in the same unit and give the ratio, above 1 when exceeded', () => {
    const figures = figuresAgainst(
      [
        { value: 20000, unit: '人次', text: '健康体检2万人次' },
        { value: 1, unit: '处', text: '中心1处' },
      ],
      [{ value: 23000, unit: '人次', text: '体检2.3万人次' }],
    );
    expect(figures).toEqual([{ target: { value: 20000, unit: '人次', text: '健康体检2万人次' }, actual: { value: 23000, unit: '人次', text: '体检2.3万人次' }, ratio: 1.15 }]);
  });

  test('should make no comparison when the units differ', () => {
    expect(figuresAgainst([{ value: 8, unit: '公里', text: '管网8公里' }], [{ value: 8000, unit: '米', text: '8000米' }])).toEqual([]);
  });
});

describe('status history', () => {
  const june = entriesOf('fixture-june', '某区2024年民生实事推进情况（测试用虚构样例）\n截至2024年6月30日\n8.公共停车泊位：已全部完成，新增泊位1100个。\n3.口袋公园：正在施工。\n');
  const september = entriesOf(
    'fixture-september',
    '某区2024年民生实事推进情况（测试用虚构样例）\n截至2024年9月30日\n8.公共停车泊位：部分泊位被占用，进度滞后。\n3.口袋公园：已建成5处，已完成。\n',
  );

  test('should keep both entries when a later report contradicts an earlier one, newest first', () => {
    const history = sortHistory([june.get(8), september.get(8)].filter((e): e is StatusEntry => e !== undefined));
    expect(history.map((e) => [e.report, e.asOf, e.status, e.statusWords])).toEqual([
      ['fixture-september', '2024-09-30', '进度滞后', '进度滞后'],
      ['fixture-june', '2024-06-30', '已完成', '已全部完成'],
    ]);
    expect(currentStatus(history).status).toBe('进度滞后');
  });

  test('should give the figures of the report against the commitment targets', () => {
    expect(june.get(8)?.figures.map((f) => [f.target.value, f.actual.value, f.ratio])).toEqual([[1000, 1100, 1.1]]);
    expect(september.get(3)?.figures.map((f) => [f.target.value, f.actual.value, f.ratio])).toEqual([[5, 5, 1]]);
  });

  test('should leave a commitment no report mentions at 未见报告', () => {
    expect(june.has(1)).toBe(false);
    expect(september.has(1)).toBe(false);
    expect(currentStatus([])).toEqual({ status: '未见报告', entry: undefined });
  });
});
