/**
 * The five built-in notices, each read by the same rules. The facts below
 * were read off the source texts by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { Notice } from '../src/lib/schema.ts';
import { Notice as NoticeSchema } from '../src/lib/schema.ts';
import { unaccountedLines } from './helpers/accounting.ts';

const dir = join(import.meta.dirname, '..', 'content', 'notices', '2023');
const read = (slug: string): { input: string; notice: Notice } => {
  const input = readFileSync(join(dir, `${slug}.txt`), 'utf8');
  const result = parseNotice(input);
  if (!result.ok) throw new Error(`${slug}: ${result.error.message}`);
  return { input, notice: result.notice };
};
const item = (n: Notice, number: number) => n.commitments.find((c) => c.number === number);

describe.each([
  ['jinan-shizhong', 20],
  ['tianjin-hedong', 20],
  ['jining-jingkai', 22],
  ['jining-yanzhou', 12],
  ['huaibei-xiangshan', 50],
])('built-in notice %s', (slug, count) => {
  test(`should hold ${count} commitments numbered 1 to ${count}`, () => {
    const { notice } = read(slug);
    expect(notice.commitments.map((c) => c.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  test('should validate against the schema and account for every line', () => {
    const { input, notice } = read(slug);
    expect(NoticeSchema.safeParse(notice).success).toBe(true);
    expect(unaccountedLines(input, notice)).toEqual([]);
  });

  test('should give each commitment a title and text from the source', () => {
    const { input, notice } = read(slug);
    const flat = input.replace(/\s+/gu, '');
    for (const c of notice.commitments) {
      expect(flat).toContain(c.title.replace(/…$/u, '').replace(/\s+/gu, ''));
      expect(c.text.length).toBeGreaterThan(c.title.length - 1);
    }
  });
});

describe('济南市市中区 (headings with a body line, units in brackets)', () => {
  const { notice } = read('jinan-shizhong');
  test('should read titles and lead units from the heading lines', () => {
    expect(item(notice, 1)).toMatchObject({ title: '保障“学有所教”', leadUnits: ['区教育体育局'], source: { startLine: 3, endLine: 4 } });
    expect(item(notice, 14)?.leadUnits).toEqual(['市中城投集团', '区卫生健康局', '区商务局']);
    expect(item(notice, 20)?.leadUnits).toEqual(['区园林绿化服务中心', '区城管局', '生态环境市中分局']);
  });
  test('should read full-width digits and 万 in targets', () => {
    expect(item(notice, 10)?.targets).toEqual([
      { value: 17800, unit: '人', text: '新增城镇就业1.78万人以上', comparator: '>=', counts: '新增城镇就业' },
      { value: 1, unit: '家', text: '发展公益性零工市场１家以上', comparator: '>=', counts: '发展公益性零工市场' },
      { value: 200, unit: '间', text: '建设零工公寓200间', counts: '建设零工公寓' },
    ]);
  });
  test('should drop the Word bookmark from the text and say so', () => {
    expect(item(notice, 18)?.text).not.toContain('bookmark');
    expect(notice.warnings.map((w) => w.line)).toEqual([38]);
    expect(notice.declaredTotal).toBe(20);
  });
});

describe('天津市河东区 (title sentence inline, no units)', () => {
  const { notice } = read('tianjin-hedong');
  test('should take the first sentence as the title and keep the preamble apart', () => {
    expect(item(notice, 1)?.title).toBe('综合施策推动就业');
    expect(item(notice, 10)).toMatchObject({ title: '新增城市停车泊位', targets: [{ value: 300, unit: '个' }] });
    expect(notice.commitments.every((c) => c.leadUnits.length === 0)).toBe(true);
    expect(notice.passages.filter((p) => p.role === 'preamble').map((p) => p.source.startLine)).toEqual([3]);
  });
});

describe('济宁经开区 (items inside an explanatory section, ①② parts)', () => {
  const { notice } = read('jining-jingkai');
  test('should take items from section 四 only and keep the other sections as explanation', () => {
    expect(notice.groups).toEqual([]);
    expect(item(notice, 1)?.source.startLine).toBe(13);
    expect(item(notice, 22)?.source.startLine).toBe(34);
    expect(notice.passages.some((p) => p.role === 'explanation' && p.source.startLine === 36)).toBe(true);
    expect(notice.declaredTotal).toBe(22);
  });
  test('should split inline ①② parts into sub-items', () => {
    expect(item(notice, 1)?.subItems).toEqual(['婴幼儿托育扩容增位，强力推进公办幼托一体，年内新增托位162个，托位总数达到537个。', '完成1个市级示范托育机构创建目标。']);
    expect(item(notice, 20)?.subItems).toHaveLength(4);
    expect(item(notice, 19)?.title).toBe('提升社区物业管理能力水平');
  });
});

describe('济宁市兖州区 (flattened Word table in an appendix)', () => {
  const { notice } = read('jining-yanzhou');
  test('should read the notice metadata', () => {
    expect(notice).toMatchObject({ docNumber: '济兖政发〔2023〕2号', issuer: '济宁市兖州区人民政府', date: '2023-01-10', title: '关于办好2023年民生实事的通知' });
  });
  test('should join wrapped names and keep lists of names apart', () => {
    expect(item(notice, 1)).toMatchObject({ title: '北护城河环河公园改造提升工程', leadUnits: ['区综合行政执法局'], coUnits: ['区财政局'] });
    expect(item(notice, 3)?.coUnits).toEqual(['区财政局', '龙桥街道', '鼓楼街道', '酒仙桥街道']);
    expect(item(notice, 6)?.coUnits).toEqual(['区财政局', '广电网络公司']);
    expect(item(notice, 11)).toMatchObject({ leadUnits: ['区医疗保障局'], coUnits: [] });
  });
  test('should merge the numbered row with its sub-row', () => {
    expect(item(notice, 9)).toMatchObject({ leadUnits: ['区应急管理局', '区市场监管局'], coUnits: ['区财政局'], source: { startLine: 121, endLine: 137 } });
    expect(item(notice, 9)?.subItems).toHaveLength(2);
    expect(notice.passages.at(-1)).toMatchObject({ role: 'closing', source: { startLine: 170, endLine: 170 } });
  });
});

describe('淮北市相山区 (groups with counts, appendix of measures)', () => {
  const { notice } = read('huaibei-xiangshan');
  test('should read ten groups whose counts leave out city and province tasks', () => {
    expect(notice.groups.map((g) => g.name)).toEqual(['促进就业', '社会保障', '困难群体救助', '教育惠民', '卫生健康', '环境保护', '交通出行', '文体服务', '城乡建设', '公共安全']);
    expect(notice.groups[2]).toMatchObject({ declaredCount: 10, items: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] });
    expect(notice.warnings.some((w) => w.line > 0 && w.line < 70)).toBe(false);
  });
  test('should read levels, lead and co-units', () => {
    expect(item(notice, 12)).toMatchObject({ level: 'city', leadUnits: [], category: '困难群体救助' });
    expect(item(notice, 20)?.level).toBe('province');
    expect(item(notice, 32)).toMatchObject({ leadUnits: [], coUnits: ['区委宣传部', '区文旅体局'] });
    expect(item(notice, 18)).toMatchObject({
      leadUnits: ['区教育局', '区卫健委'],
      targets: [
        { value: 675, unit: '个' },
        { value: 540, unit: '个' },
      ],
    });
  });
  test('should attach the appendix measures to their items without duplicating them', () => {
    expect(item(notice, 18)?.measures).toHaveLength(3);
    expect(item(notice, 28)?.measures).toEqual(['制定农村黑臭水体治理方案，定期督查。']);
    expect(item(notice, 12)?.measures).toEqual([]);
    expect(item(notice, 1)?.appendixSource).toEqual({ startLine: 91, endLine: 95 });
    expect(item(notice, 50)?.appendixSource).toEqual({ startLine: 291, endLine: 291 });
  });
  test('should note where the main list and the appendix disagree', () => {
    const lines = notice.warnings.map((w) => w.line);
    expect(lines).toContain(117); // 三、困难群体救助（11项） against （10项）
    expect(lines).toContain(156); // 全市 ↔ 全区 in item 14
    expect(notice.passages).toContainEqual(expect.objectContaining({ role: 'closing', source: { startLine: 70, endLine: 70 } }));
  });
});
