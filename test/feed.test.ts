import { describe, expect, test } from 'vitest';
import { feedPath } from '../src/lib/content/paths.ts';
import { atomFeed, xmlEscape } from '../src/lib/site/feed.ts';
import { commitment, oneYear, places, plainNotice as notice } from './helpers/records.ts';

// ---------------------------------------------------------------------------
// Hand-built records, validated with the zod schemas.

const { xiangshan, shizhong, hedong } = places;

const site = 'https://minsheng.example.org';

const single = oneYear(
  [notice(xiangshan, { date: '2023-09-01' })],
  [
    commitment(xiangshan, 18, {
      title: '实施安心托幼行动',
      text: '实施安心托幼行动，新增托位675个。（牵头单位：区教育局）',
      topic: { slug: 'childcare-education', how: 'heading', matched: '教育' },
    }),
  ],
);

/** Three districts (one undated), given out of order; numbers out of order. */
const three = oneYear(
  [notice(hedong), notice(shizhong, { date: '2023-01-10' }), notice(xiangshan, { date: '2023-09-01' })],
  [
    commitment(shizhong, 2),
    commitment(hedong, 1),
    commitment(xiangshan, 10),
    commitment(shizhong, 1, { topic: { slug: 'health', how: 'rule', matched: '医疗' } }),
    commitment(xiangshan, 2),
  ],
);

const nasty = oneYear(
  [notice(xiangshan, { date: '2023-09-01', districtFull: '淮北市"相山"区' })],
  [
    commitment(xiangshan, 1, {
      title: `A&B <b>'引号'</b> "双引号"`,
      text: `1 < 2 && 3 > 2 ]]> <script>alert('x')</script>\u0001\u0008\u000B\uFFFE\uFFFF\uD800 结束\t换行\n😀`,
    }),
  ],
);

// ---------------------------------------------------------------------------
// A minimal XML well-formedness check: one root, balanced tags, quoted
// attributes, only the five predefined or numeric entities, no raw `<` or `&`
// in text, no characters XML 1.0 forbids.

const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/u;
const name = '[A-Za-z_][\\w.:-]*';
const attribute = new RegExp(`^\\s+${name}="[^"<]*"`, 'u');

/** Returns the problems that make `xml` not well-formed (empty when it is). */
function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  if (forbidden.test(xml)) problems.push('a character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml [^?]*\?>\n/u, '');
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  for (const m of body.matchAll(/<[^>]*>/gu)) {
    const text = body.slice(at, m.index);
    if (text.includes('<') || entity.test(text)) problems.push(`bad text ${JSON.stringify(text)}`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${JSON.stringify(text)}`);
    at = m.index + m[0].length;
    const t = m[0];
    const end = new RegExp(`^</(${name})\\s*>$`, 'u').exec(t);
    const start = new RegExp(`^<(${name})((?:\\s+${name}="[^"<]*")*)\\s*(/?)>$`, 'u').exec(t);
    if (end) {
      if (stack.pop() !== end[1]) problems.push(`unbalanced ${t}`);
    } else if (start) {
      let attrs = start[2] ?? '';
      while (attrs !== '') {
        const a = attribute.exec(attrs);
        if (!a || entity.test(a[0])) {
          problems.push(`bad attributes in ${t}`);
          break;
        }
        attrs = attrs.slice(a[0].length);
      }
      if (stack.length === 0) roots++;
      if (start[3] !== '/') stack.push(start[1] ?? '');
    } else problems.push(`bad tag ${t}`);
  }
  if (body.slice(at).trim() !== '') problems.push('text after the root');
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Returns the text of every `<name>` element directly inside an `<entry>`. */
function entryValues(xml: string, element: string): string[] {
  return [...xml.matchAll(/<entry>[^]*?<\/entry>/gu)].map((e) => new RegExp(`<${element}>([^<]*)</${element}>`, 'u').exec(e[0])?.[1] ?? '');
}

/** Returns the feed-level `<updated>` (the first one, before any entry). */
function feedUpdated(xml: string): string | undefined {
  return /^[^]*?<updated>([^<]*)<\/updated>/u.exec(xml.split('<entry>')[0] ?? '')?.[1];
}

// ---------------------------------------------------------------------------

describe('xmlEscape', () => {
  test('escapes the five characters XML gives meaning to', () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  test('escapes an ampersand that already looks like an entity, so text round-trips', () => {
    expect(xmlEscape('&amp; &#38;')).toBe('&amp;amp; &amp;#38;');
  });

  test('removes control characters, lone surrogates and U+FFFE/U+FFFF, and keeps tab, line breaks and astral characters', () => {
    expect(xmlEscape('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i')).toBe('abcdefghi');
    expect(xmlEscape('甲\t乙\n丙\r丁😀\u007F\uE000')).toBe('甲\t乙\n丙\r丁😀\u007F\uE000');
  });

  test('leaves plain Chinese text as it is', () => {
    expect(xmlEscape('实施安心托幼行动，新增托位675个。')).toBe('实施安心托幼行动，新增托位675个。');
  });
});

describe('atomFeed', () => {
  test('writes the whole feed of a one-commitment year exactly as expected', () => {
    expect(atomFeed(single, { site, base: '/' })).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        '  <id>https://minsheng.example.org/2023/feed.xml</id>',
        '  <title>2023年民生实事 · 民生实事公开</title>',
        '  <subtitle>2023年各区县公布的民生实事，一项一条，附原文全文。</subtitle>',
        '  <link rel="self" type="application/atom+xml" href="https://minsheng.example.org/2023/feed.xml"/>',
        '  <link rel="alternate" type="text/html" href="https://minsheng.example.org/2023/"/>',
        '  <updated>2023-09-01T00:00:00+08:00</updated>',
        '  <author><name>民生实事公开</name><uri>https://minsheng.example.org/</uri></author>',
        '  <entry>',
        '    <id>https://minsheng.example.org/2023/huaibei-xiangshan/18/</id>',
        '    <title>淮北市相山区 第18项：实施安心托幼行动</title>',
        '    <link rel="alternate" type="text/html" href="https://minsheng.example.org/2023/huaibei-xiangshan/18/"/>',
        '    <published>2023-09-01T00:00:00+08:00</published>',
        '    <updated>2023-09-01T00:00:00+08:00</updated>',
        '    <category term="childcare-education" scheme="https://minsheng.example.org/2023/categories/" label="托育与教育"/>',
        '    <category term="huaibei-xiangshan" scheme="https://minsheng.example.org/2023/" label="淮北市相山区"/>',
        '    <content type="text">实施安心托幼行动，新增托位675个。（牵头单位：区教育局）</content>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  test('is well-formed XML, also when titles and texts hold markup, quotes and forbidden characters', () => {
    for (const year of [single, three, nasty]) expect(wellFormednessProblems(atomFeed(year, { site, base: '/minsheng/' }))).toEqual([]);
  });

  test('the well-formedness check itself rejects broken XML', () => {
    expect(wellFormednessProblems('<a><b></a></b>')).not.toEqual([]);
    expect(wellFormednessProblems('<a>x & y</a>')).not.toEqual([]);
    expect(wellFormednessProblems('<a t="1 < 2"/>')).not.toEqual([]);
    expect(wellFormednessProblems('<a/><b/>')).not.toEqual([]);
    expect(wellFormednessProblems('<a>\u0001</a>')).not.toEqual([]);
    expect(wellFormednessProblems('<a x="1"><b/>&amp;&#38;</a>')).toEqual([]);
  });

  test('escapes & < > " and \' in titles, texts and attributes, and drops forbidden characters', () => {
    const xml = atomFeed(nasty, { site, base: '/' });
    expect(entryValues(xml, 'title')).toEqual(['淮北市&quot;相山&quot;区 第1项：A&amp;B &lt;b&gt;&apos;引号&apos;&lt;/b&gt; &quot;双引号&quot;']);
    expect(xml).toContain('<content type="text">1 &lt; 2 &amp;&amp; 3 &gt; 2 ]]&gt; &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; 结束\t换行\n😀</content>');
    expect(xml).toContain('<category term="huaibei-xiangshan" scheme="https://minsheng.example.org/2023/" label="淮北市&quot;相山&quot;区"/>');
    expect(xml).not.toContain('<script>');
  });

  test('has one entry per commitment, in district then number order, identified by its absolute permalink', () => {
    const xml = atomFeed(three, { site, base: '/' });
    const ids = [
      'https://minsheng.example.org/2023/huaibei-xiangshan/2/',
      'https://minsheng.example.org/2023/huaibei-xiangshan/10/',
      'https://minsheng.example.org/2023/jinan-shizhong/1/',
      'https://minsheng.example.org/2023/jinan-shizhong/2/',
      'https://minsheng.example.org/2023/tianjin-hedong/1/',
    ];
    expect(entryValues(xml, 'id')).toEqual(ids);
    expect([...xml.matchAll(/<link rel="alternate" type="text\/html" href="([^"]*)"\/>/gu)].map((m) => m[1]).slice(1)).toEqual(ids);
    expect(entryValues(xml, 'title')).toEqual([
      '淮北市相山区 第2项：第2项',
      '淮北市相山区 第10项：第10项',
      '济南市市中区 第1项：第1项',
      '济南市市中区 第2项：第2项',
      '天津市河东区 第1项：第1项',
    ]);
  });

  test('holds only the newest notices’ commitments, whole notices, when the year has more than the limit, and says so', () => {
    const ids = (xml: string): string[] => entryValues(xml, 'id').map((u) => new URL(u).pathname);
    // Newest first: 相山区 (2023-09-01, 2 items), 市中区 (2023-01-10, 2 items), then the undated 河东区.
    expect(ids(atomFeed(three, { site, base: '/', limit: 4 }))).toEqual([
      '/2023/huaibei-xiangshan/2/',
      '/2023/huaibei-xiangshan/10/',
      '/2023/jinan-shizhong/1/',
      '/2023/jinan-shizhong/2/',
    ]);
    expect(ids(atomFeed(three, { site, base: '/', limit: 3 }))).toEqual(['/2023/huaibei-xiangshan/2/', '/2023/huaibei-xiangshan/10/']);
    // One notice larger than the limit is still given whole.
    expect(ids(atomFeed(three, { site, base: '/', limit: 1 }))).toEqual(['/2023/huaibei-xiangshan/2/', '/2023/huaibei-xiangshan/10/']);
    expect(atomFeed(three, { site, base: '/', limit: 3 })).toContain('此处为最新公布的1个区县的2项，其余3项见开放数据（https://minsheng.example.org/data/）。');
    expect(atomFeed(three, { site, base: '/', limit: 5 })).not.toContain('其余');
    expect(wellFormednessProblems(atomFeed(three, { site, base: '/', limit: 3 }))).toEqual([]);
  });

  test('puts the base path into every URL', () => {
    const xml = atomFeed(single, { site, base: '/minsheng/' });
    expect(xml).toContain('<id>https://minsheng.example.org/minsheng/2023/feed.xml</id>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://minsheng.example.org/minsheng/2023/feed.xml"/>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://minsheng.example.org/minsheng/2023/"/>');
    expect(entryValues(xml, 'id')).toEqual(['https://minsheng.example.org/minsheng/2023/huaibei-xiangshan/18/']);
    expect(xml).toContain('scheme="https://minsheng.example.org/minsheng/2023/categories/"');
    expect(xml).not.toMatch(/"https:\/\/minsheng\.example\.org\/2023/u);
  });

  test('gives the same bytes on every call', () => {
    const a = atomFeed(three, { site, base: '/' });
    const b = atomFeed(three, { site, base: '/' });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  test('dates each entry by its notice without history, and by the feed when the notice has no date either', () => {
    expect(entryValues(atomFeed(three, { site, base: '/' }), 'updated')).toEqual([
      '2023-09-01T00:00:00+08:00',
      '2023-09-01T00:00:00+08:00',
      '2023-01-10T00:00:00+08:00',
      '2023-01-10T00:00:00+08:00',
      '2023-09-01T00:00:00+08:00',
    ]);
  });

  test('never invents a published date: only entries of dated notices have one', () => {
    expect(entryValues(atomFeed(three, { site, base: '/' }), 'published')).toEqual([
      '2023-09-01T00:00:00+08:00',
      '2023-09-01T00:00:00+08:00',
      '2023-01-10T00:00:00+08:00',
      '2023-01-10T00:00:00+08:00',
      '',
    ]);
  });

  test('dates each entry by when its record last changed when the history knows it', () => {
    const xml = atomFeed(three, { site, base: '/', changed: (d) => (d.notice.date === undefined ? '2026-11-20' : undefined) });
    expect(entryValues(xml, 'updated').at(-1)).toBe('2026-11-20T00:00:00+08:00');
    expect(feedUpdated(xml)).toBe('2026-11-20T00:00:00+08:00');
  });

  test("dates the feed by the year's latest notice date, not by the clock", () => {
    expect(feedUpdated(atomFeed(three, { site, base: '/' }))).toBe('2023-09-01T00:00:00+08:00');
    const undated = oneYear([notice(hedong)], [commitment(hedong, 1)]);
    expect(feedUpdated(atomFeed(undated, { site, base: '/' }))).toBe('2023-01-01T00:00:00+08:00');
  });

  test('dates the feed by a notice issued the year before when that is the latest date', () => {
    const early = oneYear([notice(shizhong, { date: '2022-12-28' })], [commitment(shizhong, 1)]);
    expect(feedUpdated(atomFeed(early, { site, base: '/' }))).toBe('2022-12-28T00:00:00+08:00');
  });

  test('takes an explicit updated date instead when one is given, and refuses one that is not a date', () => {
    expect(feedUpdated(atomFeed(three, { site, base: '/', updated: '2024-02-03' }))).toBe('2024-02-03T00:00:00+08:00');
    expect(feedUpdated(atomFeed(three, { site, base: '/', updated: '2024-02-03T10:00:00Z' }))).toBe('2024-02-03T10:00:00Z');
    expect(() => atomFeed(three, { site, base: '/', updated: 'yesterday' })).toThrow(/yesterday/u);
  });

  test('labels each entry with its topic and its district as categories', () => {
    const xml = atomFeed(three, { site, base: '/' });
    const shizhong1 = [...xml.matchAll(/<entry>[^]*?<\/entry>/gu)][2]?.[0] ?? '';
    expect([...shizhong1.matchAll(/<category [^>]*\/>/gu)].map((m) => m[0])).toEqual([
      '<category term="health" scheme="https://minsheng.example.org/2023/categories/" label="医疗卫生"/>',
      '<category term="jinan-shizhong" scheme="https://minsheng.example.org/2023/" label="济南市市中区"/>',
    ]);
  });

  test('places the feed at /<year>/feed.xml', () => {
    expect(feedPath(2023)).toBe('/2023/feed.xml');
  });
});
