/**
 * `npm run add`: from a published file to the text, the original and a
 * metadata skeleton in the content directory — or nothing at all when it
 * refuses. Run as a child process against a temporary content directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { placeName, placeSlug, readPlace, splitPlace } from '../src/lib/content/add.ts';
import { sha256 } from '../src/lib/content/ingest.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { NoticeMeta, OriginalFile } from '../src/lib/schema.ts';
import { checkOriginal } from '../src/lib/content/original.ts';
import { originalPermalink } from '../src/lib/content/paths.ts';

const projectRoot = join(import.meta.dirname, '..');
const node = join(projectRoot, 'node_modules', '.bin', 'node');
const formats = join(import.meta.dirname, 'formats');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Returns a new empty content directory. */
function contentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-add-'));
  dirs.push(dir);
  return dir;
}

/** Runs `npm run add` with `args` against `content`. */
function add(content: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(node, ['scripts/add.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, MINSHENG_CONTENT_DIR: content } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Returns what the script printed, with the fixtures folder shown as `<formats>` and a temporary content directory as `<content>`. */
function shown(output: string): string {
  return output.replaceAll(formats, '<formats>').replace(/\S*minsheng-add-[^/\s]+/gu, '<content>');
}

/** Returns every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe('npm run add', () => {
  test('should write the converted text, the original as published and a metadata skeleton marked for review', () => {
    const content = contentDir();
    const run = add(content, join(formats, 'list.docx'), '--slug', 'mou-xian', '--province', '某省', '--city', '某市');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(tree(content)).toEqual(['notices/2024/mou-xian.orig.docx', 'notices/2024/mou-xian.txt', 'notices/2024/mou-xian.yaml']);
    expect(readFileSync(join(content, 'notices/2024/mou-xian.txt'), 'utf8')).toBe(readFileSync(join(formats, 'list.txt'), 'utf8'));
    const original = readFileSync(join(content, 'notices/2024/mou-xian.orig.docx'));
    expect(original.equals(readFileSync(join(formats, 'list.docx')))).toBe(true);
    const yaml = readFileSync(join(content, 'notices/2024/mou-xian.yaml'), 'utf8');
    const meta = NoticeMeta.parse(YAML.parse(yaml));
    expect(meta).toMatchObject({ slug: 'mou-xian', year: 2024, province: '某省', city: '某市', district: '某县', districtFull: '某市某县', sourceUrl: null });
    expect(meta.original).toEqual({ file: 'mou-xian.orig.docx', format: 'docx', sha256: sha256(original) });
    // What was read from the text is marked for review; the source URL is asked for, never invented.
    expect(yaml).toMatch(/^district: 某县 # 待核对/mu);
    expect(yaml).toMatch(/^sourceUrl: null # 待填写/mu);
    expect(yaml).toContain('文号：某政办发〔2024〕5号');
    expect(run.stdout).toContain('事项：6 项');
    expect(run.stdout).toContain('提示：无');
  });

  test('should keep no original for a file that already is the canonical text, and one for a GBK file', () => {
    const content = contentDir();
    expect(add(content, join(formats, 'list.txt'), '--slug', 'utf-eight').status).toBe(0);
    expect(add(content, join(formats, 'list-gbk.txt'), '--slug', 'gbk').status).toBe(0);
    expect(tree(content)).toEqual(['notices/2024/gbk.orig.txt', 'notices/2024/gbk.txt', 'notices/2024/gbk.yaml', 'notices/2024/utf-eight.txt', 'notices/2024/utf-eight.yaml']);
  });

  test('should refuse a slug that exists and change nothing', () => {
    const content = contentDir();
    expect(add(content, join(formats, 'table.html'), '--slug', 'taken').status).toBe(0);
    const before = tree(content).map((f) => [f, readFileSync(join(content, f)).toString('base64')]);
    const run = add(content, join(formats, 'table.pdf'), '--slug', 'taken');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(shown(run.stderr)).toMatchInlineSnapshot(`
      "<formats>/table.pdf: error: the slug “taken” is taken in 2024: notices/2024/taken.txt exists (choose another with --slug)
      "
    `);
    expect(tree(content).map((f) => [f, readFileSync(join(content, f)).toString('base64')])).toEqual(before);
  });

  test.each([['Bad_Slug'], ['source'], ['2024'], ['a/../b']])('should refuse the slug %j and write nothing', (slug) => {
    const content = contentDir();
    const run = add(content, join(formats, 'table.html'), '--slug', slug);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(tree(content)).toEqual([]);
  });

  test('should refuse a scanned PDF with its one-line error and write nothing', () => {
    const content = contentDir();
    const run = add(content, join(formats, 'scanned.pdf'), '--slug', 'scan');
    expect(run.status).toBe(1);
    expect(shown(run.stderr)).toMatchInlineSnapshot(`
      "<formats>/scanned.pdf: error: the PDF has no text layer (a scanned PDF of 1 page); it needs OCR before it can be read
      "
    `);
    expect(tree(content)).toEqual([]);
  });

  test('should refuse a source URL that is not http or https', () => {
    const content = contentDir();
    const run = add(content, join(formats, 'table.html'), '--slug', 'x', '--source-url', 'javascript:alert(1)');
    expect(run.status).toBe(1);
    expect(tree(content)).toEqual([]);
  });
});

describe('reading where a notice is from', () => {
  test.each([
    ['济南市市中区人民政府办公室', { city: '济南市', district: '市中区', districtFull: '济南市市中区' }],
    ['天津市河东区人民政府', { province: '天津市', city: '天津市', district: '河东区', districtFull: '天津市河东区' }],
    ['安徽省淮北市相山区人民政府', { province: '安徽省', city: '淮北市', district: '相山区', districtFull: '淮北市相山区' }],
    ['某县人民政府办公室', { district: '某县', districtFull: '某县' }],
  ])('%s should be read as its place', (issuer, place) => {
    const name = placeName(issuer);
    expect(name && splitPlace(name)).toEqual(place);
  });

  test('a slug should be the pinyin of city and district without their suffixes', () => {
    expect(placeSlug({ city: '淮北市', district: '相山区' })).toBe('huaibei-xiangshan');
    expect(placeSlug({ city: '天津市', district: '河东区' })).toBe('tianjin-hedong');
    expect(placeSlug({})).toBeUndefined();
  });

  test('the place should come from the issuer, else the title', () => {
    const parsed = parseNotice('济宁市兖州区2023年民生实事项目\n一、新增托位100个（区教育局负责）\n');
    expect(parsed.ok && readPlace(parsed.notice)).toMatchObject({ city: '济宁市', district: '兖州区' });
  });
});

describe('the original file in the metadata', () => {
  test.each([['x.orig.pdf'], ['huaibei-xiangshan.orig.docx'], ['a-b.orig.htm']])('%s should be a valid original name', (file) => {
    expect(OriginalFile.safeParse({ file, format: 'pdf', sha256: '0'.repeat(64) }).success).toBe(true);
  });

  test.each([['../x.orig.pdf'], ['x.pdf'], ['x.orig.exe'], ['X.orig.pdf'], ['x/y.orig.pdf']])('%s should be refused as an original name', (file) => {
    expect(OriginalFile.safeParse({ file, format: 'pdf', sha256: '0'.repeat(64) }).success).toBe(false);
  });

  test('the build should refuse an original whose bytes are not the ones the metadata records', () => {
    const bytes = readFileSync(join(formats, 'table.pdf'));
    expect(checkOriginal(bytes, sha256(bytes))).toBeUndefined();
    expect(checkOriginal(bytes, 'f'.repeat(64))).toMatchInlineSnapshot(
      `"the original file's SHA-256 is 88591c7478f4482b00e3d5b06f7046a7096df69284aae18efd778fd9819460bc, but its metadata records ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"`,
    );
  });

  test('its address should sit beside the source page', () => {
    expect(originalPermalink({ year: 2024, slug: 'mou-qu' }, 'mou-qu.orig.pdf')).toBe('/2024/mou-qu/source/mou-qu.orig.pdf');
  });
});
