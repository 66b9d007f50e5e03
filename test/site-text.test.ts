import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CommitmentEntry, NoticeEntry } from '../src/lib/schema.ts';
import type { LineRange, Target } from '../src/lib/schema.ts';
import type { Run, SourceBlock } from '../src/lib/site/text.ts';
import { blockId, excerpt, highlightTargets, sourceBlocks } from '../src/lib/site/text.ts';
import type { CiteInput } from '../src/lib/site/cite.ts';
import { accessDatePlaceholder, apa, gbt7714 } from '../src/lib/site/cite.ts';
import { dateLabel, levelLabel, targetLabel, topicHowLabel, workLabel } from '../src/lib/site/labels.ts';
import { commitment as commitmentEntry, notice, places, target } from './helpers/records.ts';

// ---------------------------------------------------------------------------
// Hand-built records (checked against the zod schemas below).

/** A commitment of 济南市市中区's 2023 notice standing at `source` in it. */
function commitment(number: number, source: LineRange, more: Partial<CommitmentEntry> = {}): CommitmentEntry {
  return commitmentEntry(places.shizhong, number, { source, ...more });
}

const noticeWithIssuer = notice(places.shizhong, {
  sourceUrl: 'https://www.jnszq.gov.cn/art/2023/1/10/art_1.html',
  title: '2023年区政府20件为民办实事事项',
  issuer: '济南市市中区人民政府',
  date: '2023-01-10',
  commitmentCount: 20,
  sourceSha256: '00112233445566778899aabbccddeeff'.repeat(2),
});

const { issuer: _issuer, date: _date, ...noticeBare } = noticeWithIssuer;
const noticeWithoutIssuer: NoticeEntry = { ...noticeBare, sourceUrl: null };

const childcare = commitment(
  18,
  { startLine: 40, endLine: 41 },
  {
    title: '实施安心托幼行动',
    text: '实施安心托幼行动。新增托位675个，改造城镇老旧小区34个，新增托位675个的目标年内完成。',
    targets: [target(675, '个', '新增托位675个'), target(34, '个', '改造城镇老旧小区34个')],
    appendixSource: { startLine: 70, endLine: 73 },
  },
);

const joined = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');
const marked = (runs: readonly Run[]): string[] => runs.filter((r) => r.mark).map((r) => r.text);

// ---------------------------------------------------------------------------

describe('the hand-built fixtures', () => {
  test.each([noticeWithIssuer, noticeWithoutIssuer])('notice (issuer $issuer) validates against NoticeEntry', (n) => {
    const parsed = NoticeEntry.safeParse(n);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(n);
  });

  test('the commitment validates against CommitmentEntry', () => {
    const parsed = CommitmentEntry.safeParse(childcare);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(childcare);
  });
});

describe('highlightTargets', () => {
  test('marks each target’s clause once, at its first occurrence, and leaves the rest unmarked', () => {
    expect(highlightTargets(childcare.text, childcare.targets)).toEqual([
      { text: '实施安心托幼行动。', mark: false },
      { text: '新增托位675个', mark: true },
      { text: '，', mark: false },
      { text: '改造城镇老旧小区34个', mark: true },
      { text: '，新增托位675个的目标年内完成。', mark: false },
    ]);
  });

  test('marks clauses in text order even when the targets come in another order', () => {
    const runs = highlightTargets('改造城镇老旧小区34个，新增托位675个。', [target(675, '个', '新增托位675个'), target(34, '个', '改造城镇老旧小区34个')]);
    expect(runs).toEqual([
      { text: '改造城镇老旧小区34个', mark: true },
      { text: '，', mark: false },
      { text: '新增托位675个', mark: true },
      { text: '。', mark: false },
    ]);
  });

  test('marks a clause at the very start and at the very end without empty runs', () => {
    const runs = highlightTargets('新增托位675个，改造城镇老旧小区34个', childcare.targets);
    expect(runs).toEqual([
      { text: '新增托位675个', mark: true },
      { text: '，', mark: false },
      { text: '改造城镇老旧小区34个', mark: true },
    ]);
  });

  test('marks a target that is the whole text as one run', () => {
    expect(highlightTargets('新增托位675个', [target(675, '个', '新增托位675个')])).toEqual([{ text: '新增托位675个', mark: true }]);
  });

  test('skips a target whose clause overlaps one already marked', () => {
    const runs = highlightTargets('新增托位675个。', [target(675, '个', '新增托位675个'), target(675, '个', '托位675个')]);
    expect(runs).toEqual([
      { text: '新增托位675个', mark: true },
      { text: '。', mark: false },
    ]);
  });

  test('ignores a target whose clause is not in the text', () => {
    const runs = highlightTargets('新增托位675个。', [target(1.78, '万人', '新增城镇就业1.78万人'), target(675, '个', '新增托位675个')]);
    expect(runs).toEqual([
      { text: '新增托位675个', mark: true },
      { text: '。', mark: false },
    ]);
  });

  test('gives one unmarked run when there are no targets', () => {
    expect(highlightTargets('举办各类文体活动。', [])).toEqual([{ text: '举办各类文体活动。', mark: false }]);
  });

  test('marks two targets with the same clause at its two occurrences', () => {
    expect(marked(highlightTargets(childcare.text, [target(675, '个', '新增托位675个'), target(675, '个', '新增托位675个')]))).toEqual(['新增托位675个', '新增托位675个']);
  });

  test.each<readonly [string, string, Target[]]>([
    ['two targets', childcare.text, childcare.targets],
    ['targets in reverse', childcare.text, [...childcare.targets].reverse()],
    ['an overlap', '新增托位675个。', [target(675, '个', '新增托位675个'), target(675, '个', '托位675个')]],
    ['a missing clause', '新增托位675个。', [target(1, '个', '不在文中1个')]],
    ['non-BMP characters', '𠀀新增托位675个𠀁', [target(675, '个', '新增托位675个')]],
  ])('gives runs that concatenate back to the text exactly (%s)', (_what, text, targets) => {
    expect(joined(highlightTargets(text, targets))).toBe(text);
  });

  test('always gives non-empty runs that concatenate back to the text, marking each target at most once and only target clauses', () => {
    const piece = fc.constantFrom('新增', '托位', '675', '个', '，', '改造', '老旧小区', '34', '𠀀', '。');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.array(piece, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), (parts, clauses) => {
        const text = parts.join('');
        const targets = clauses.map((c) => target(1, '个', c.join('')));
        const runs = highlightTargets(text, targets);
        expect(joined(runs)).toBe(text);
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
        const marks = marked(runs);
        expect(marks.length).toBeLessThanOrEqual(targets.length);
        for (const m of marks) expect(targets.some((t) => t.text === m)).toBe(true);
      }),
    );
  });
});

describe('blockId', () => {
  test.each<readonly [number, boolean, string]>([
    [18, false, 'c18'],
    [18, true, 'c18-appendix'],
    [1, false, 'c1'],
  ])('names the block of commitment %i (appendix: %s) %j', (number, appendix, id) => {
    expect(blockId(number, appendix)).toBe(id);
  });
});

describe('sourceBlocks', () => {
  const lines = [
    '2023年区政府为民办实事事项', // 1
    '一、促进就业创业（2项）', // 2
    '17.建设零工市场', // 3
    '（区人社局牵头）', // 4
    '18.实施安心托幼行动', // 5
    '', // 6
    '附件', // 7
    '18.实施安心托幼行动', // 8
    '推进举措：新建托育机构', // 9
    '济南市市中区人民政府', // 10
  ];
  const c17 = commitment(17, { startLine: 3, endLine: 4 });
  const c18 = commitment(18, { startLine: 5, endLine: 5 }, { appendixSource: { startLine: 8, endLine: 9 } });

  /** The blocks as [kind or id, line numbers]. */
  const shape = (blocks: readonly SourceBlock[]): [string, number[]][] => blocks.map((b) => [b.kind === 'commitment' ? b.id : 'lines', b.lines.map((l) => l.no)]);

  const every = (blocks: readonly SourceBlock[]) => blocks.flatMap((b) => b.lines);

  test('makes each commitment’s range and appendix range a block, with loose lines between them', () => {
    expect(shape(sourceBlocks(lines, [c17, c18]))).toEqual([
      ['lines', [1, 2]],
      ['c17', [3, 4]],
      ['c18', [5]],
      ['lines', [6, 7]],
      ['c18-appendix', [8, 9]],
      ['lines', [10]],
    ]);
  });

  test('gives commitment blocks their number, appendix flag and the lines’ text', () => {
    const blocks = sourceBlocks(lines, [c17, c18]);
    expect(blocks[4]).toEqual({
      kind: 'commitment',
      id: 'c18-appendix',
      number: 18,
      appendix: true,
      lines: [
        { no: 8, text: '18.实施安心托幼行动' },
        { no: 9, text: '推进举措：新建托育机构' },
      ],
    });
    expect(blocks[2]).toEqual({ kind: 'commitment', id: 'c18', number: 18, appendix: false, lines: [{ no: 5, text: '18.实施安心托幼行动' }] });
  });

  test('gives every input line exactly once, in order, with its own text', () => {
    const all = every(sourceBlocks(lines, [c18, c17]));
    expect(all.map((l) => l.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(all.map((l) => l.text)).toEqual(lines);
  });

  test('does not depend on the order the commitments come in', () => {
    expect(sourceBlocks(lines, [c18, c17])).toEqual(sourceBlocks(lines, [c17, c18]));
  });

  test('handles ranges at the very start and the very end of the notice without loose blocks there', () => {
    const first = commitment(1, { startLine: 1, endLine: 2 });
    const last = commitment(2, { startLine: 5, endLine: 6 }, { appendixSource: { startLine: 9, endLine: 10 } });
    expect(shape(sourceBlocks(lines, [first, last]))).toEqual([
      ['c1', [1, 2]],
      ['lines', [3, 4]],
      ['c2', [5, 6]],
      ['lines', [7, 8]],
      ['c2-appendix', [9, 10]],
    ]);
  });

  test('puts adjacent ranges in adjacent blocks with no loose block between them', () => {
    const a = commitment(1, { startLine: 3, endLine: 4 });
    const b = commitment(2, { startLine: 5, endLine: 7 });
    expect(shape(sourceBlocks(lines, [a, b]))).toEqual([
      ['lines', [1, 2]],
      ['c1', [3, 4]],
      ['c2', [5, 6, 7]],
      ['lines', [8, 9, 10]],
    ]);
  });

  test('gives one loose block when there are no commitments', () => {
    expect(shape(sourceBlocks(lines, []))).toEqual([['lines', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]);
  });

  test('gives no blocks for no lines', () => {
    expect(sourceBlocks([], [])).toEqual([]);
  });

  test('never splits a block for an overlapping range, and still gives every line once', () => {
    const a = commitment(1, { startLine: 3, endLine: 5 });
    const b = commitment(2, { startLine: 4, endLine: 6 });
    const blocks = sourceBlocks(lines, [a, b]);
    expect(shape(blocks)).toEqual([
      ['lines', [1, 2]],
      ['c1', [3, 4, 5]],
      ['lines', [6, 7, 8, 9, 10]],
    ]);
    expect(every(blocks).map((l) => l.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('excerpt', () => {
  test.each<readonly [string, number, string]>([
    ['举办各类文体活动', 20, '举办各类文体活动'],
    ['举办各类文体活动', 8, '举办各类文体活动'],
    ['举办各类文体活动', 7, '举办各类文体…'],
    ['新增托位675个', 5, '新增托位…'],
    ['', 5, ''],
  ])('cuts %j to at most %i characters: %j', (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  test.each<readonly [string, number, string]>([
    ['𠀀𠀁𠀂', 3, '𠀀𠀁𠀂'],
    ['𠀀𠀁𠀂𠀃', 3, '𠀀𠀁…'],
    ['ab𠀀cd', 4, 'ab𠀀…'],
    ['ab𠀀cd', 5, 'ab𠀀cd'],
  ])('counts characters, not UTF-16 units: %j with at most %i characters is %j', (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  test('never gives more characters than allowed', () => {
    const text = '为全区白内障、翼状胬肉患者实施免费惠民手术至少500例𠀀';
    for (let max = 1; max <= 40; max++) expect([...excerpt(text, max)].length).toBeLessThanOrEqual(max);
  });
});

describe('citations', () => {
  const url = 'https://example.org/minsheng/2023/jinan-shizhong/18/';
  const withIssuer: CiteInput = { notice: noticeWithIssuer, commitment: childcare, url, siteName: '民生实事公开' };
  const withoutIssuer: CiteInput = { notice: noticeWithoutIssuer, commitment: childcare, url, siteName: '民生实事公开' };

  test('the access date is a placeholder the reader fills in', () => {
    expect(accessDatePlaceholder).toBe('引用日期');
  });

  test('gbt7714 names the issuer, the item, the [EB/OL] marker, the date, the access-date placeholder and the URL', () => {
    expect(gbt7714(withIssuer)).toBe(
      '济南市市中区人民政府. 2023年区政府20件为民办实事事项：第18项 实施安心托幼行动[EB/OL]. (2023-01-10)[引用日期]. https://example.org/minsheng/2023/jinan-shizhong/18/.',
    );
  });

  test('gbt7714 falls back to the district’s full name and the year', () => {
    expect(gbt7714(withoutIssuer)).toBe(
      '济南市市中区. 2023年区政府20件为民办实事事项：第18项 实施安心托幼行动[EB/OL]. (2023)[引用日期]. https://example.org/minsheng/2023/jinan-shizhong/18/.',
    );
  });

  test('apa names the issuer, the date in Chinese, the item, the site, the access-date placeholder and the URL', () => {
    expect(apa(withIssuer)).toBe(
      '济南市市中区人民政府. (2023年1月10日). 2023年区政府20件为民办实事事项：第18项 实施安心托幼行动. 民生实事公开. 检索于引用日期, 取自 https://example.org/minsheng/2023/jinan-shizhong/18/',
    );
  });

  test('apa falls back to the district’s full name and the year', () => {
    expect(apa(withoutIssuer)).toBe(
      '济南市市中区. (2023). 2023年区政府20件为民办实事事项：第18项 实施安心托幼行动. 民生实事公开. 检索于引用日期, 取自 https://example.org/minsheng/2023/jinan-shizhong/18/',
    );
  });

  test('apa writes a date with two-digit month and day without leading zeros', () => {
    expect(apa({ ...withIssuer, notice: { ...noticeWithIssuer, date: '2023-12-31' } })).toContain('(2023年12月31日)');
  });
});

describe('labels', () => {
  test.each<readonly ['city' | 'province', string]>([
    ['city', '属市级任务'],
    ['province', '属省级任务'],
  ])('calls the %s level %j', (level, label) => {
    expect(levelLabel(level)).toBe(label);
  });

  test.each<readonly [Target, string]>([
    [{ value: 17800, unit: '人', text: '新增城镇就业1.78万人以上', comparator: '>=' }, '不少于 17,800 人'],
    [{ value: 5, unit: '%', text: '控制在5%以内', comparator: '<=' }, '不超过 5%'],
    [{ value: 200, unit: '个', text: '约200个', comparator: '~' }, '约 200 个'],
    [target(675, '个', '新增托位675个'), '675 个'],
  ])('writes the target %j as %j', (t, label) => {
    expect(targetLabel(t)).toBe(label);
  });

  test.each<readonly ['heading' | 'rule' | 'override' | 'none', string | undefined, string]>([
    ['heading', '促进就业', '依据原文分组标题中的“促进就业”归类'],
    ['heading', undefined, '依据原文分组标题归类'],
    ['rule', '托位', '依据关键词“托位”归类'],
    ['rule', undefined, '依据关键词归类'],
    ['override', undefined, '经人工复核归类'],
    ['none', undefined, '未能自动归类'],
  ])('explains the assignment %s (%s) as %j', (how, matched, label) => {
    expect(topicHowLabel(how, matched)).toBe(label);
  });

  test.each<readonly [string, string]>([
    ['2023-01-10', '2023年1月10日'],
    ['2023-12-31', '2023年12月31日'],
  ])('writes %s as %j', (date, label) => {
    expect(dateLabel(date)).toBe(label);
  });
});

describe('workLabel', () => {
  test.each<readonly [number, number, string]>([
    [2, 1, '牵头 2 项，配合 1 项'],
    [2, 0, '牵头 2 项'],
    [0, 3, '配合 3 项'],
    [0, 0, '未写明牵头或配合的事项'],
  ])('writes lead %i and co-operation %i as %j, never a zero', (lead, co, label) => {
    expect(workLabel(lead, co)).toBe(label);
  });
});
