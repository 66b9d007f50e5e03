/**
 * Published formats → canonical notice text: real files made by LibreOffice
 * (see test/formats/README.md), hand-written HTML pages and text in every
 * encoding. Each converts to the text a person wrote down by hand for it, and
 * parses to the same commitments as that text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { convertNotice } from '../src/lib/convert/index.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { Notice } from '../src/lib/schema.ts';

const dir = join(import.meta.dirname, 'formats');
const read = (name: string): Uint8Array => readFileSync(join(dir, name));
const text = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** Returns the canonical text of a fixture, failing the test when it does not convert. */
async function convert(name: string): Promise<string> {
  const result = await convertNotice(read(name), name);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.text;
}

/** Returns the parsed notice of a text. */
function parse(input: string): Notice {
  const result = parseNotice(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.notice;
}

/** What a reader compares between two renderings of one notice: each commitment's number, title, units and targets. */
function commitments(notice: Notice): unknown {
  return {
    title: notice.title,
    year: notice.year,
    docNumber: notice.docNumber,
    declaredTotal: notice.declaredTotal,
    groups: notice.groups.map((g) => [g.number, g.name, g.items]),
    commitments: notice.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      leadUnits: c.leadUnits,
      coUnits: c.coUnits,
      targets: c.targets.map((t) => [t.value, t.unit]),
    })),
  };
}

const cases: Array<[string, string]> = [
  ['list.html', 'list.txt'],
  ['list.docx', 'list.txt'],
  ['list.doc', 'list.txt'],
  ['list.pdf', 'list.txt'],
  ['list-gbk.txt', 'list.txt'],
  ['list-utf16.txt', 'list.txt'],
  ['list-utf16be.txt', 'list.txt'],
  ['gov-page-gbk.html', 'list.txt'],
  ['table.html', 'table.txt'],
  ['wechat.html', 'table.txt'],
  ['table.docx', 'table.txt'],
  ['table.pdf', 'table.txt'],
  ['table.doc', 'table-doc.txt'],
  ['numbering.docx', 'numbering.txt'],
  ['numbering.pdf', 'numbering.txt'],
];

describe('converting published files', () => {
  test.each(cases)('%s should convert to the text written by hand in %s', async (file, expected) => {
    expect(await convert(file)).toBe(text(expected).replace(/\r\n/gu, '\n'));
  });

  test.each(cases)('%s should give the same text when converted twice', async (file) => {
    expect(await convert(file)).toBe(await convert(file));
  });

  test('the GBK page and the UTF-16 text should be detected from their bytes, not their names', async () => {
    const gbk = read('list-gbk.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const renamed = await convertNotice(gbk, 'notice.html');
    expect(renamed.ok && renamed.format).toBe('text');
    const utf16 = await convertNotice(read('list-utf16.txt'), 'notice.bin');
    expect(utf16.ok && utf16.text).toBe(text('list.txt'));
    const html = await convertNotice(read('gov-page-gbk.html'), 'page.txt');
    expect(html.ok && html.format).toBe('html');
  });

  test('the saved government page should keep the article and leave the site chrome out', async () => {
    const out = await convert('gov-page-gbk.html');
    for (const chrome of ['首页', '当前位置', '分享到', '相关文章', '备案号', '统计代码', '隐藏的统计文字', '发布时间', '无障碍浏览']) {
      expect(out).not.toContain(chrome);
    }
    // The title sits in an <h1> above the article text, and comes first.
    expect(out.split('\n')[0]).toBe('某县人民政府办公室关于印发某县2024年民生实事项目的通知');
  });

  test('the WeChat article should keep the title and the table, not the toolbar or the QR code', async () => {
    const out = await convert('wechat.html');
    for (const chrome of ['阅读 1234', '微信扫一扫', '某区发布', '2024-01-21']) expect(out).not.toContain(chrome);
    expect(out).toContain('\t1\t教育\t新建幼儿园\t');
  });
});

describe('Word automatic numbering', () => {
  test('the numbers of numbering.docx should exist only as list numbering in the file', async () => {
    const zip = await JSZip.loadAsync(read('numbering.docx'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const words = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');
    expect(words).toContain('养老服务');
    expect(words).not.toMatch(/一、|（一）|（二）|1\./u);
    expect(xml).toContain('<w:numPr>');
    // A converter on its own loses them.
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(read('numbering.docx')) });
    expect(raw.value).not.toContain('一、养老服务');
  });

  test('the converted text should show the numbers a reader of the document sees', async () => {
    const lines = (await convert('numbering.docx')).split('\n');
    expect(lines).toContain('一、养老服务');
    expect(lines).toContain('二、环境整治');
    // Level 2 restarts under each level-1 item; level 3 counts in Arabic numerals.
    expect(lines.filter((l) => l.startsWith('（一）'))).toHaveLength(2);
    expect(lines).toContain('1.完成主次干道路灯更换420盏。');
    expect(lines).toContain('2.新增公共停车泊位360个。');
  });
});

describe('the same notice in every format', () => {
  const notices: Array<[string, string[]]> = [
    ['list.txt', ['list.html', 'gov-page-gbk.html', 'list.docx', 'list.doc', 'list.pdf', 'list-gbk.txt', 'list-utf16.txt']],
    ['table.txt', ['table.html', 'wechat.html', 'table.docx', 'table.pdf']],
    ['numbering.txt', ['numbering.docx', 'numbering.pdf']],
  ];
  test.each(notices)('the HTML, Word and PDF files of %s should parse to the same commitments as the text', async (source, files) => {
    const expected = commitments(parse(text(source)));
    expect((expected as { commitments: unknown[] }).commitments.length).toBeGreaterThan(0);
    for (const file of files) expect({ file, ...(commitments(parse(await convert(file))) as object) }).toEqual({ file, ...(expected as object) });
  });

  test('the table read from the PDF should keep its columns apart, merged cells filled', async () => {
    const notice = parse(await convert('table.pdf'));
    const second = notice.commitments.find((c) => c.number === 2);
    expect(second?.title).toBe('改造学校食堂');
    // 区教育局 is one cell merged over rows 1 and 2.
    expect(second?.leadUnits).toEqual(['区教育局']);
    expect(second?.coUnits).toEqual(['区市场监管局']);
  });
});

const projectRoot = join(import.meta.dirname, '..');
const node = join(projectRoot, 'node_modules', '.bin', 'node');

describe('files that cannot be read', () => {
  const broken: Array<[string, RegExp]> = [
    ['scanned.pdf', /has no text layer \(a scanned PDF of 1 page\); it needs OCR/u],
    ['corrupt.pdf', /damaged or incomplete PDF/u],
    ['corrupt.docx', /not a readable Word \.docx document/u],
    ['corrupt.doc', /not a readable Word 97–2003 \.doc document/u],
    ['corrupt.html', /declares the character set gbk but is not valid gbk/u],
    ['corrupt.txt', /not valid UTF-8, UTF-16 \(with a byte-order mark\) or GB18030\/GBK/u],
  ];
  test.each(broken)('parse should refuse %s with one line naming the file', (file, message) => {
    const path = join('test', 'formats', file);
    const run = spawnSync(node, ['scripts/parse.ts', path], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${path.replace(/[.]/gu, '\\.')}(:\\d+)?: error: `, 'u'));
    expect(lines[0]).toMatch(message);
  });

  test('a file named .pdf that is no PDF at all should be refused as not a PDF', async () => {
    const result = await convertNotice(new TextEncoder().encode('not really a pdf\u0000\u0001'), 'notice.pdf');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatchInlineSnapshot(`"the file is not a PDF: its bytes do not start the way such a file does (damaged, or misnamed)"`);
  });

  test('parse should print the same record for the HTML, Word, PDF and UTF-16 files as for the text', () => {
    const run = (file: string): string => spawnSync(node, ['scripts/parse.ts', join('test', 'formats', file)], { cwd: projectRoot, encoding: 'utf8' }).stdout;
    const fromText = run('list.txt');
    expect(JSON.parse(fromText).commitments).toHaveLength(6);
    for (const file of ['list.html', 'list.docx', 'list.pdf', 'list-utf16.txt']) expect(run(file)).toBe(fromText);
  });
});
