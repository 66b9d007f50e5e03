/**
 * Open data: each year's commitments as JSON and CSV, one JSON file per
 * notice, and the JSON Schema of the JSON. Pure: model in, text out; no
 * clock, no file system; the same content gives the same bytes.
 *
 * The JSON is the parse record (`Notice` of `src/lib/schema.ts`, what
 * `npm run --silent parse -- file.txt` prints) with the site's fields added:
 * the notice's metadata (slug, province, city …), each commitment's topic,
 * permanent URL and identifier, and its units resolved through the district's
 * department registry. The schemas below are built from those of
 * `schema.ts`, never restated; key order is the schemas' order.
 *
 * Every JSON file (`/data/<year>.json`, `/data/<year>/<slug>.json`) is a
 * `Dataset`: the per-notice file holds the one notice. `datasetJsonSchema`
 * gives its JSON Schema (draft 2020-12), with the Chinese field descriptions
 * the schemas carry (zod `.describe()`, in `schema.ts` and below); the data
 * page shows the same descriptions.
 *
 * The CSV (`csvOf`) has one row per commitment, in year → district → number
 * order, with the columns of `csvColumns`:
 * - UTF-8 with a byte-order mark (so Excel reads the Chinese correctly);
 * - RFC 4180: a field with a comma, a double quote, CR or LF is quoted and its
 *   quotes doubled; every record, the last too, ends with CRLF; one header row;
 * - names (units) joined with `、`, which no unit name contains;
 * - sentences (sub-items, measures) one per line inside the quoted cell (LF),
 *   since the sentences themselves contain `、`;
 * - targets in a machine-friendly form, `[comparator]value unit` joined with
 *   `；`, e.g. `>=17800 人；675 个；~5 %` (comparator `>=`, `<=`, `~` or none,
 *   value a plain decimal number); see `targetCell`;
 * - an absent value (no category, no level …) is the empty string.
 */
import { z } from 'zod';
import { Commitment, CommitmentEntry, IsoDate, Notice, NoticeEntry, NoticeMeta, Slug, slugSource, Status, TopicAssignment, UnitRecord } from '../schema.ts';
import { statusOf } from '../site/status.ts';
import type { Target } from '../schema.ts';
import type { District, Year } from '../site/model.ts';
import { unitNamed } from '../site/model.ts';
import { commitmentId } from '../site/jsonld.ts';
import { absoluteUrl as siteUrl } from '../site/urls.ts';
import { districtPermalink, schemaPath, sourcePermalink } from '../content/paths.ts';
import { dataLicence, noticesStatus } from '../site/licence.ts';
import { topicBySlug } from '../taxonomy/topics.ts';
import { fullUnitName, unitFunction } from '../taxonomy/units.ts';

// ---------------------------------------------------------------------------
// Schemas

/** A unit as written in a commitment, resolved through the district's registry. */
export const NormalizedUnit = z
  .object({
    /** The name as the notice writes it, e.g. 区人社局. */
    asWritten: CommitmentEntry.shape.leadUnits.element.describe('原文写法，如“区人社局”。'),
    /** The registry's full name, e.g. 区人力资源和社会保障局. */
    name: UnitRecord.shape.name.describe('部门全称，如“区人力资源和社会保障局”。'),
    /** The registry's slug; null when the registry does not know the name (it should). */
    slug: Slug.nullable().describe('部门标识（同登记表）；登记表中找不到该写法时为 null（正常情况下不会出现）。'),
    /** The function group's slug. */
    function: UnitRecord.shape.function,
  })
  .meta({ id: 'NormalizedUnit' });
export type NormalizedUnit = z.output<typeof NormalizedUnit>;

/** A commitment's topic with its Chinese name: `{ slug, name, how, matched? }`. */
export const DatasetTopic = TopicAssignment.pick({ slug: true }).extend({
  /** The topic's Chinese name. */
  name: z.string().min(1).describe('主题名称。'),
  ...TopicAssignment.omit({ slug: true }).shape,
});
export type DatasetTopic = z.output<typeof DatasetTopic>;

/** A commitment of the open data: the content entry with topic name, absolute URL, identifier and resolved units. */
export const DatasetCommitment = CommitmentEntry.extend({
  topic: DatasetTopic.meta(CommitmentEntry.shape.topic.meta() ?? {}),
  /** The commitment's page, absolute. */
  permalink: z.url().describe('该事项在本站的永久网址。'),
  /** The permanent identifier, `minsheng:<year>/<slug>/<number>`. */
  id: z
    .string()
    .regex(new RegExp(`^minsheng:\\d{4}/${slugSource}/\\d+$`, 'u'))
    .describe('永久标识符，形如 minsheng:2023/jinan-shizhong/18。'),
  /** `leadUnits` resolved, same order. */
  leadUnitsNormalized: z.array(NormalizedUnit).describe('牵头单位对应到部门登记表后的结果，顺序同 leadUnits。'),
  /** `coUnits` resolved, same order. */
  coUnitsNormalized: z.array(NormalizedUnit).describe('配合单位对应到部门登记表后的结果，顺序同 coUnits。'),
  /** The status now: the newest report's, `未见报告` when no report mentions it. */
  status: Status.describe('进展状态：以最新报告为准；没有报告提到时为“未见报告”（没有报告不等于已完成）。'),
  /** The as-of date of that status (else the report's date), `YYYY-MM-DD`; null for `未见报告`. */
  statusAsOf: IsoDate.nullable().describe('该状态的截至日期 YYYY-MM-DD（报告未写明截至日期时为报告日期）；未见报告时为 null。'),
}).meta({ id: 'DatasetCommitment' });
export type DatasetCommitment = z.output<typeof DatasetCommitment>;

/** A notice of the open data: metadata and parse record (`NoticeEntry`, without the editors' topic overrides), pages, departments, commitments. */
export const DatasetNotice = NoticeEntry.omit({ topicOverrides: true })
  .extend({
    /** The district's page, absolute. */
    permalink: z.url().describe('本站该区县页面的网址。'),
    /** The page showing the source text line by line, absolute. */
    sourcePermalink: z.url().describe('本站逐行展示原文的页面网址（行号可直接对照）。'),
    /** The district's department registry, by slug. */
    units: z.array(UnitRecord).describe('该通知涉及的责任单位登记表，按 slug 排序。'),
    /** The commitments, in number order. */
    commitments: z.array(DatasetCommitment).min(1).describe('各项事项，按编号排序。'),
  })
  .meta({ id: 'DatasetNotice' });
export type DatasetNotice = z.output<typeof DatasetNotice>;

/** One JSON file of the open data: a year's notices (all of them, or the one of a per-notice file). */
export const Dataset = z.object({
  /** The JSON Schema's URL. */
  $schema: z.url().describe('本文件遵循的 JSON Schema 的网址（/data/schema.json）。'),
  /** The year. */
  year: NoticeMeta.shape.year,
  /** The site's home page, absolute. */
  site: z.url().describe('本站首页网址；文件中的所有 permalink 都在其下。'),
  /** The licence of the compiled data (CC BY 4.0) and the status of the notices it reproduces. */
  license: z
    .object({
      /** SPDX identifier: `CC-BY-4.0`. */
      spdx: z.literal(dataLicence.spdx).describe('许可的 SPDX 标识：CC-BY-4.0。'),
      /** The licence's deed. */
      url: z.literal(dataLicence.url).describe('许可协议的网址。'),
      /** The notices: official documents reproduced verbatim, not under the licence. */
      notices: z.string().min(1).describe('关于通知原文的说明（《著作权法》第五条）。'),
    })
    .describe('许可：本站整理的数据采用 CC BY 4.0（知识共享署名 4.0 国际）许可；通知原文为国家机关公文，照录原文，不在此许可之列。'),
  /** How many notices the file holds. */
  noticeCount: z.number().int().nonnegative().describe('本文件包含的通知（区县）数。'),
  /** How many commitments the file holds. */
  commitmentCount: z.number().int().nonnegative().describe('本文件包含的事项总数。'),
  /** The notices, in the site's district order. */
  notices: z.array(DatasetNotice).describe('各区县的通知，按省、市、区县名称排序。'),
});
export type Dataset = z.output<typeof Dataset>;

/**
 * The fields the site adds to the parse record (`Notice`, `Commitment`): the
 * rest of a notice and of a commitment is what `npm run parse` prints.
 */
export const siteFields: { notice: readonly string[]; commitment: readonly string[] } = {
  notice: Object.keys(DatasetNotice.shape).filter((key) => !(key in Notice.shape)),
  commitment: Object.keys(DatasetCommitment.shape).filter((key) => !(key in Commitment.shape)),
};

// ---------------------------------------------------------------------------
// Paths

/** Where the site is published: `site` (e.g. https://example.org) and `base` (e.g. `/` or `/minsheng/`). */
export interface SiteOptions {
  site: string;
  base: string;
}

/** Returns `path` (from the site root) as an absolute URL under the base path. */
function absoluteUrl(options: SiteOptions, path: string): string {
  return siteUrl(options.site, options.base, path);
}

/** Returns the options for an endpoint: Astro's `site` (required: the data holds absolute URLs) and base path. */
export function siteOptions(site: URL | undefined, base: string): SiteOptions {
  if (site === undefined) throw new Error('open data: `site` must be set in astro.config.mjs (the data holds absolute URLs)');
  return { site: site.href, base };
}

// ---------------------------------------------------------------------------
// Building

/** Returns a unit as written, resolved through the district's registry (falling back to the taxonomy's full name). */
function normalizedUnit(district: District, asWritten: string): NormalizedUnit {
  const unit = unitNamed(district, asWritten);
  if (unit) return { asWritten, name: unit.name, slug: unit.slug, function: unit.function };
  return { asWritten, name: fullUnitName(asWritten), slug: null, function: unitFunction(asWritten) };
}

/** Returns the as-of date (else the date) of a commitment's status now, or null when no report mentions it. */
function statusAsOf(c: CommitmentEntry): string | null {
  const { entry } = statusOf(c);
  return entry?.asOf ?? entry?.date ?? null;
}

/** Returns a district's notice as open data (not yet validated). */
function noticeRecord(district: District, options: SiteOptions): Record<string, unknown> {
  const { notice } = district;
  return {
    ...notice,
    permalink: absoluteUrl(options, districtPermalink(notice)),
    sourcePermalink: absoluteUrl(options, sourcePermalink(notice)),
    units: district.units,
    commitments: district.commitments.map((c) => {
      const topic = topicBySlug(c.topic.slug);
      if (!topic) throw new Error(`open data: ${c.year}/${c.district}/${c.number} has the unknown topic "${c.topic.slug}"`);
      return {
        ...c,
        topic: { ...c.topic, name: topic.name },
        permalink: absoluteUrl(options, c.permalink),
        id: commitmentId(c),
        leadUnitsNormalized: c.leadUnits.map((name) => normalizedUnit(district, name)),
        coUnitsNormalized: c.coUnits.map((name) => normalizedUnit(district, name)),
        status: statusOf(c).status,
        statusAsOf: statusAsOf(c),
      };
    }),
  };
}

/** Returns what a dataset of `year` says of itself, around its notices (not yet validated). */
function datasetHeadRecord(year: number, districts: readonly District[], options: SiteOptions): Record<string, unknown> {
  return {
    $schema: absoluteUrl(options, schemaPath),
    year,
    site: absoluteUrl(options, '/'),
    license: { spdx: dataLicence.spdx, url: dataLicence.url, notices: noticesStatus },
    noticeCount: districts.length,
    commitmentCount: districts.reduce((sum, d) => sum + d.commitments.length, 0),
  };
}

/** Returns a validated dataset of `year` holding these districts (keys in the schema's order). */
function datasetFor(year: number, districts: readonly District[], options: SiteOptions): Dataset {
  return Dataset.parse({ ...datasetHeadRecord(year, districts, options), notices: districts.map((d) => noticeRecord(d, options)) });
}

/** Returns a year's open data: every notice of the year, in the site's district order. */
export function datasetOf(year: Year, options: SiteOptions): Dataset {
  return datasetFor(year.year, year.districts, options);
}

/** Returns one notice's open data: a `Dataset` holding that notice alone. */
export function noticeDataOf(district: District, options: SiteOptions): Dataset {
  return datasetFor(district.notice.year, [district], options);
}

/** Returns the text of a JSON file: two-space indentation and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// CSV

/** One column of the CSV. */
export interface CsvColumn {
  /** The header: stable English, never renamed once published. */
  name: string;
  /** What it holds, in Chinese (shown on the data page). */
  description: string;
  /** The cell of a commitment's row. */
  value: (notice: DatasetNotice, commitment: DatasetCommitment) => string;
}

/** Separator of names in a cell (unit names never contain it). */
export const nameSeparator = '、';
/** Separator of targets in a cell. */
export const targetSeparator = '；';
/** Separator of sentences (sub-items, measures) in a cell: a line feed. */
export const sentenceSeparator = '\n';

/** Returns a target in the CSV's form: `>=17800 人`, `675 个`, `~5 %`. */
export function targetCell(t: Target): string {
  return `${t.comparator ?? ''}${t.value} ${t.unit}`;
}

/** The CSV's columns, in order. */
export const csvColumns: readonly CsvColumn[] = [
  { name: 'id', description: '事项的永久标识符，如 minsheng:2023/jinan-shizhong/18（JSON 的 id）', value: (_, c) => c.id },
  { name: 'year', description: '年份', value: (_, c) => String(c.year) },
  { name: 'districtSlug', description: '区县标识，网址的一部分（JSON 中通知的 slug）', value: (n) => n.slug },
  { name: 'province', description: '省（直辖市）', value: (n) => n.province },
  { name: 'city', description: '市', value: (n) => n.city },
  { name: 'districtName', description: '区县简称，如“市中区”（JSON 中通知的 district）', value: (n) => n.district },
  { name: 'districtFull', description: '区县全称，如“济南市市中区”', value: (n) => n.districtFull },
  { name: 'noticeTitle', description: '通知标题', value: (n) => n.title },
  { name: 'issuer', description: '发文机关（原文写明时）', value: (n) => n.issuer ?? '' },
  { name: 'date', description: '发文日期 YYYY-MM-DD（原文写明时）', value: (n) => n.date ?? '' },
  { name: 'docNumber', description: '文号（原文写明时）', value: (n) => n.docNumber ?? '' },
  { name: 'number', description: '事项编号', value: (_, c) => String(c.number) },
  { name: 'title', description: '事项标题', value: (_, c) => c.title },
  { name: 'text', description: '事项全文', value: (_, c) => c.text },
  { name: 'category', description: '原文分组标题（有分组时）', value: (_, c) => c.category ?? '' },
  { name: 'level', description: 'city（属市级任务）、province（属省级任务）或空', value: (_, c) => c.level ?? '' },
  { name: 'topic', description: '主题标识', value: (_, c) => c.topic.slug },
  { name: 'topicName', description: '主题名称', value: (_, c) => c.topic.name },
  { name: 'topicHow', description: '归类方式：heading、rule、override 或 none', value: (_, c) => c.topic.how },
  { name: 'topicMatched', description: '起决定作用的标题词或关键词', value: (_, c) => c.topic.matched ?? '' },
  { name: 'topicAlso', description: '同时涉及的其他主题标识（标题中出现其关键词），以“、”分隔', value: (_, c) => (c.topic.also ?? []).join(nameSeparator) },
  { name: 'leadUnits', description: '牵头单位，按原文写法，以“、”分隔', value: (_, c) => c.leadUnits.join(nameSeparator) },
  {
    name: 'leadUnitsNormalized',
    description: '牵头单位全称（对应部门登记表后），以“、”分隔，顺序同 leadUnits',
    value: (_, c) => c.leadUnitsNormalized.map((u) => u.name).join(nameSeparator),
  },
  { name: 'coUnits', description: '配合单位，按原文写法，以“、”分隔', value: (_, c) => c.coUnits.join(nameSeparator) },
  { name: 'coUnitsNormalized', description: '配合单位全称，以“、”分隔，顺序同 coUnits', value: (_, c) => c.coUnitsNormalized.map((u) => u.name).join(nameSeparator) },
  {
    name: 'targets',
    description: '量化目标，每个写作“[比较符]数值 单位”，以“；”分隔，如 >=17800 人；675 个（比较符 >= 不少于、<= 不超过、~ 约）',
    value: (_, c) => c.targets.map(targetCell).join(targetSeparator),
  },
  { name: 'subItems', description: '分项，单元格内每行一项', value: (_, c) => c.subItems.join(sentenceSeparator) },
  { name: 'measures', description: '推进举措，单元格内每行一项', value: (_, c) => c.measures.join(sentenceSeparator) },
  { name: 'sourceStartLine', description: '事项在原文中的起始行号（从 1 开始）', value: (_, c) => String(c.source.startLine) },
  { name: 'sourceEndLine', description: '事项在原文中的结束行号（含）', value: (_, c) => String(c.source.endLine) },
  { name: 'appendixStartLine', description: '附件中重复该事项的起始行号（有附件时）', value: (_, c) => (c.appendixSource ? String(c.appendixSource.startLine) : '') },
  { name: 'appendixEndLine', description: '附件中重复该事项的结束行号（有附件时）', value: (_, c) => (c.appendixSource ? String(c.appendixSource.endLine) : '') },
  { name: 'status', description: '进展状态（以最新报告为准；没有报告提到时为“未见报告”，见 /status/ 状态说明）', value: (_, c) => c.status },
  { name: 'statusAsOf', description: '该状态的截至日期 YYYY-MM-DD（报告未写明截至日期时为报告日期；未见报告时为空）', value: (_, c) => c.statusAsOf ?? '' },
  { name: 'statusWords', description: '据以判定状态的报告原话', value: (_, c) => statusOf(c).entry?.statusWords ?? '' },
  {
    name: 'actuals',
    description: '最新报告给出的、与目标单位一致的实际数字，写作“实际/目标 单位”，以“；”分隔，如 700/675 个',
    value: (_, c) => (statusOf(c).entry?.figures ?? []).map((f) => `${f.actual.value}/${f.target.value} ${f.target.unit}`).join(targetSeparator),
  },
  { name: 'permalink', description: '事项在本站的永久网址', value: (_, c) => c.permalink },
  { name: 'sourceUrl', description: '原通知的发布网址（不详时为空）', value: (n) => n.sourceUrl ?? '' },
];

/**
 * What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`,
 * a tab or a carriage return as a cell's first character.
 */
const formulaStart = /^[=+\-@\t\r]/u;

/**
 * Returns a CSV field: quoted (quotes doubled) when it holds a comma, a double quote, CR or LF.
 * A value a spreadsheet would run as a formula (`=HYPERLINK(…)`, `-1+1`) is neutralized the way
 * OWASP recommends: a single quote before it, and the field quoted. The JSON keeps every value verbatim.
 */
export function csvField(value: string): string {
  if (formulaStart.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Returns one record of the CSV: its fields (`csvField`) and CRLF. */
function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Returns the CSV's rows of a notice: one per commitment. */
function csvRows(notice: DatasetNotice): string {
  return notice.commitments.map((c) => csvRecord(csvColumns.map((col) => col.value(notice, c)))).join('');
}

/** The CSV's first bytes: the BOM and the header. */
const csvHead = `\uFEFF${csvRecord(csvColumns.map((col) => col.name))}`;

/** Returns the CSV text of a dataset: BOM, header, one row per commitment, CRLF after every record. */
export function csvOfDataset(dataset: Dataset): string {
  return csvHead + dataset.notices.map(csvRows).join('');
}

/** Returns a year's CSV: one row per commitment, in district order, then number. */
export function csvOf(year: Year, options: SiteOptions): string {
  return csvOfDataset(datasetOf(year, options));
}

/** A notice's share of its year's files: its text in the year's JSON (indented as it stands there, no comma) and its rows of the year's CSV. */
export interface NoticeShare {
  json: string;
  csv: string;
}

/** Where a year's files get each notice's share: `make` makes it; a source may give one it kept instead (`src/lib/data/shares.ts`). */
export type ShareSource = (district: District, make: () => NoticeShare) => NoticeShare;

/** Returns a district's share of its year's files, validated as the year's whole dataset validates it. */
export function noticeShare(district: District, options: SiteOptions): NoticeShare {
  const notice = DatasetNotice.parse(noticeRecord(district, options));
  return {
    // A notice stands in the year's `notices` at two levels of indentation (`jsonText`).
    json: JSON.stringify(notice, null, 2).replaceAll('\n', '\n    '),
    csv: csvRows(notice),
  };
}

/**
 * Returns a year's JSON and CSV texts put together from its notices' shares (in the site's district
 * order): the same text as `jsonText(datasetOf(year))` and `csvOf(year)` (tested), with the counts it states.
 */
export function yearTexts(year: Year, options: SiteOptions, shares: readonly NoticeShare[]): { json: string; csv: string; noticeCount: number; commitmentCount: number } {
  const dataset = Dataset.parse({ ...datasetHeadRecord(year.year, year.districts, options), notices: [] });
  const head = jsonText(dataset);
  const empty = '\n  "notices": []\n}\n';
  if (!head.endsWith(empty)) throw new Error('open data: the dataset no longer ends with its notices');
  const json = shares.length === 0 ? head : `${head.slice(0, -empty.length)}\n  "notices": [\n    ${shares.map((s) => s.json).join(',\n    ')}\n  ]\n}\n`;
  return { json, csv: csvHead + shares.map((s) => s.csv).join(''), noticeCount: dataset.noticeCount, commitmentCount: dataset.commitmentCount };
}

/** A year's counts and the bytes of its two files (UTF-8). */
export interface YearFiles {
  readonly noticeCount: number;
  readonly commitmentCount: number;
  readonly json: Buffer<ArrayBuffer>;
  readonly csv: Buffer<ArrayBuffer>;
}

const yearFilesMade = new WeakMap<Year, Map<string, YearFiles>>();

/**
 * Returns a year's counts and its JSON and CSV files, made once per year and site however many pages
 * ask: the data page shows their sizes, `/data/<year>.json` and `/data/<year>.csv` are them. A national
 * year's files are validated and serialized in seconds (BENCHMARKS.md), so they are made once per build,
 * each notice's share of them by `source` (made here, or kept between builds: `shares.ts`).
 */
export function yearFiles(year: Year, options: SiteOptions, source: ShareSource = (_, make) => make()): YearFiles {
  const made = yearFilesMade.get(year) ?? new Map<string, YearFiles>();
  yearFilesMade.set(year, made);
  const key = `${options.site}\n${options.base}`;
  const known = made.get(key);
  if (known) return known;
  const texts = yearTexts(
    year,
    options,
    year.districts.map((d) => source(d, () => noticeShare(d, options))),
  );
  // Bytes, not text: a national year's JSON is 200 MB, which a `Response` made from a string checks and
  // encodes again; its size is then the bytes' length.
  const files: YearFiles = {
    noticeCount: texts.noticeCount,
    commitmentCount: texts.commitmentCount,
    json: Buffer.from(texts.json),
    csv: Buffer.from(texts.csv),
  };
  made.set(key, files);
  return files;
}

// ---------------------------------------------------------------------------
// JSON Schema and field documentation

/** The parts of the JSON whose fields the data page explains: the file and each `$defs` entry. */
export type Part = 'Dataset' | 'DatasetNotice' | 'DatasetCommitment' | 'NormalizedUnit';

/** What each part is, in Chinese. */
export const partDocs: Readonly<Record<Part, { title: string; description: string }>> = {
  Dataset: { title: '数据文件', description: '一个 JSON 文件：某年全部通知（/data/<年份>.json），或其中一份通知（/data/<年份>/<区县>.json）。' },
  DatasetNotice: { title: '通知', description: '一个区县一年的民生实事通知：元数据、解析结果（同 npm run parse 的输出）、部门登记表和各项事项。' },
  DatasetCommitment: { title: '事项', description: '通知中的一项承诺：解析结果加上主题、永久网址、标识符和归一后的责任单位。' },
  NormalizedUnit: { title: '归一后的责任单位', description: '原文写法对应到区县部门登记表后的结果。' },
};

/** A JSON object, as the JSON Schema is made of. */
type JsonObject = Record<string, unknown>;

/** Returns `value` when it is a plain object. */
function objectOf(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/**
 * Returns `node` with its `description` (from the schemas' zod metadata)
 * first, and the same for every object inside it: a field reads as what it
 * means, then its type.
 */
function descriptionFirst(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(descriptionFirst);
  const object = objectOf(node);
  if (!object) return node;
  const { description, ...rest } = object;
  const out: JsonObject = description === undefined ? {} : { description };
  for (const [key, value] of Object.entries(rest)) out[key] = descriptionFirst(value);
  return out;
}

/** Returns the JSON Schema (draft 2020-12) of every JSON file of the open data, with `$id`, title and Chinese descriptions. */
export function datasetJsonSchema(options: SiteOptions): JsonObject {
  const generated = descriptionFirst(z.toJSONSchema(Dataset, { target: 'draft-2020-12' })) as JsonObject;
  const { $schema, $defs, ...rest } = generated;
  const defs = objectOf($defs) ?? {};
  const parts: Part[] = ['DatasetNotice', 'DatasetCommitment', 'NormalizedUnit'];
  const described: JsonObject = {};
  for (const part of parts) {
    const def = objectOf(defs[part]);
    if (!def) throw new Error(`open data: the JSON Schema has no $defs.${part}`);
    described[part] = { title: partDocs[part].title, description: partDocs[part].description, ...def };
  }
  for (const [name, def] of Object.entries(defs)) if (!(name in described)) described[name] = def;
  return {
    $schema,
    $id: absoluteUrl(options, schemaPath),
    title: '民生实事开放数据',
    description: `${partDocs.Dataset.description}每个事项对应一条区县政府公开发布的民生实事承诺；以原文为准。`,
    ...rest,
    $defs: described,
  };
}

/** One row of a field table: a field's path, JSON type, whether it is always present, and what it means. */
export interface FieldRow {
  /** Path within its part, `[]` marking array elements: `groups[].name`. */
  path: string;
  /** JSON type: `string`, `integer`, `string | null`, `array<integer>`, `array<DatasetCommitment>`, `object` … */
  type: string;
  /** Whether the field is always present. */
  required: boolean;
  /** The description (empty when the schema has none). */
  description: string;
}

/** Returns the JSON type of a schema node, in words. */
function typeOf(node: JsonObject): string {
  const ref = node['$ref'];
  if (typeof ref === 'string') return ref.replace(/^#\/\$defs\//u, '');
  const anyOf = node['anyOf'];
  if (Array.isArray(anyOf)) return anyOf.map((b) => typeOf(objectOf(b) ?? {})).join(' | ');
  const type = node['type'];
  if (type === 'array') {
    const items = objectOf(node['items']);
    return items ? `array<${typeOf(items)}>` : 'array';
  }
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  return 'any';
}

/** Returns the rows of one object schema's fields, nested fields (objects, arrays of objects) after their parent. */
function rowsOf(node: JsonObject, prefix: string): FieldRow[] {
  const properties = objectOf(node['properties']) ?? {};
  const required = Array.isArray(node['required']) ? node['required'] : [];
  return Object.entries(properties).flatMap(([name, value]) => {
    const schema = objectOf(value) ?? {};
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const description = typeof schema['description'] === 'string' ? schema['description'] : '';
    const row: FieldRow = { path, type: typeOf(schema), required: required.includes(name), description };
    const items = objectOf(schema['items']);
    const nested = objectOf(schema['properties']) ? rowsOf(schema, path) : items && objectOf(items['properties']) ? rowsOf(items, `${path}[]`) : [];
    return [row, ...nested];
  });
}

/** Returns every field of each part of the JSON Schema, in the schema's order. */
export function schemaFields(schema: JsonObject): Record<Part, FieldRow[]> {
  const defs = objectOf(schema['$defs']) ?? {};
  const def = (part: Part): JsonObject => objectOf(defs[part]) ?? {};
  return {
    Dataset: rowsOf(schema, ''),
    DatasetNotice: rowsOf(def('DatasetNotice'), ''),
    DatasetCommitment: rowsOf(def('DatasetCommitment'), ''),
    NormalizedUnit: rowsOf(def('NormalizedUnit'), ''),
  };
}
