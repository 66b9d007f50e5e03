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
 * of `fieldDocs`; the data page shows the same descriptions.
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
import { Commitment, CommitmentEntry, Notice, NoticeEntry, NoticeMeta, slugSource, Status, StatusEntry, TopicAssignment, UnitRecord } from '../schema.ts';
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
    asWritten: CommitmentEntry.shape.leadUnits.element,
    /** The registry's full name, e.g. 区人力资源和社会保障局. */
    name: UnitRecord.shape.name,
    /** The registry's slug; null when the registry does not know the name (it should). */
    slug: UnitRecord.shape.slug.nullable(),
    /** The function group's slug. */
    function: UnitRecord.shape.function,
  })
  .meta({ id: 'NormalizedUnit' });
export type NormalizedUnit = z.output<typeof NormalizedUnit>;

/** A commitment's topic with its Chinese name: `{ slug, name, how, matched? }`. */
export const DatasetTopic = TopicAssignment.pick({ slug: true }).extend({
  /** The topic's Chinese name. */
  name: z.string().min(1),
  ...TopicAssignment.omit({ slug: true }).shape,
});
export type DatasetTopic = z.output<typeof DatasetTopic>;

/** A commitment of the open data: the content entry with topic name, absolute URL, identifier and resolved units. */
export const DatasetCommitment = CommitmentEntry.extend({
  topic: DatasetTopic,
  /** The commitment's page, absolute. */
  permalink: z.url(),
  /** The permanent identifier, `minsheng:<year>/<slug>/<number>`. */
  id: z.string().regex(new RegExp(`^minsheng:\\d{4}/${slugSource}/\\d+$`, 'u')),
  /** `leadUnits` resolved, same order. */
  leadUnitsNormalized: z.array(NormalizedUnit),
  /** `coUnits` resolved, same order. */
  coUnitsNormalized: z.array(NormalizedUnit),
  /** The status now: the newest report's, `未见报告` when no report mentions it. */
  status: Status,
  /** The as-of date of that status (else the report's date), `YYYY-MM-DD`; null for `未见报告`. */
  statusAsOf: StatusEntry.shape.date.unwrap().nullable(),
}).meta({ id: 'DatasetCommitment' });
export type DatasetCommitment = z.output<typeof DatasetCommitment>;

/** A notice of the open data: metadata and parse record (`NoticeEntry`, without the editors' topic overrides), pages, departments, commitments. */
export const DatasetNotice = NoticeEntry.omit({ topicOverrides: true })
  .extend({
    /** The district's page, absolute. */
    permalink: z.url(),
    /** The page showing the source text line by line, absolute. */
    sourcePermalink: z.url(),
    /** The district's department registry, by slug. */
    units: z.array(UnitRecord),
    /** The commitments, in number order. */
    commitments: z.array(DatasetCommitment).min(1),
  })
  .meta({ id: 'DatasetNotice' });
export type DatasetNotice = z.output<typeof DatasetNotice>;

/** One JSON file of the open data: a year's notices (all of them, or the one of a per-notice file). */
export const Dataset = z.object({
  /** The JSON Schema's URL. */
  $schema: z.url(),
  /** The year. */
  year: NoticeMeta.shape.year,
  /** The site's home page, absolute. */
  site: z.url(),
  /** The licence of the compiled data (CC BY 4.0) and the status of the notices it reproduces. */
  license: z.object({
    /** SPDX identifier: `CC-BY-4.0`. */
    spdx: z.literal(dataLicence.spdx),
    /** The licence's deed. */
    url: z.literal(dataLicence.url),
    /** The notices: official documents reproduced verbatim, not under the licence. */
    notices: z.string().min(1),
  }),
  /** How many notices the file holds. */
  noticeCount: z.number().int().nonnegative(),
  /** How many commitments the file holds. */
  commitmentCount: z.number().int().nonnegative(),
  /** The notices, in the site's district order. */
  notices: z.array(DatasetNotice),
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

/** Returns a validated dataset of `year` holding these districts (keys in the schema's order). */
function datasetFor(year: number, districts: readonly District[], options: SiteOptions): Dataset {
  return Dataset.parse({
    $schema: absoluteUrl(options, schemaPath),
    year,
    site: absoluteUrl(options, '/'),
    license: { spdx: dataLicence.spdx, url: dataLicence.url, notices: noticesStatus },
    noticeCount: districts.length,
    commitmentCount: districts.reduce((sum, d) => sum + d.commitments.length, 0),
    notices: districts.map((d) => noticeRecord(d, options)),
  });
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
  { name: 'leadUnitsNormalized', description: '牵头单位全称（对应部门登记表后），以“、”分隔，顺序同 leadUnits', value: (_, c) => c.leadUnitsNormalized.map((u) => u.name).join(nameSeparator) },
  { name: 'coUnits', description: '配合单位，按原文写法，以“、”分隔', value: (_, c) => c.coUnits.join(nameSeparator) },
  { name: 'coUnitsNormalized', description: '配合单位全称，以“、”分隔，顺序同 coUnits', value: (_, c) => c.coUnitsNormalized.map((u) => u.name).join(nameSeparator) },
  { name: 'targets', description: '量化目标，每个写作“[比较符]数值 单位”，以“；”分隔，如 >=17800 人；675 个（比较符 >= 不少于、<= 不超过、~ 约）', value: (_, c) => c.targets.map(targetCell).join(targetSeparator) },
  { name: 'subItems', description: '分项，单元格内每行一项', value: (_, c) => c.subItems.join(sentenceSeparator) },
  { name: 'measures', description: '推进举措，单元格内每行一项', value: (_, c) => c.measures.join(sentenceSeparator) },
  { name: 'sourceStartLine', description: '事项在原文中的起始行号（从 1 开始）', value: (_, c) => String(c.source.startLine) },
  { name: 'sourceEndLine', description: '事项在原文中的结束行号（含）', value: (_, c) => String(c.source.endLine) },
  { name: 'appendixStartLine', description: '附件中重复该事项的起始行号（有附件时）', value: (_, c) => (c.appendixSource ? String(c.appendixSource.startLine) : '') },
  { name: 'appendixEndLine', description: '附件中重复该事项的结束行号（有附件时）', value: (_, c) => (c.appendixSource ? String(c.appendixSource.endLine) : '') },
  { name: 'status', description: '进展状态（以最新报告为准；没有报告提到时为“未见报告”，见 /status/ 状态说明）', value: (_, c) => c.status },
  { name: 'statusAsOf', description: '该状态的截至日期 YYYY-MM-DD（报告未写明截至日期时为报告日期；未见报告时为空）', value: (_, c) => c.statusAsOf ?? '' },
  { name: 'statusWords', description: '据以判定状态的报告原话', value: (_, c) => statusOf(c).entry?.statusWords ?? '' },
  { name: 'actuals', description: '最新报告给出的、与目标单位一致的实际数字，写作“实际/目标 单位”，以“；”分隔，如 700/675 个', value: (_, c) => (statusOf(c).entry?.figures ?? []).map((f) => `${f.actual.value}/${f.target.value} ${f.target.unit}`).join(targetSeparator) },
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

/** Returns the CSV text of a dataset: BOM, header, one row per commitment, CRLF after every record. */
export function csvOfDataset(dataset: Dataset): string {
  const records = [
    csvColumns.map((col) => col.name),
    ...dataset.notices.flatMap((n) => n.commitments.map((c) => csvColumns.map((col) => col.value(n, c)))),
  ];
  return `\uFEFF${records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('')}`;
}

/** Returns a year's CSV: one row per commitment, in district order, then number. */
export function csvOf(year: Year, options: SiteOptions): string {
  return csvOfDataset(datasetOf(year, options));
}

// ---------------------------------------------------------------------------
// JSON Schema and field documentation

/** The parts of the JSON whose fields `fieldDocs` explains: the file and each `$defs` entry. */
export type Part = 'Dataset' | 'DatasetNotice' | 'DatasetCommitment' | 'NormalizedUnit';

/** What each part is, in Chinese. */
export const partDocs: Readonly<Record<Part, { title: string; description: string }>> = {
  Dataset: { title: '数据文件', description: '一个 JSON 文件：某年全部通知（/data/<年份>.json），或其中一份通知（/data/<年份>/<区县>.json）。' },
  DatasetNotice: { title: '通知', description: '一个区县一年的民生实事通知：元数据、解析结果（同 npm run parse 的输出）、部门登记表和各项事项。' },
  DatasetCommitment: { title: '事项', description: '通知中的一项承诺：解析结果加上主题、永久网址、标识符和归一后的责任单位。' },
  NormalizedUnit: { title: '归一后的责任单位', description: '原文写法对应到区县部门登记表后的结果。' },
};

const lineStart = '起始行号（从 1 开始）。';
const lineEnd = '结束行号（含该行）。';

/** Every field of the JSON explained in Chinese, by part and path (`[]` marks an array's elements). */
export const fieldDocs: Readonly<Record<Part, Readonly<Record<string, string>>>> = {
  Dataset: {
    $schema: '本文件遵循的 JSON Schema 的网址（/data/schema.json）。',
    year: '年份：通知所承诺事项的年份。',
    site: '本站首页网址；文件中的所有 permalink 都在其下。',
    license: '许可：本站整理的数据采用 CC BY 4.0（知识共享署名 4.0 国际）许可；通知原文为国家机关公文，照录原文，不在此许可之列。',
    'license.spdx': '许可的 SPDX 标识：CC-BY-4.0。',
    'license.url': '许可协议的网址。',
    'license.notices': '关于通知原文的说明（《著作权法》第五条）。',
    noticeCount: '本文件包含的通知（区县）数。',
    commitmentCount: '本文件包含的事项总数。',
    notices: '各区县的通知，按省、市、区县名称排序。',
  },
  DatasetNotice: {
    kind: '记录类别：通知为 notice（进展报告的记录为 report）。',
    slug: '区县标识：小写拼音单词以连字符相连，是网址的一部分，一经发布不再改变。',
    year: '年份：通知所承诺事项的年份。',
    province: '省（直辖市）名称，如“山东省”“天津市”。',
    city: '市名称，如“济南市”；直辖市重复其名。',
    district: '区县简称，如“市中区”。',
    districtFull: '区县全称，用于标题和引用，如“济南市市中区”。',
    sourceUrl: '原通知的发布网址；不详时为 null（绝不编造）。',
    sourceNote: '关于来源的说明，如网址为何不详。',
    original: '原始发布文件（网页、Word、PDF 等）；文本由它转换而来时才有。',
    'original.file': '原始文件名（<slug>.orig.<扩展名>），可在原文页“下载原始文件”。',
    'original.format': '原始文件格式：text、html、docx、doc 或 pdf（按文件内容识别）。',
    'original.sha256': '原始文件的 SHA-256 摘要（十六进制）。',
    title: '通知标题，按原文。',
    issuer: '发文机关；原文单独一行写明时才有。',
    date: '发文日期，格式 YYYY-MM-DD；原文写明时才有。',
    docNumber: '文号，如“济兖政发〔2023〕2号”；原文写明时才有。',
    declaredTotal: '通知自称的事项总数（如“20件”“50项”）；原文写明时才有，可能与实际条数不同。',
    reading: '解析方式：选用的版式读法及其依据。',
    'reading.reader': '版式读法：outline 编号行、numbers 单独成行或无标点的编号、inline 段落内编号、unnumbered 引导句后的无编号列表、sentence 一句话列举、cells 逐格成行或以竖线分隔的表格。',
    'reading.evidence': '选用该读法的依据（中文），如与通知所称总数一致、编号连续。',
    groups: '原文自己的分组标题，按原文顺序；原文不分组时为空数组。',
    'groups[].number': '分组序号。',
    'groups[].name': '分组标题，不含序号和“（3项）”之类的项数。',
    'groups[].declaredCount': '标题声明的项数；写明时才有。',
    'groups[].items': '该组下各事项的编号（number），按顺序。',
    'groups[].source': '分组标题所在的原文行。',
    'groups[].source.startLine': lineStart,
    'groups[].source.endLine': lineEnd,
    passages: '原文中不属于事项的其他文字，按原文顺序。',
    'passages[].role': '类别：title 标题、preamble 导语、heading 小标题、explanation 说明、closing 结尾、appendix 附件。',
    'passages[].text': '文字，空白已规范化。',
    'passages[].source': '所在的原文行。',
    'passages[].source.startLine': lineStart,
    'passages[].source.endLine': lineEnd,
    warnings: '数据质量提示：原文的异常、前后不一致、无处归属的行。',
    'warnings[].line': '提示所指的原文行号；0 表示针对整篇通知。',
    'warnings[].message': '提示内容（中文）。',
    commitmentCount: '该通知的事项数。',
    sourceFile: '原文文本文件在本项目内容目录中的路径，如 notices/2023/jinan-shizhong.txt。',
    sourceSha256: '原文文本文件的 SHA-256 摘要（十六进制）；行号以这份文本为准。',
    permalink: '本站该区县页面的网址。',
    sourcePermalink: '本站逐行展示原文的页面网址（行号可直接对照）。',
    units: '该通知涉及的责任单位登记表，按 slug 排序。',
    'units[].slug': '部门标识：区县内唯一，是网址的一部分，一经发布不再改变。',
    'units[].name': '部门全称（常见缩写已展开，如“区人社局”→“区人力资源和社会保障局”）。',
    'units[].aliases': '原文中出现过的各种写法。',
    'units[].function': '职能分组标识（见“职能分组”表）。',
    commitments: '各项事项，按编号排序。',
  },
  DatasetCommitment: {
    number: '事项编号：原文编号唯一且有序时即原文编号；原文各组分别从 1 编号时，按阅读顺序编为 1…N。',
    title: '事项的小标题；没有小标题时为其第一句。',
    text: '事项全文，空白已规范化，不删任何内容。',
    category: '原文分组标题（不含项数）；原文分组时才有。',
    leadUnits: '牵头（主办、负责）单位，按原文写法。',
    coUnits: '配合（协办）单位，按原文写法。',
    level: 'city：原文注明“属市级任务”；province：注明“属省级任务”；未注明时没有此字段。',
    subItems: '事项下以 ①② 等编号或嵌套的分项。',
    subItemUnits: '各分项自己的责任单位，顺序同 subItems；原文（如表格的分行）按分项写明单位时才有。',
    'subItemUnits[].leadUnits': '该分项的牵头单位。',
    'subItemUnits[].coUnits': '该分项的配合单位。',
    measures: '推进举措，多来自附件。',
    targets: '从全文中读出的量化目标。',
    'targets[].value': '数值，已换算（“1.78万” → 17800）；百分数保持原样（“5%” → 5）。',
    'targets[].unit': '数值后的单位或量词，按原文，如 人、个、平方米、%。',
    'targets[].text': '数值所在的原文短句（不超过 40 字）。',
    'targets[].kind': 'standard 表示规则设定的每例金额或比例（补助标准、保费、封顶线、起付线、自付比例等，如“每人每年60元”单位为 元/人/年），不是要完成的数量。没有此字段时为量化目标。',
    'targets[].scope': 'city 表示原文给出的是全市的数字（如“全市办理法律援助案件不少于500件”或属市级任务），province 表示全省；这类数字不计入本区县的汇总和比较。没有此字段时为本区县的数字。',
    'targets[].counts': '数值所计的对象，取自原文短句，如“新增托位”“残疾人”；原文未写明时没有此字段。',
    'targets[].comparator': '>= 表示以上、不少于、至少、不低于；<= 表示以内、不超过；~ 表示左右、约。没有这类限定词时没有此字段。',
    source: '事项在原文中的行。',
    'source.startLine': lineStart,
    'source.endLine': lineEnd,
    appendixSource: '附件中重复该事项（及其推进举措）的行；有附件时才有。',
    'appendixSource.startLine': lineStart,
    'appendixSource.endLine': lineEnd,
    topic: '本站统一的主题分类（各地的分组标题不一，不能直接比较）。',
    'topic.slug': '主题标识（见“主题”表）。',
    'topic.name': '主题名称。',
    'topic.how': '归类方式：heading 依原文分组标题；rule 依标题和全文中的关键词；override 经人工复核指定；none 未能归类（归入“其他”）。',
    'topic.matched': '起决定作用的分组标题词或关键词；override 和 none 时没有。',
    'topic.also': '同时涉及的其他主题标识：标题中出现其关键词的主题，按主题表顺序；没有时省略。统计图只计主题（topic.slug）。',
    year: '年份（同通知）。',
    district: '区县标识（同通知的 slug）。',
    permalink: '该事项在本站的永久网址。',
    id: '永久标识符，形如 minsheng:2023/jinan-shizhong/18。',
    leadUnitsNormalized: '牵头单位对应到部门登记表后的结果，顺序同 leadUnits。',
    coUnitsNormalized: '配合单位对应到部门登记表后的结果，顺序同 coUnits。',
    'statusHistory': '各份进展报告对该项的说法，每份报告一条，按日期从新到旧；没有报告提到时没有此字段。',
    'statusHistory[].status': '该报告所说的状态（见 /status/ 状态说明）。',
    'statusHistory[].statusWords': '据以判定状态的报告原话。',
    'statusHistory[].text': '报告中关于该项的整段文字，按原文。',
    'statusHistory[].date': '报告的发布日期 YYYY-MM-DD（写明时才有）。',
    'statusHistory[].asOf': '报告的截至日期 YYYY-MM-DD（写明时才有）。',
    'statusHistory[].report': '报告标识（网址的一部分）。',
    'statusHistory[].source': '该段文字在报告原文中的行。',
    'statusHistory[].source.startLine': lineStart,
    'statusHistory[].source.endLine': lineEnd,
    'statusHistory[].match': '报告条目如何对应到本项。',
    'statusHistory[].match.by': 'number 按报告沿用的编号；text 按文字相似度；statement 按总体表述；override 人工指定。',
    'statusHistory[].match.score': '对应的把握，0–1（人工指定为 1）。',
    'statusHistory[].figures': '报告数字与本项量化目标的对照（单位一致时才对照）。',
    'statusHistory[].figures[].target': '通知中的量化目标。',
    'statusHistory[].figures[].target.value': '目标数值。',
    'statusHistory[].figures[].target.unit': '目标单位。',
    'statusHistory[].figures[].target.text': '目标所在的原文短句。',
    'statusHistory[].figures[].target.comparator': '目标的比较符（>=、<=、~）；没有时没有此字段。',
    'statusHistory[].figures[].target.kind': '同 targets[].kind：standard 表示标准或比例，不是要完成的数量。',
    'statusHistory[].figures[].target.scope': '同 targets[].scope：city 或 province 表示全市或全省的数字。',
    'statusHistory[].figures[].target.counts': '同 targets[].counts：数值所计的对象。',
    'statusHistory[].figures[].actual': '报告给出的同单位实际数字。',
    'statusHistory[].figures[].actual.value': '实际数值，已换算（“2.3万” → 23000）。',
    'statusHistory[].figures[].actual.unit': '实际数字的单位。',
    'statusHistory[].figures[].actual.text': '实际数字所在的报告原文短句。',
    'statusHistory[].figures[].ratio': '实际 ÷ 目标（可大于 1）。',
    'status': '进展状态：以最新报告为准；没有报告提到时为“未见报告”（没有报告不等于已完成）。',
    'statusAsOf': '该状态的截至日期 YYYY-MM-DD（报告未写明截至日期时为报告日期）；未见报告时为 null。',
  },
  NormalizedUnit: {
    asWritten: '原文写法，如“区人社局”。',
    name: '部门全称，如“区人力资源和社会保障局”。',
    slug: '部门标识（同登记表）；登记表中找不到该写法时为 null（正常情况下不会出现）。',
    function: '职能分组标识（见“职能分组”表）。',
  },
};

/** A JSON object, as the JSON Schema is made of. */
type JsonObject = Record<string, unknown>;

/** Returns `value` when it is a plain object. */
function objectOf(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/**
 * Adds the description `docs` gives for each property under `node` (at
 * `path`; `[]` for array elements), through `items` and `anyOf` but not `$ref`.
 */
function annotate(node: JsonObject, docs: Readonly<Record<string, string>>, path: string): void {
  const properties = objectOf(node['properties']);
  for (const [name, value] of Object.entries(properties ?? {})) {
    const schema = objectOf(value);
    if (!properties || !schema) continue;
    const at = path === '' ? name : `${path}.${name}`;
    annotate(schema, docs, at);
    const description = docs[at];
    if (description !== undefined) properties[name] = { description, ...schema };
  }
  const items = objectOf(node['items']);
  if (items) annotate(items, docs, `${path}[]`);
  const anyOf = node['anyOf'];
  if (Array.isArray(anyOf)) {
    for (const branch of anyOf) {
      const schema = objectOf(branch);
      if (schema) annotate(schema, docs, path);
    }
  }
}

/** Returns the JSON Schema (draft 2020-12) of every JSON file of the open data, with `$id`, title and Chinese descriptions. */
export function datasetJsonSchema(options: SiteOptions): JsonObject {
  const generated = structuredClone(z.toJSONSchema(Dataset, { target: 'draft-2020-12' })) as JsonObject;
  const { $schema, $defs, ...rest } = generated;
  const defs = objectOf($defs) ?? {};
  annotate(rest, fieldDocs.Dataset, '');
  const parts: Part[] = ['DatasetNotice', 'DatasetCommitment', 'NormalizedUnit'];
  const described: JsonObject = {};
  for (const part of parts) {
    const def = objectOf(defs[part]);
    if (!def) throw new Error(`open data: the JSON Schema has no $defs.${part}`);
    annotate(def, fieldDocs[part], '');
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
