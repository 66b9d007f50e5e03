import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { ParseResult } from '../src/lib/parse/notice.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { LineRange } from '../src/lib/schema.ts';
import { Notice } from '../src/lib/schema.ts';
import { inputLines, unaccountedLines } from './helpers/accounting.ts';

// ---------------------------------------------------------------------------
// Helpers: the input's lines are counted independently of the parser (./helpers/accounting.ts).
// ---------------------------------------------------------------------------

/** Checks that a result has the shape the contract promises. */
function expectWellFormed(input: string, result: ParseResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message).not.toMatch(/[\r\n]/u);
    expect(Number.isInteger(result.error.line)).toBe(true);
    expect(result.error.line).toBeGreaterThanOrEqual(0);
    expect(result.error.line).toBeLessThanOrEqual(inputLines(input).length);
    // A caught exception is a defect of the parser, not a verdict on the input.
    expect(result.error.message).not.toMatch(/^internal parser error/u);
  }
}

/** Checks that a successful result is a valid record: schema, numbering, ranges inside the input. */
function expectValidRecord(input: string, result: ParseResult): void {
  if (!result.ok) return;
  const { notice } = result;
  const count = inputLines(input).length;

  const validation = Notice.safeParse(notice);
  expect(validation.success, validation.success ? '' : JSON.stringify(validation.error.issues)).toBe(true);

  const numbers = notice.commitments.map((c) => c.number);
  expect(new Set(numbers).size, `commitment numbers ${numbers.join(',')}`).toBe(numbers.length);
  for (let i = 1; i < numbers.length; i++) {
    expect(numbers[i], `commitment numbers ${numbers.join(',')}`).toBeGreaterThan(numbers[i - 1] ?? 0);
  }

  const ranges: LineRange[] = [
    ...notice.commitments.flatMap((c) => (c.appendixSource ? [c.source, c.appendixSource] : [c.source])),
    ...notice.passages.map((p) => p.source),
    ...notice.groups.map((g) => g.source),
  ];
  for (const r of ranges) {
    expect(r.startLine).toBeGreaterThanOrEqual(1);
    expect(r.startLine).toBeLessThanOrEqual(r.endLine);
    expect(r.endLine).toBeLessThanOrEqual(count);
  }
  for (const w of notice.warnings) {
    expect(w.line).toBeGreaterThanOrEqual(0);
    expect(w.line).toBeLessThanOrEqual(count);
  }
}

/** Checks that every non-blank line of the input is in a commitment, a passage or a warning. */
function expectLinesAccounted(input: string, result: ParseResult): void {
  if (!result.ok) return;
  const lines = inputLines(input);
  const lost = unaccountedLines(input, result.notice).map((no) => `${no}: ${JSON.stringify(lines[no - 1])}`);
  expect(lost, 'non-blank lines in no commitment, passage or warning').toEqual([]);
}

/** Checks all of the above. */
function expectAccounted(input: string, result: ParseResult): void {
  expectWellFormed(input, result);
  expectValidRecord(input, result);
  expectLinesAccounted(input, result);
}

// ---------------------------------------------------------------------------
// Arbitrary strings.
// ---------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const awkward = fc.constantFrom('\r', '\n', '\r\n', '\t', '\u0000', '\u3000', '\ufeff', '\u200b', ' ', '、', '．', '（', '）', '1', '一', '年', '①', '[bookmark: _GoBack]');
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof(loneSurrogate, awkward, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 200 }),
);

// ---------------------------------------------------------------------------
// Lines of the real notices.
// ---------------------------------------------------------------------------

const noticesDir = join(import.meta.dirname, '..', 'content', 'notices', '2023');
const realFileNames = readdirSync(noticesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const realFiles = realFileNames.map((f) => inputLines(readFileSync(join(noticesDir, f), 'utf8')));
const realLines = realFiles.flat();
const realNonBlank = realLines.filter((l) => l.trim() !== '');

/** A line with a tab put in: at its start (a flattened table cell) or somewhere inside. */
const withTab = (line: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(line),
    fc.constant(`\t${line}`),
    fc.nat({ max: line.length }).map((i) => `${line.slice(0, i)}\t${line.slice(i)}`),
  );

/** A sample of lines: in file order, shuffled, or drawn from all files at once. */
const sampledLines = fc.oneof(
  fc.nat({ max: realFiles.length - 1 }).chain((i) => fc.subarray(realFiles[i] ?? [])),
  fc.nat({ max: realFiles.length - 1 }).chain((i) => fc.shuffledSubarray(realFiles[i] ?? [], { maxLength: Math.min(80, realFiles[i]?.length ?? 0) })),
  fc.array(fc.constantFrom(...realLines), { maxLength: 80 }),
  fc.array(fc.constantFrom(...realNonBlank), { maxLength: 40 }),
);

const realMix = fc
  .record({
    lines: sampledLines,
    dropBlank: fc.boolean(),
    tabs: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalEol: fc.boolean(),
  })
  .chain(({ lines, dropBlank, tabs, eol, finalEol }) => {
    const kept = dropBlank ? lines.filter((l) => l.trim() !== '') : lines;
    const edited = tabs ? fc.tuple(...kept.map(withTab)) : fc.constant(kept);
    return edited.map((ls) => ls.join(eol) + (finalEol ? eol : ''));
  });

/** Real lines with arbitrary lines (control characters, lone surrogates…) put among them. */
const noisyMix = fc
  .tuple(fc.array(fc.constantFrom(...realNonBlank), { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), anyString), { maxLength: 5 }))
  .map(([lines, noise]) => {
    const out = [...lines];
    for (const [at, text] of noise) out.splice(at % (out.length + 1), 0, text);
    return out.join('\n');
  });

// ---------------------------------------------------------------------------
// Generated notices.
// ---------------------------------------------------------------------------

const cnDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes 1–99 in Chinese numerals: 一, 十, 十一, 二十, 二十一. */
function cnNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${cnDigits[tens]}十`;
  return t + (cnDigits[ones] ?? '');
}

const fullWidth = (s: string): string => s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

type ItemStyle = 'cn' | 'arabic-dot' | 'arabic-comma' | 'arabic-paren' | 'cn-paren' | 'fullwidth';
const itemStyles: readonly ItemStyle[] = ['cn', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'cn-paren', 'fullwidth'];

function marker(style: ItemStyle, n: number): string {
  switch (style) {
    case 'cn':
      return `${cnNumeral(n)}、`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-comma':
      return `${n}、`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'cn-paren':
      return `（${cnNumeral(n)}）`;
    case 'fullwidth':
      return `${fullWidth(String(n))}．`;
  }
}

const units = [
  '区人社局',
  '区民政局',
  '区教育局',
  '区卫健委',
  '区住建局',
  '区残联',
  '区商务局',
  '区司法局',
  '区文旅体局',
  '区医保局',
  '区市场监管局',
  '区总工会',
  '区园林绿化服务中心',
  '市中城投集团',
  '龙桥街道',
];
const categories = ['促进就业', '社会保障', '困难群体救助', '教育惠民', '医疗服务', '环境保护', '交通出行', '文体服务', '城乡建设', '公共安全'];

interface GenItem {
  /** The item's own text, as it must reappear in the commitment's text. */
  text: string;
  /** The lead unit its note names, if it has a note. */
  unit?: string;
  /** How the note is written. */
  note: 'suffix' | 'label';
}

const genItem: fc.Arbitrary<GenItem> = fc
  .record({
    lead: fc.constantFrom('', '实施便民行动，', '持续改善民生，', '按照“一老一小”要求，'),
    verb: fc.constantFrom('新增', '建设', '改造', '培训', '开展', '完成', '提升', '新建'),
    object: fc.constantFrom('托位', '口袋公园', '城市书房', '公共充电桩', '家政服务人员', '停车泊位', '老旧小区', '健身园', '菜市场', '公共卫生间'),
    n: fc.integer({ min: 1, max: 99999 }),
    unit: fc.constantFrom('个', '处', '人次', '座', '家', '套', '公里', '场', '户'),
    tail: fc.constantFrom('', '。', '以上', '以上。', '左右。'),
    leadUnit: fc.option(fc.constantFrom(...units), { nil: undefined }),
    note: fc.constantFrom('suffix' as const, 'label' as const),
  })
  .map(({ lead, verb, object, n, unit, tail, leadUnit, note }) => {
    const item: GenItem = { text: `${lead}${verb}${object}${n}${unit}${tail}`, note };
    if (leadUnit !== undefined) item.unit = leadUnit;
    return item;
  });

interface GenGroup {
  name: string;
  size: number;
  declared: number;
}

interface GenNotice {
  text: string;
  items: GenItem[];
  groups: GenGroup[];
  /** Line number of each group heading. */
  headingLines: number[];
}

/** Splits `n` into `parts` positive sizes at the given cut points. */
function sizesOf(n: number, cuts: readonly number[]): number[] {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), n];
  return bounds.slice(1).map((b, i) => b - (bounds[i] ?? 0));
}

/** Group layout: none, or 2–4 groups each holding at least one item, each declaring the right count or a wrong one. */
const genGroups = (n: number, style: ItemStyle): fc.Arbitrary<ReadonlyArray<{ readonly size: number; readonly declared: number }>> => {
  if (style === 'cn' || n < 2) return fc.constant([]);
  const most = Math.min(4, n);
  const grouped = fc.integer({ min: 2, max: most }).chain((g) =>
    fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { minLength: g - 1, maxLength: g - 1 }).chain((cuts) => {
      const sizes = sizesOf(n, cuts);
      return fc.tuple(
        ...sizes.map((size) =>
          fc.oneof(
            fc.constant({ size, declared: size }),
            fc
              .integer({ min: 0, max: size + 5 })
              .filter((declared) => declared !== size)
              .map((declared) => ({ size, declared })),
          ),
        ),
      );
    }),
  );
  return fc.oneof(fc.constant([]), grouped);
};

const genNotice: fc.Arbitrary<GenNotice> = fc
  .record({
    district: fc.constantFrom('相山区', '市中区', '兖州区', '河东区', '鼓楼区', '高新区'),
    preamble: fc.subarray(['各街道办事处，区政府各部门：', '为进一步保障和改善民生，经区政府研究，决定实施以下民生实事。', '现将有关事项通知如下，请认真抓好落实。']),
    style: fc.constantFrom(...itemStyles),
    items: fc.integer({ min: 1, max: 40 }).chain((n) => fc.array(genItem, { minLength: n, maxLength: n })),
    closing: fc.boolean(),
    blankLines: fc.boolean(),
    indentHeadings: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .chain((base) =>
    fc.tuple(genGroups(base.items.length, base.style), fc.shuffledSubarray(categories, { minLength: 4, maxLength: 4 })).map(([layout, names]) => ({ ...base, layout, names })),
  )
  .map(({ district, preamble, style, items, closing, blankLines, indentHeadings, eol, layout, names }) => {
    const out: string[] = [];
    const push = (line: string): number => {
      out.push(line);
      if (blankLines) out.push('');
      return blankLines ? out.length - 1 : out.length;
    };
    push(`${district}2024年民生实事`);
    for (const p of preamble) push(p);
    const groups: GenGroup[] = layout.map((g, i) => ({ ...g, name: names[i] ?? `类别${i}` }));
    const headingLines: number[] = [];
    const starts = new Map<number, GenGroup>();
    let at = 0;
    for (const g of groups) {
      starts.set(at, g);
      at += g.size;
    }
    items.forEach((item, i) => {
      const g = starts.get(i);
      if (g) headingLines.push(push(`${indentHeadings ? '    ' : ''}${cnNumeral(groups.indexOf(g) + 1)}、${g.name}（${g.declared}项）`));
      const note = item.unit === undefined ? '' : item.note === 'suffix' ? `（${item.unit}负责）` : `（牵头单位：${item.unit}）`;
      push(`${marker(style, i + 1)}${item.text}${note}`);
    });
    if (closing) {
      push(`${district}人民政府`);
      push('2024年1月10日');
    }
    return { text: out.join(eol), items, groups, headingLines };
  });

// ---------------------------------------------------------------------------
// The properties.
// ---------------------------------------------------------------------------

describe('parseNotice on arbitrary strings', () => {
  test('never throws, answers ok or a one-line error, and keeps every invariant when it answers ok', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        expectAccounted(input, parseNotice(input));
      }),
      { numRuns: 5000 },
    );
  });
});

const families: ReadonlyArray<readonly [name: string, arbitrary: fc.Arbitrary<string>, runs: number]> = [
  ['mixes of lines from the real notices (sampled, shuffled, blank lines kept or dropped, tabs put in)', realMix, 2000],
  ['real lines with arbitrary lines (control characters, lone surrogates…) put among them', noisyMix, 2000],
  ['generated notices', genNotice.map((g) => g.text), 1000],
];

describe.each(families)('parseNotice on %s', (_name, arbitrary, numRuns) => {
  test('never throws and answers ok or a one-line error', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        expectWellFormed(input, parseNotice(input));
      }),
      { numRuns },
    );
  });

  test('answers a record that validates against the Notice schema, numbered uniquely and ascending, with ranges inside the input', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        expectValidRecord(input, parseNotice(input));
      }),
      { numRuns },
    );
  });

  test('puts every non-blank line of the input in a commitment, a passage or a warning', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        expectLinesAccounted(input, parseNotice(input));
      }),
      { numRuns },
    );
  });
});

describe('parseNotice on the built-in notices as written', () => {
  test.each(realFileNames)('reads %s and accounts for every one of its lines', (name) => {
    const input = readFileSync(join(noticesDir, name), 'utf8');
    const result = parseNotice(input);
    expect(result.ok).toBe(true);
    expectAccounted(input, result);
  });
});

describe('parseNotice on small inputs the properties led to', () => {
  test.each<readonly [string, string]>([
    ['a circled marker with no text after it', '2023年民生实事\n①'],
    ['a circled marker with no text under an item', '2023年民生实事\n1.新增托位5个。\n①'],
    ['a flattened table with a number column only', '2023年民生实事\n\t1\n\t2\n\t3'],
    ['a flattened table whose numbered row has an empty content cell', '2023年民生实事\n\t序号\n\t内容\n\t1\n\t'],
    ['a title that declares 0 items', '2023年0项民生实事\n1.新增托位5个。'],
    ['a numbered measure with no text after its number', '2023年民生实事\n1.新增托位5个。\n推进举措：\n1．'],
  ])('answers a valid record for %s', (_what, input) => {
    const result = parseNotice(input);
    expectAccounted(input, result);
  });
});

describe('parseNotice on generated notices, item by item', () => {
  test('reads every generated item as one commitment, numbered 1..N, with its text and its lead unit', () => {
    fc.assert(
      fc.property(genNotice, (g) => {
        const result = parseNotice(g.text);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { commitments } = result.notice;
        expect(commitments.map((c) => c.number)).toEqual(g.items.map((_, i) => i + 1));
        g.items.forEach((item, i) => {
          const c = commitments[i];
          expect(c?.text).toContain(item.text);
          if (item.unit !== undefined) expect(c?.leadUnits).toContain(item.unit);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('warns once about a group heading whose declared count is wrong, and never about one that is right', () => {
    fc.assert(
      fc.property(
        genNotice.filter((g) => g.groups.length > 0),
        (g) => {
          const result = parseNotice(g.text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { notice } = result;
          expect(notice.groups.map((x) => x.name)).toEqual(g.groups.map((x) => x.name));
          g.groups.forEach((group, i) => {
            const about = notice.warnings.filter((w) => w.message.includes(group.name));
            if (group.declared === group.size) expect(about).toEqual([]);
            else {
              expect(about).toHaveLength(1);
              expect(about[0]?.line).toBe(g.headingLines[i]);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
