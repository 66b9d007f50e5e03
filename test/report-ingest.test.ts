/**
 * Ingest with progress reports: each report adds dated status entries to the
 * commitments it speaks of (newest first, a contradicting later report kept
 * beside the earlier one), a commitment no report mentions gets no history,
 * and a report whose metadata is wrong is an error naming its file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { planIngest } from '../src/lib/content/ingest.ts';
import type { SourceNotice } from '../src/lib/content/ingest.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { SourceReport } from '../src/lib/report/ingest.ts';
import { CommitmentEntry, ReportEntry } from '../src/lib/schema.ts';

const noticeText = readFileSync(join(import.meta.dirname, 'fixtures', 'reports', 'table-rows', 'notice.txt'), 'utf8');
const parsed = parseNotice(noticeText);
if (!parsed.ok) throw new Error('fixture notice');

const notice: SourceNotice = {
  path: 'notices/2024/fixture-district.txt',
  notice: parsed.notice,
  bytes: new TextEncoder().encode(noticeText),
  metaPath: 'notices/2024/fixture-district.yaml',
  metaText: 'slug: fixture-district\nyear: 2024\nprovince: 某省\ncity: 某市\ndistrict: 某区\ndistrictFull: 某市某区\nsourceUrl: null\n',
};

/** A fixture report placed at `reports/2024/<slug>/report.txt`. */
function report(slug: string, text: string, meta = `slug: ${slug}\nnotice: fixture-district\nsourceUrl: null\n`): SourceReport {
  return { path: `reports/2024/${slug}/report.txt`, text, sha256: '0'.repeat(64), metaPath: `reports/2024/${slug}/report.yaml`, metaText: meta };
}

const june = report('fixture-june', '某区2024年民生实事推进情况（测试用虚构样例）\n截至2024年6月30日\n8.公共停车泊位：已全部完成，新增泊位1100个。\n3.口袋公园：正在施工。\n');
const september = report(
  'fixture-september',
  '某区2024年民生实事推进情况（测试用虚构样例）\n截至2024年9月30日\n8.公共停车泊位：部分泊位被占用，进度滞后。\n3.口袋公园：已建成5处，已完成。\n',
);

/** Returns the frontmatter of a generated Markdown file. */
function frontmatter(contents: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n/u.exec(contents);
  return YAML.parse(m?.[1] ?? '');
}

describe('ingest with reports', () => {
  const plan = planIngest([notice], [september, june]);
  const commitment = (n: number) => {
    const file = plan.files.find((f) => f.path === `commitments/2024/fixture-district/${n}.md`);
    return CommitmentEntry.parse(frontmatter(file?.contents ?? ''));
  };

  test('should plan without errors and write one report entry per report', () => {
    expect(plan.errors).toEqual([]);
    const reports = plan.files.filter((f) => f.path.startsWith('reports/'));
    expect(reports.map((f) => f.path)).toEqual(['reports/2024/fixture-june/report.md', 'reports/2024/fixture-september/report.md']);
    const entry = ReportEntry.parse(frontmatter(reports[0]?.contents ?? ''));
    expect(entry.asOf).toBe('2024-06-30');
    expect(entry.items.map((i) => i.commitment)).toEqual([8, 3]);
  });

  test('should keep both reports in a commitment history, newest first, when the later contradicts the earlier', () => {
    expect(commitment(8).statusHistory?.map((e) => [e.report, e.status, e.statusWords, e.source.startLine])).toEqual([
      ['fixture-september', '进度滞后', '进度滞后', 3],
      ['fixture-june', '已完成', '已全部完成', 3],
    ]);
  });

  test('should give no history to a commitment no report mentions', () => {
    expect(commitment(1).statusHistory).toBeUndefined();
  });

  test('should write the same files whatever order the reports come in', () => {
    expect(planIngest([notice], [june, september]).files).toEqual(plan.files);
  });

  test('should name the metadata file when a report names a notice that does not exist', () => {
    const bad = planIngest([notice], [report('fixture-x', june.text, 'slug: fixture-x\nnotice: no-such-district\nsourceUrl: null\n')]);
    expect(bad.errors).toEqual([
      { file: 'reports/2024/fixture-x/report.yaml', line: 0, message: 'field “notice”: no notice 2024/no-such-district (notices/2024/no-such-district.txt)' },
    ]);
  });

  test('should name the report file when its text states no status', () => {
    const bad = planIngest([notice], [report('fixture-empty', '某区2024年民生实事进展情况\n本季度各单位认真落实。\n')]);
    expect(bad.errors.map((e) => e.file)).toEqual(['reports/2024/fixture-empty/report.txt']);
  });
});
