/**
 * The pure parts of the converters: encoding detection, HTML to lines (the
 * article, its tables), the canonical table text, Word numbering formats and
 * the PDF geometry.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText, mostlyGb2312 } from '../src/lib/decode.ts';
import { docBodyLines } from '../src/lib/convert/doc.ts';
import { formatNumber } from '../src/lib/convert/docx-numbering.ts';
import { htmlToLines } from '../src/lib/convert/html.ts';
import { numberToChinese } from '../src/lib/convert/numerals.ts';
import { layoutLines, splitAt, type TextItem } from '../src/lib/convert/pdf-layout.ts';
import { sniffFormat } from '../src/lib/convert/sniff.ts';
import { fillSpans, tableLines } from '../src/lib/convert/table-text.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';

const gbk = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('decoding text', () => {
  test('should read UTF-16 LE and BE with a byte-order mark as text, not as binary', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('一、托位\n', 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from('一、托位\n', 'utf16le').swap16()]);
    expect(decodeText(le)).toEqual({ ok: true, text: '一、托位\n', encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ ok: true, text: '一、托位\n', encoding: 'utf-16be' });
  });

  test('should read GBK text as GB18030', () => {
    // 新增托位 in GBK.
    const bytes = new Uint8Array([0xd0, 0xc2, 0xd4, 0xf6, 0xcd, 0xd0, 0xce, 0xbb, 0x0a]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '新增托位\n', encoding: 'gb18030' });
  });

  test('should refuse Latin-1 text that happens to be valid GB18030', () => {
    // "Zürich Café" in Latin-1: every pair is valid GB18030, none is a common hanzi.
    const bytes = gbk('Z\u00fcrich Caf\u00e9s \u00e0 \u00e9t\u00e9\n');
    expect(mostlyGb2312(bytes)).toBe(false);
    expect(decodeText(bytes).ok).toBe(false);
  });

  test('should say a UTF-16 file without a byte-order mark looks like one', () => {
    const bytes = new Uint8Array(Buffer.from('abc\ndef\n', 'utf16le'));
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatchInlineSnapshot(
      `"the file is binary (it contains a NUL byte), not a text notice (it looks like UTF-16 without a byte-order mark: save it as UTF-8, or as UTF-16 with a BOM)"`,
    );
  });

  test('should prefer UTF-8 whenever the bytes are valid UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('一、新增托位100个\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});

describe('sniffing formats', () => {
  test.each([
    ['%PDF-1.7\n', 'pdf'],
    ['PK\u0003\u0004rest', 'zip'],
    ['\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1', 'ole'],
    ['<!DOCTYPE html><html><body><p>x</p>', 'html'],
    ['  <p>一、新增托位</p>', 'html'],
    ['一、新增托位100个', undefined],
  ])('%j should be sniffed as %s', (head, format) => {
    expect(sniffFormat(gbk(head))).toBe(format);
  });
});

describe('HTML to lines', () => {
  test('should end a line at each block and each <br>, collapsing white space as a browser does', () => {
    const html = '<body><div><p>一、新增\n  托位100个<br>二、改造 小区</p><h2>附件</h2><ul><li>甲</li><li>乙</li></ul></div></body>';
    expect(htmlToLines(html)).toEqual(['一、新增托位100个', '二、改造 小区', '附件', '甲', '乙']);
  });

  test('should fill rowspan and colspan and emit tab-led rows framed by blank lines', () => {
    const html = `<body><p>前言</p><table>
      <tr><th>序号</th><th>类别</th><th colspan="2">责任单位</th></tr>
      <tr><td>1</td><td rowspan="2">教育</td><td>区教育局</td><td>区财政局</td></tr>
      <tr><td>2</td><td>区卫健委</td><td></td></tr></table><p>后记</p></body>`;
    expect(htmlToLines(html)).toEqual(['前言', '', '\t序号\t类别\t责任单位\t责任单位', '\t1\t教育\t区教育局\t区财政局', '\t2\t教育\t区卫健委\t', '', '', '后记']);
  });

  test('should read a layout table (a table inside it, or a single row) as blocks, and its inner data table as a table', () => {
    const inner = '<table><tr><td>1</td><td>甲</td></tr><tr><td>2</td><td>乙</td></tr></table>';
    const html = `<body><table width="1000"><tr><td><h1>标题</h1><div><p>正文</p>${inner}</div></td></tr></table></body>`;
    expect(htmlToLines(html)).toEqual(['标题', '正文', '', '\t1\t甲', '\t2\t乙']);
  });

  test('should leave out navigation, breadcrumbs, share widgets, footers, scripts and hidden text', () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
      <nav>首页 政务公开</nav><div class="breadcrumb">当前位置：首页</div>
      <div id="main"><h1>某区民生实事</h1><p>一、新增托位100个</p><p>二、改造老旧小区3个</p><p hidden>隐藏</p>
      <script>var a = '脚本';</script><div class="share_box">分享到</div></div>
      <ul class="related-news"><li><a href="/1">相关链接一</a></li></ul><div id="footer">版权所有</div></body></html>`;
    expect(htmlToLines(html)).toEqual(['某区民生实事', '一、新增托位100个', '二、改造老旧小区3个']);
  });

  test('should take the body by text density when no known container exists, links counting for nothing', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">其他通知标题第${i}号很长很长的链接文字</a></li>`).join('');
    const html = `<body><div class="l"><ul>${links}</ul></div><div class="r"><div class="box"><p>一、新增托位100个</p><p>二、改造老旧小区3个</p></div></div></body>`;
    expect(htmlToLines(html)).toEqual(['一、新增托位100个', '二、改造老旧小区3个']);
  });

  test('should turn any generated notice into lines that parse to the same commitments as its text', () => {
    const item = fc.record({
      title: fc.constantFrom('新增托位', '改造老旧小区', '新建公园', '更换路灯', '新建公厕'),
      value: fc.integer({ min: 1, max: 9999 }),
      unit: fc.constantFrom('个', '公里', '盏', '户'),
      unitName: fc.constantFrom('区教育局', '区住建局', '区城管局'),
    });
    const wrap = fc.constantFrom(
      (s: string) => `<p>${s}</p>`,
      (s: string) => `<div><span>${s}</span></div>`,
      (s: string) => `<section><p>\n  ${s}\n</p></section>`,
      (s: string) => `${s}<br>`,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(item, wrap), { minLength: 1, maxLength: 12 }), fc.boolean(), (items, chrome) => {
        const lines = ['某区2024年民生实事项目', ...items.map(([i], n) => `${n + 1}.${i.title}${i.value}${i.unit}（牵头单位：${i.unitName}）`)];
        const body = [`<h1>${lines[0]}</h1>`, ...items.map(([, w], n) => w(lines[n + 1] ?? ''))].join('\n');
        const page = chrome
          ? `<html><body><nav><a href="/">首页</a></nav><div class="content">${body}</div><footer>版权所有</footer></body></html>`
          : `<html><body>${body}</body></html>`;
        const fromText = parseNotice(`${lines.join('\n')}\n`);
        const fromHtml = parseNotice(`${htmlToLines(page).join('\n')}\n`);
        expect(fromText.ok && fromHtml.ok).toBe(true);
        if (!fromText.ok || !fromHtml.ok) return;
        const shape = (n: typeof fromText.notice): unknown => n.commitments.map((c) => [c.number, c.title, c.leadUnits, c.targets]);
        expect(shape(fromHtml.notice)).toEqual(shape(fromText.notice));
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe('the canonical table text', () => {
  test('should fill a cell spanning rows and columns into every slot it covers', () => {
    const cell = (text: string, rowSpan = 1, colSpan = 1): { text: string; rowSpan: number; colSpan: number } => ({ text, rowSpan, colSpan });
    expect(fillSpans([[cell('A', 2, 2), cell('B')], [cell('C')], [cell('D'), cell('E'), cell('F')]])).toEqual([
      ['A', 'A', 'B'],
      ['A', 'A', 'C'],
      ['D', 'E', 'F'],
    ]);
  });

  test('should lead each cell with a tab, turn tabs inside cells into spaces and drop empty rows', () => {
    expect(
      tableLines([
        ['1', 'a\tb', ''],
        ['', '', ''],
      ]),
    ).toEqual(['', '\t1\ta b\t', '', '']);
  });
});

describe('Word numbering', () => {
  test.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCountingThousand', '十'],
    [12, 'taiwaneseCountingThousand', '十二'],
    [20, 'chineseCounting', '二十'],
    [3, 'chineseLegalSimplified', '叁'],
    [3, 'decimalEnclosedCircle', '③'],
    [3, 'decimalZero', '03'],
    [4, 'lowerRoman', 'iv'],
    [28, 'upperLetter', 'BB'],
    [7, 'decimal', '7'],
  ])('%i in %s should read %s', (n, format, expected) => {
    expect(formatNumber(n, format)).toBe(expected);
  });

  test('Chinese numerals should read as they are written', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005].map(numberToChinese)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千零五',
    ]);
  });
});

describe('.doc body text', () => {
  test('should re-read rows by the commonest width when a row end is a tab, not a line break', () => {
    const body = '标题\n序号\t名称\t单位\t\t1\t托位\t教育局\t\n2\t\t住建局\t\n落款\n';
    expect(docBodyLines(body)).toEqual(['标题', '', '\t序号\t名称\t单位', '\t1\t托位\t教育局', '\t2\t\t住建局', '', '', '落款']);
  });
});

describe('PDF geometry', () => {
  const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, width: Array.from(str).length * size, size });

  test('should cut an item where a ruling crosses it', () => {
    const pieces = splitAt(item('甲乙丙丁', 0, 0), [20]);
    expect(pieces.map((p) => [p.str, p.x])).toEqual([
      ['甲乙', 0],
      ['丙丁', 20],
    ]);
  });

  test('should read a ruled grid with a merged cell as rows, the merged text in each row it covers', () => {
    // Two columns (x 0–50–100), two rows (y 100–80–60); the left column is one cell over both rows.
    const segments = [
      { x1: 0, y1: 100, x2: 100, y2: 100 },
      { x1: 50, y1: 80, x2: 100, y2: 80 },
      { x1: 0, y1: 60, x2: 100, y2: 60 },
      { x1: 0, y1: 100, x2: 0, y2: 60 },
      { x1: 50, y1: 100, x2: 50, y2: 60 },
      { x1: 100, y1: 100, x2: 100, y2: 60 },
    ];
    const items = [item('标题', 0, 120), item('教育', 5, 75), item('甲', 55, 85), item('乙', 55, 65), item('落款', 0, 40)];
    expect(layoutLines([{ items, segments }])).toEqual(['标题', '', '\t教育\t甲', '\t教育\t乙', '', '', '落款']);
  });

  test('should keep unruled columns apart at wide gaps and join a wrapped paragraph', () => {
    const items = [item('一二三四五六七八九十', 0, 100), item('续行', 0, 88), item('1', 0, 60), item('托位', 40, 60)];
    expect(layoutLines([{ items, segments: [] }])).toEqual(['一二三四五六七八九十续行', '', '\t1\t托位']);
  });
});
