/**
 * The search index's words and records, without a browser: how text becomes index words and
 * back (src/lib/search/terms.ts), what a built page gives the index (entry.ts, html.ts), what a
 * result must hold to be shown (results.ts), and how the index's files are counted (size.ts).
 */
import { describe, expect, test } from 'vitest';
import { entryText, isIndexed, searchEntry } from '../src/lib/search/entry.ts';
import { pageListing, pageMeta } from '../src/lib/search/html.ts';
import { containsQuery, excerptAround, textContains } from '../src/lib/search/results.ts';
import { breakdownLine, indexBreakdown, indexKind } from '../src/lib/search/size.ts';
import { indexText, indexWords, phraseQueries, searchRuns, spaceMark } from '../src/lib/search/terms.ts';

describe('index words and queries', () => {
  test('should read text as the search box reads a query', () => {
    expect(searchRuns('新增托位675个，推进“老旧小区”改造 ABC').map((r) => r.join(''))).toEqual(['新增托位675个推进老旧小区改造', 'abc']);
  });

  test('should make each character and digit a word, white space a mark of its own', () => {
    expect(indexWords('新增托位675个 ABC')).toBe(`新 增 托 位 6 7 5 个 ${spaceMark} A B C`);
  });

  test('should keep punctuation and symbols with the word before them, as the index drops them from the word', () => {
    expect(indexWords('“覆盖率”95%以上，面积1.2㎡')).toBe('“ 覆 盖 率” 9 5% 以 上， 面 积 1. 2㎡');
  });

  test('should give the text back from its words, white space as one space', () => {
    for (const text of ['新增托位675个，推进老旧小区改造。', '区教育局  牵头', '覆盖率95%以上', '①建设“口袋公园”3处']) {
      expect(indexText(indexWords(text))).toBe(text.replace(/\s+/gu, ' '));
    }
  });

  test('should search each run of the query as an exact phrase of its characters, without symbols', () => {
    expect(phraseQueries('托位')).toEqual(['"托 位"']);
    expect(phraseQueries('  老旧小区，改造  95%  ')).toEqual(['"老 旧 小 区 改 造"', '"9 5"']);
    expect(phraseQueries('社区食堂老年助餐服务中心建设')).toEqual(['"社 区 食 堂 老 年 助 餐 服 务 中 心 建 设"']);
    expect(phraseQueries('，。 % ')).toEqual([]);
  });

  test('should keep a result only when its text holds each run of the query, symbols included', () => {
    const content = indexWords('实施安心托幼行动，新增托位675个，覆盖率95%以上');
    expect(containsQuery(content, '托位')).toBe(true);
    expect(containsQuery(content, '托位 覆盖')).toBe(true);
    expect(containsQuery(content, '95%以')).toBe(true);
    // Punctuation is left out of both, as the search box reads them.
    expect(containsQuery(content, '个覆盖')).toBe(true);
    expect(containsQuery(content, '托行')).toBe(false);
    // What Pagefind's phrase search also finds, its index dropping the symbol: 托 + 位 for 托位.
    expect(containsQuery(indexWords('托+位服务'), '托位')).toBe(false);
    expect(textContains('区教育局 牵头', '育局')).toBe(true);
  });

  test('should cut an excerpt around the query from the text, the query marked', () => {
    expect(excerptAround(indexText(indexWords('实施安心托幼行动，新增托位675个。')), '托位')).toEqual([
      { text: '实施安心托幼行动，新增', mark: false },
      { text: '托位', mark: true },
      { text: '675个。', mark: false },
    ]);
  });
});

/** A built page as the layout writes it: `<main data-pagefind-body>`, its filters, a heading, a summary. */
function page(body: string, filters: [string, string][], indexed = true): string {
  const spans = filters.map(([k, v]) => `<span data-pagefind-filter="${k}[data-value]" data-value="${v}"></span>`).join('');
  return `<!DOCTYPE html><html><body><header><a class="brand" href="/">民生实事公开</a></header><main id="main"${indexed ? ' data-pagefind-body' : ''}>${body}<div hidden>${spans}</div></main></body></html>`;
}

describe('what a built page gives the index', () => {
  const commitment = page(
    '<p class="meta">淮北市相山区 · 2023年民生实事 · 第18项</p><h1>托育服务扩容</h1><blockquote><p data-pagefind-meta="summary">新增<mark class="target">托位 675 个</mark>（牵头单位：区卫生健康委员会）</p></blockquote><h2>进展</h2><p>未见进展报告。本站尚未收录……</p><section data-pagefind-ignore>引用</section>',
    [
      ['type', '事项'],
      ['district', '淮北市相山区'],
      ['unit', '区卫生健康委员会'],
      ['unit', '区教育局'],
    ],
  );

  test('should index a commitment by its source wording, title, district and departments, each once, and nothing else of the page', () => {
    expect(entryText(commitment)).toBe('新增托位 675 个（牵头单位：区卫生健康委员会） 托育服务扩容 淮北市相山区 区教育局');
    const entry = searchEntry(commitment);
    expect(entry?.meta).toEqual({ title: '托育服务扩容' });
    expect(entry?.filters).toEqual({ type: ['事项'], district: ['淮北市相山区'], unit: ['区卫生健康委员会', '区教育局'] });
    expect(indexText(entry?.content ?? '')).toBe(entryText(commitment));
  });

  test('should index a district’s page by its names, not the commitments it lists', () => {
    const district = page('<h1>淮北市相山区 · 2023年民生实事</h1><ol><li>建设社区食堂</li></ol>', [
      ['type', '区县通知'],
      ['district', '淮北市相山区'],
    ]);
    expect(entryText(district)).toBe('淮北市相山区 · 2023年民生实事');
  });

  test('should not index a department’s page, and read the year, district and name it marks for the department links', () => {
    const unit =
      '<!DOCTYPE html><html><body><main id="main" tabindex="-1" data-search-year="2023" data-search-district="淮北市相山区" data-search-unit="区民政局&amp;区残联"><h1>区民政局</h1><ol><li>建设社区食堂</li></ol></main></body></html>';
    expect(isIndexed(unit)).toBe(false);
    expect(searchEntry(unit)).toBeUndefined();
    expect(pageListing(unit)).toEqual({ year: '2023', district: '淮北市相山区', unit: '区民政局&区残联' });
    expect(pageListing(unit.replace(' data-search-year="2023"', ''))).toBeUndefined();
    expect(pageListing(page('<h1>淮北市相山区</h1>', [['district', '淮北市相山区']]))).toBeUndefined();
  });

  test('should leave out a page that marks no indexed body', () => {
    const home = page('<h1>民生实事公开</h1>', [], false);
    expect(searchEntry(home)).toBeUndefined();
    expect(entryText(home)).toBe('');
  });

  test('should read a page’s metadata from the element that marks it, entities decoded', () => {
    expect(pageMeta('<p data-pagefind-meta="summary">A &amp; <b>B</b>\n C</p><p data-pagefind-meta="summary">later</p>')).toEqual({ summary: 'A & B C' });
  });
});

describe('what the index is made of', () => {
  test('should count each kind of index file, in every part', () => {
    const files = {
      'fragment/und_1.pf_fragment': 400,
      'part-2/fragment/und_2.pf_fragment': 600,
      'index/und_1.pf_index': 3000,
      'part-2/index/und_2.pf_index': 2000,
      'pagefind.und_a.pf_meta': 90,
      'part-2/pagefind.und_b.pf_meta': 80,
      'filter/und_1.pf_filter': 50,
      'pagefind.js': 47000,
      'wasm.unknown.pagefind': 55000,
      'parts.json': 10,
      'part-2/units.json': 20,
      'directory/0.json': 700,
      'directory/1.json': 800,
    };
    expect(indexKind('part-12/fragment/x.pf_fragment')).toBe('fragments');
    const sizes = indexBreakdown(files);
    expect(sizes.fragments).toEqual({ files: 2, bytes: 1000 });
    expect(sizes.chunks).toEqual({ files: 2, bytes: 5000 });
    expect(sizes['page lists']).toEqual({ files: 2, bytes: 170 });
    expect(sizes.runtime).toEqual({ files: 2, bytes: 102000 });
    expect(sizes.directory).toEqual({ files: 2, bytes: 1500 });
    expect(sizes.other).toEqual({ files: 2, bytes: 30 });
    expect(sizes.total).toEqual({ files: 13, bytes: 109750 });
    expect(breakdownLine(sizes, (b) => `${b} B`)).toBe(
      'index 109750 B in 13 files: fragments 1000 B (2), chunks 5000 B (2), page lists 170 B (2), filters 50 B (1), runtime 102000 B (2), directory 1500 B (2), other 30 B (2)',
    );
  });
});
