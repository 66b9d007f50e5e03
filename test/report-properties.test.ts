/**
 * Properties of the report parser and matcher on generated input: they never
 * throw, every non-blank line of a parsed report is accounted for, and the
 * record always fits the schema.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { matchReport } from '../src/lib/report/match.ts';
import { parseReport } from '../src/lib/report/parse.ts';
import { Report } from '../src/lib/schema.ts';
import { unaccountedLines } from './helpers/accounting.ts';

const notice = parseNotice(readFileSync(join(import.meta.dirname, 'fixtures', 'reports', 'table-rows', 'notice.txt'), 'utf8'));
if (!notice.ok) throw new Error('fixture notice');

/** Pieces report lines are made of: status words, numbers, markers, table separators, names. */
const piece = fc.constantFrom(
  '已完成',
  '正在推进',
  '进度滞后',
  '尚未启动',
  '超额完成',
  '基本完成',
  '序时推进',
  '未能按期完成',
  '完成率',
  '100%',
  '37.5%',
  '8项',
  '中',
  '7项',
  '件',
  '民生实事',
  '全部',
  '，',
  '。',
  '；',
  '：',
  '、',
  '|',
  '\t',
  ' ',
  '1.',
  '（一）',
  '序号',
  '项目名称',
  '实际完成',
  '口袋公园',
  '老旧小区改造',
  '托位320个',
  '2.3万人次',
  '截至2024年9月30日',
  '某区人民政府',
  '2024年10月10日',
  '进度滞后的项目有：',
  '---',
);
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const text = fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));

describe('report parser properties', () => {
  test('should never throw, and account for every non-blank line of a report it reads', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parseReport(input);
        if (!result.ok) return;
        expect(Report.safeParse(result.report).success).toBe(true);
        expect(unaccountedLines(input, result.report)).toEqual([]);
        const matched = matchReport(result.report, notice.notice);
        for (const item of matched.items) if (item.commitment !== null) expect(item.match?.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400, seed: 20241130 },
    );
  });
});
