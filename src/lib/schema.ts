/**
 * The record shapes of the project, defined once.
 *
 * `Notice` is the public contract of `npm run parse` and of the open data; the
 * content collections (`src/content.config.ts`) and the ingest script validate
 * against the same schemas. Types are derived from the schemas, never restated.
 */
import { z } from 'zod';

/** A slug's pattern without its anchors: lower-case ASCII words (letters, digits) joined by single hyphens. */
export const slugSource = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** The pattern of a whole slug, e.g. `huaibei-xiangshan`, `jiao-yu-ju`. */
export const slugPattern = new RegExp(`^${slugSource}$`);

/** A URL part (district, department, topic, report): readable ASCII, fixed once published. */
export const Slug = z.string().regex(slugPattern, 'a slug is lower-case ASCII words joined by hyphens');

/** The first and last year a notice may be for. */
export const yearRange = { min: 1949, max: 2200 } as const;

/** The year a notice's commitments are for; also a URL part. */
export const Year = z.number().int().min(yearRange.min).max(yearRange.max);

/** Returns true when `n` is a year a notice may be for (an integer from 1949 to 2200). */
export function isYear(n: number): boolean {
  return Year.safeParse(n).success;
}

/** A day, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** A SHA-256 digest, lower-case hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The pattern of a commitment's permanent path, `/<year>/<district>/<number>/`. */
export const commitmentPathPattern = /^\/\d{4}\/[a-z0-9-]+\/\d+\/$/;

/** A 1-based, inclusive range of lines in the source notice. */
export const LineRange = z.object({
  /** First line (1-based) of the range. */
  startLine: z.number().int().positive().describe('起始行号（从 1 开始）。'),
  /** Last line (1-based, inclusive) of the range. */
  endLine: z.number().int().positive().describe('结束行号（含该行）。'),
});
export type LineRange = z.output<typeof LineRange>;

/** A quantitative target read from a commitment's text, e.g. `1.78万人以上`. */
export const Target = z.object({
  /** The number, scaled (`1.78万` → 17800); a percentage stays as written (`5%` → 5). */
  value: z.number().describe('数值，已换算（“1.78万” → 17800）；百分数保持原样（“5%” → 5）。'),
  /** The unit or measure word as written after the number (`人`, `个`, `平方米`, `%`). */
  unit: z.string().min(1).describe('数值后的单位或量词，按原文，如 人、个、平方米、%。'),
  /**
   * The clause of the source the number stands in, as written: bounded by clause punctuation (not by
   * `、` or brackets, except between the parts of a list `A 3个、B 4个`), at most 40 characters.
   */
  text: z.string().min(1).describe('数值所在的原文短句（不超过 40 字）。'),
  /** `>=` for 以上/不少于/至少/不低于…, `<=` for 以内/不超过/最高…, `~` for 左右/约…. */
  comparator: z.enum(['>=', '<=', '~']).optional().describe('>= 表示以上、不少于、至少、不低于；<= 表示以内、不超过；~ 表示左右、约。没有这类限定词时没有此字段。'),
  /**
   * Absent for a quantity to deliver (a target). `standard` for the amount a rule sets per case
   * rather than a quantity: a rate (`每人每年60元` → `元/人/年`), price, premium, cap (`最高补助3万元`),
   * threshold (`超过0.8万元`) or share (`自费数额20%`), or the change of one (`补助标准提高60元`).
   * Pages never show a standard as a target.
   */
  kind: z
    .enum(['standard'])
    .optional()
    .describe('standard 表示规则设定的每例金额或比例（补助标准、保费、封顶线、起付线、自付比例等，如“每人每年60元”单位为 元/人/年），不是要完成的数量。没有此字段时为量化目标。'),
  /**
   * Absent (or `district`) when the figure is the district's own. `city` (or `province`) when the notice gives it for the
   * whole city (`全市办理法律援助案件不少于500件`) or the item is a city-level task (`属市级任务`): such a
   * figure is labelled 全市 and kept out of the district's sums and comparisons.
   */
  scope: z
    .enum(['district', 'city', 'province'])
    .optional()
    .describe(
      'city 表示原文给出的是全市的数字（如“全市办理法律援助案件不少于500件”或属市级任务），province 表示全省；这类数字不计入本区县的汇总和比较。没有此字段时为本区县的数字。',
    ),
  /** What the number counts, from its clause (`新增托位`, `残疾人`), for labels; absent when the clause does not say. */
  counts: z.string().min(1).optional().describe('数值所计的对象，取自原文短句，如“新增托位”“残疾人”；原文未写明时没有此字段。'),
});
export type Target = z.output<typeof Target>;

/** A data-quality note tied to a line of the source (0 when it concerns the whole notice). */
export const Warning = z.object({
  /** 1-based line the warning is about; 0 for the notice as a whole. */
  line: z.number().int().nonnegative().describe('提示所指的原文行号；0 表示针对整篇通知。'),
  /** What is odd, in Chinese, for the public and for reviewers. */
  message: z.string().min(1).describe('提示内容（中文）。'),
});
export type Warning = z.output<typeof Warning>;

/** Whether the notice says a commitment is a city- or province-level task. */
export const Level = z.enum(['city', 'province']);
export type Level = z.output<typeof Level>;

/** One promise of the notice. */
export const Commitment = z.object({
  /** The number the source gives it, 1-based. */
  number: z.number().int().positive().describe('事项编号：原文编号唯一且有序时即原文编号；原文各组分别从 1 编号时，按阅读顺序编为 1…N。'),
  /** The item's own short title, or its first clause when it has none. */
  title: z.string().min(1).describe('事项的小标题；没有小标题时为其第一句。'),
  /** The full wording of the item, whitespace-normalized, nothing dropped. */
  text: z.string().min(1).describe('事项全文，空白已规范化，不删任何内容。'),
  /** The source's own group heading, without a declared count such as `（3项）`. */
  category: z.string().min(1).optional().describe('原文分组标题（不含项数）；原文分组时才有。'),
  /** Lead units (牵头/主办/负责), each a whole name. */
  leadUnits: z.array(z.string().min(1)).describe('牵头（主办、负责）单位，按原文写法。'),
  /** Co-operating units (协办/配合). */
  coUnits: z.array(z.string().min(1)).describe('配合（协办）单位，按原文写法。'),
  /** `city` when the notice says 属市级任务, `province` for 属省级任务. */
  level: Level.optional().describe('city：原文注明“属市级任务”；province：注明“属省级任务”；未注明时没有此字段。'),
  /** Parts numbered ①②… or nested under the item. */
  subItems: z.array(z.string().min(1)).describe('事项下以 ①② 等编号或嵌套的分项。'),
  /**
   * Each sub-item's own units, in the order of `subItems`, when the source
   * gives them per part (a table row with sub-rows); `leadUnits`/`coUnits`
   * still list them all.
   */
  subItemUnits: z
    .array(
      z.object({
        leadUnits: z.array(z.string().min(1)).describe('该分项的牵头单位。'),
        coUnits: z.array(z.string().min(1)).describe('该分项的配合单位。'),
      }),
    )
    .optional()
    .describe('各分项自己的责任单位，顺序同 subItems；原文（如表格的分行）按分项写明单位时才有。'),
  /** 推进举措 (implementation measures), usually from an appendix. */
  measures: z.array(z.string().min(1)).describe('推进举措，多来自附件。'),
  /** Quantitative targets read from `text`. */
  targets: z.array(Target).describe('从全文中读出的量化目标。'),
  /** Where the item stands in the source notice. */
  source: LineRange.describe('事项在原文中的行。'),
  /** Where an appendix repeats the item (with its measures), when it does. */
  appendixSource: LineRange.optional().describe('附件中重复该事项（及其推进举措）的行；有附件时才有。'),
});
export type Commitment = z.output<typeof Commitment>;

/** A group heading of the notice, such as `一、促进就业（3项）`. */
export const Group = z.object({
  /** The group's own number. */
  number: z.number().int().positive().describe('分组序号。'),
  /** The heading without its number or declared count. */
  name: z.string().min(1).describe('分组标题，不含序号和“（3项）”之类的项数。'),
  /** The count the heading declares (`（3项）` → 3), when it declares one. */
  declaredCount: z.number().int().nonnegative().optional().describe('标题声明的项数；写明时才有。'),
  /** Numbers of the commitments under the heading, in order. */
  items: z.array(z.number().int().positive()).describe('该组下各事项的编号（number），按顺序。'),
  /** The heading line. */
  source: LineRange.describe('分组标题所在的原文行。'),
});
export type Group = z.output<typeof Group>;

/** What a passage that is not a commitment is. */
export const PassageRole = z.enum(['title', 'preamble', 'heading', 'explanation', 'closing', 'appendix']);
export type PassageRole = z.output<typeof PassageRole>;

/** Text of the notice that is not a commitment: title, preamble, headings, explanations, closing. */
export const Passage = z.object({
  /** What the passage is. */
  role: PassageRole.describe('类别：title 标题、preamble 导语、heading 小标题、explanation 说明、closing 结尾、appendix 附件。'),
  /** Its text, whitespace-normalized. */
  text: z.string().min(1).describe('文字，空白已规范化。'),
  /** Where it stands in the source. */
  source: LineRange.describe('所在的原文行。'),
});
export type Passage = z.output<typeof Passage>;

/** How the parser read a notice's list: the layout reader it chose, and why. */
export const Reading = z.object({
  /**
   * The layout reader: `outline` (numbered lines, tab-led tables), `numbers`
   * (loose numbers: alone on a line, `1开展…`, `2.50个…`), `inline`
   * (`（1）…（2）…` in a paragraph), `unnumbered` (one item per line or
   * sentence after `如下：`), `sentence` (`即A、B和C`), `cells` (a table one
   * cell per line or `|`-separated).
   */
  reader: z
    .string()
    .min(1)
    .describe(
      '版式读法：outline 编号行、numbers 单独成行或无标点的编号、inline 段落内编号、unnumbered 引导句后的无编号列表、sentence 一句话列举、cells 逐格成行或以竖线分隔的表格。',
    ),
  /** The evidence that chose it over the other readers' readings, in Chinese. */
  evidence: z.array(z.string().min(1)).describe('选用该读法的依据（中文），如与通知所称总数一致、编号连续。'),
});
export type Reading = z.output<typeof Reading>;

/** The year of a notice: the year its commitments are for. */
const noticeYear = Year.describe('年份：通知所承诺事项的年份。');

/** A parsed notice: the output of `npm run parse` and the open-data record. */
export const Notice = z.object({
  /**
   * What the document is: always `notice` here. A progress or completion
   * report (进展情况, 完成情况, 进度公示) is refused with a message saying so.
   */
  kind: z.literal('notice').describe('记录类别：通知为 notice（进展报告的记录为 report）。'),
  /** The notice's title as written. */
  title: z.string().min(1).describe('通知标题，按原文。'),
  /** The year the commitments are for. */
  year: noticeYear,
  /** The issuing authority, when the notice names it on a line of its own. */
  issuer: z.string().min(1).optional().describe('发文机关；原文单独一行写明时才有。'),
  /** The date of issue, `YYYY-MM-DD`, when the notice gives one. */
  date: IsoDate.optional().describe('发文日期，格式 YYYY-MM-DD；原文写明时才有。'),
  /** The document number (文号), e.g. `济兖政发〔2023〕2号`. */
  docNumber: z.string().min(1).optional().describe('文号，如“济兖政发〔2023〕2号”；原文写明时才有。'),
  /** How many commitments the notice says it holds (`20件`, `50项`), when it says. */
  declaredTotal: z.number().int().positive().optional().describe('通知自称的事项总数（如“20件”“50项”）；原文写明时才有，可能与实际条数不同。'),
  /** How the list was read, when it was read by the parser (see `Reading`). */
  reading: Reading.optional().describe('解析方式：选用的版式读法及其依据。'),
  /** The notice's own group headings, in order (empty when it has none). */
  groups: z.array(Group).describe('原文自己的分组标题，按原文顺序；原文不分组时为空数组。'),
  /** The commitments, in source order. */
  commitments: z.array(Commitment).min(1),
  /** Every other non-blank stretch of the notice. */
  passages: z.array(Passage).describe('原文中不属于事项的其他文字，按原文顺序。'),
  /** Data-quality notes: oddities, disagreements, lines that fit nowhere. */
  warnings: z.array(Warning).describe('数据质量提示：原文的异常、前后不一致、无处归属的行。'),
});
export type Notice = z.output<typeof Notice>;

/**
 * An absolute `http:` or `https:` address with a host, e.g. `https://www.example.gov.cn/notice.html`.
 * Every URL field of content uses it; anything else (`javascript:`, `data:`, `ftp:`, `//host`) is refused.
 */
export const WebUrl = z.httpUrl({ error: 'only an http:// or https:// address is accepted' });

/**
 * A path from the site root, e.g. `/2023/old-slug/`: one leading slash, no scheme, no host. `//host`
 * and `/\\host` (which browsers read as another site) and white space are refused.
 */
export const SitePath = z.string().regex(/^\/(?![\/\\])[^\s\\]*$/u, 'a site path starts with one “/” and names no other host (no “//”, no “\\”, no spaces)');

/** URL parts under `/<year>/` that site pages use, so no district may take them. */
export const reservedSlugs = ['categories', 'units', 'data', 'source', 'search', 'about'];

/** A format notices are published in: plain text, a web page, Word (.docx, Word 97–2003 .doc) or PDF. */
export const SourceFormat = z.enum(['text', 'html', 'docx', 'doc', 'pdf']);
export type SourceFormat = z.output<typeof SourceFormat>;

/** The file a notice was published as, kept beside its converted text so readers can check the conversion. */
export const OriginalFile = z.object({
  /** Its file name in the notice's folder: `<slug>.orig.<ext>`. */
  file: z
    .string()
    .regex(new RegExp(`^${slugSource}\\.orig\\.(?:txt|html|htm|docx|doc|pdf)$`), 'an original is named <slug>.orig.<ext>')
    .describe('原始文件名（<slug>.orig.<扩展名>），可在原文页“下载原始文件”。'),
  /** The format its bytes are in (detected from them, not from the name). */
  format: SourceFormat.describe('原始文件格式：text、html、docx、doc 或 pdf（按文件内容识别）。'),
  /** SHA-256 of the file as published, hex. */
  sha256: Sha256.describe('原始文件的 SHA-256 摘要（十六进制）。'),
});
export type OriginalFile = z.output<typeof OriginalFile>;

/** What a notice's metadata file (`<slug>.yaml` beside its text) says: what the text itself does not. */
export const NoticeMeta = z.object({
  /** The district's URL part: readable ASCII, fixed once published. */
  slug: Slug.refine((s) => !reservedSlugs.includes(s) && !/^\d+$/.test(s), 'this slug is reserved for site pages').describe(
    '区县标识：小写拼音单词以连字符相连，是网址的一部分，一经发布不再改变。',
  ),
  /** The year of the notice; also its URL part. */
  year: noticeYear,
  /** Province (or municipality) name, e.g. 山东省, 天津市. */
  province: z.string().min(1).describe('省（直辖市）名称，如“山东省”“天津市”。'),
  /** City name, e.g. 济南市 (a municipality repeats itself). */
  city: z.string().min(1).describe('市名称，如“济南市”；直辖市重复其名。'),
  /** The district's short name, e.g. 市中区. */
  district: z.string().min(1).describe('区县简称，如“市中区”。'),
  /** The district's full name for headings and citations, e.g. 济南市市中区. */
  districtFull: z.string().min(1).describe('区县全称，用于标题和引用，如“济南市市中区”。'),
  /** Where the notice was published, or null when unknown (never invented). */
  sourceUrl: WebUrl.nullable().describe('原通知的发布网址；不详时为 null（绝不编造）。'),
  /** A note on the source, e.g. why the URL is unknown. */
  sourceNote: z.string().optional().describe('关于来源的说明，如网址为何不详。'),
  /** The file as published (HTML, Word, PDF…), when the text was converted from it. */
  original: OriginalFile.optional().describe('原始发布文件（网页、Word、PDF 等）；文本由它转换而来时才有。'),
  /** Topic overrides: commitment number → topic slug, where the automatic assignment is wrong. */
  topicOverrides: z.record(z.string().regex(/^\d+$/), z.string()).optional(),
});
export type NoticeMeta = z.output<typeof NoticeMeta>;

/** Frontmatter of a generated notice entry (`content/notices/<year>/<slug>.md`). */
export const NoticeEntry = NoticeMeta.extend({
  ...Notice.omit({ commitments: true }).shape,
  /** How many commitments the notice holds. */
  commitmentCount: z.number().int().positive().describe('该通知的事项数。'),
  /** The source text file, relative to the content directory. */
  sourceFile: z.string().min(1).describe('原文文本文件在本项目内容目录中的路径，如 notices/2023/jinan-shizhong.txt。'),
  /** SHA-256 of the source text file, hex. */
  sourceSha256: Sha256.describe('原文文本文件的 SHA-256 摘要（十六进制）；行号以这份文本为准。'),
});
export type NoticeEntry = z.output<typeof NoticeEntry>;

/** How a commitment got its topic of the canonical taxonomy (`src/lib/taxonomy/topics.ts`). */
export const TopicAssignment = z.object({
  /** The topic's slug. */
  slug: Slug.describe('主题标识（见“主题”表）。'),
  /** `heading`: from the notice's own group heading; `rule`: by keywords; `override`: set in the notice's metadata; `none`: nothing matched. */
  how: z
    .enum(['heading', 'rule', 'override', 'none'])
    .describe('归类方式：heading 依原文分组标题；rule 依标题和全文中的关键词；override 经人工复核指定；none 未能归类（归入“其他”）。'),
  /** The heading word or keyword that decided (absent for `override` and `none`). */
  matched: z.string().optional().describe('起决定作用的分组标题词或关键词；override 和 none 时没有。'),
  /** Other topics the commitment also belongs to: topics whose keywords its title names, in taxonomy order (absent when none). */
  also: z.array(Slug).optional().describe('同时涉及的其他主题标识：标题中出现其关键词的主题，按主题表顺序；没有时省略。统计图只计主题（topic.slug）。'),
});
export type TopicAssignment = z.output<typeof TopicAssignment>;

/** A department of one district: `content/notices/<year>/<slug>.units.yaml` lists them. */
export const UnitRecord = z.object({
  /** URL part, readable ASCII, unique within the district, permanent once written. */
  slug: Slug.describe('部门标识：区县内唯一，是网址的一部分，一经发布不再改变。'),
  /** The canonical full name, e.g. 区人力资源和社会保障局. */
  name: z.string().min(1).describe('部门全称（常见缩写已展开，如“区人社局”→“区人力资源和社会保障局”）。'),
  /** Every spelling the notice uses for it (including `name` when it was seen), sorted, e.g. ['区人社局']. */
  aliases: z.array(z.string().min(1)).describe('原文中出现过的各种写法。'),
  /** The slug of its function group (教育, 民政, 卫生健康 …; `unitFunctions` of `src/lib/taxonomy/units.ts`). */
  function: z.string().min(1).describe('职能分组标识（见“职能分组”表）。'),
});
export type UnitRecord = z.output<typeof UnitRecord>;

/** The departments file of one notice. */
export const UnitRegistry = z.object({
  year: z.number().int(),
  district: z.string().min(1),
  units: z.array(UnitRecord),
});
export type UnitRegistry = z.output<typeof UnitRegistry>;

// ---------------------------------------------------------------------------
// Progress and completion reports (issue 13)
// ---------------------------------------------------------------------------

/**
 * The status scale of a commitment, as of a report's date. How each is decided,
 * and from which words, is the rules table in `src/lib/report/status.ts` (the
 * 状态说明 page is generated from it). `未见报告` is never read from a report: it is
 * what a commitment has when no report mentions it (silence is not completion).
 */
export const Status = z.enum(['已完成', '超额完成', '基本完成', '正常推进', '进度滞后', '未启动', '到期未完成', '未见报告']);
export type Status = z.output<typeof Status>;

/** A status a report can state (every status but `未见报告`). */
export const ReportedStatus = Status.exclude(['未见报告']);
export type ReportedStatus = z.output<typeof ReportedStatus>;

/** A figure a report says was achieved, e.g. `已建成托位700个` → 700 个. */
export const Actual = z.object({
  /** The number, scaled like a target's (`1.2万` → 12000). */
  value: z.number().describe('实际数值，已换算（“2.3万” → 23000）。'),
  /** The unit or measure word as written after the number. */
  unit: z.string().min(1).describe('实际数字的单位。'),
  /** The clause of the report the number stands in, as written. */
  text: z.string().min(1).describe('实际数字所在的报告原文短句。'),
});
export type Actual = z.output<typeof Actual>;

/** How a report item was tied to a commitment, and how sure that is (0–1). */
export const ReportMatch = z.object({
  /**
   * `number`: the report follows the notice's numbering; `text`: by text similarity
   * (character bigrams); `statement`: an overall sentence covering several items;
   * `override`: settled by a reviewer in the report's metadata.
   */
  by: z.enum(['number', 'text', 'statement', 'override']).describe('number 按报告沿用的编号；text 按文字相似度；statement 按总体表述；override 人工指定。'),
  /** Similarity or certainty, 0–1, rounded to 3 decimals (1 for `override`). */
  score: z.number().min(0).max(1).describe('对应的把握，0–1（人工指定为 1）。'),
});
export type ReportMatch = z.output<typeof ReportMatch>;

/** One thing a report says about one item: a table row, a numbered line, a sentence. */
export const ReportItem = z.object({
  /** The item's wording, whitespace-normalized (a table row's cells joined with `；`). */
  text: z.string().min(1),
  /** The item's name when the report gives one apart (a table's 项目名称 cell, the head of `名称：…`). */
  title: z.string().min(1).optional(),
  /** The number the report gives the item (序号, `1.`), when it gives one. */
  number: z.number().int().positive().optional(),
  /** The status its words state, or null when no rule of the status table applies (then warned). */
  status: ReportedStatus.nullable(),
  /** The words that decided the status, quoted exactly from the report ('' when status is null). */
  statusWords: z.string(),
  /** Figures the report says were achieved (not the restated targets). */
  actuals: z.array(Actual),
  /** The completion rate the report states (`完成率112%` → 112), when it states one. */
  completionRate: z.number().nonnegative().optional(),
  /** Where the item stands in the report. */
  source: LineRange,
  /** With `--against`: the commitment number it is tied to, or null when none could be (warned). */
  commitment: z.number().int().positive().nullable().optional(),
  /** With `--against`: how the tie was made. Absent when `commitment` is null. */
  match: ReportMatch.optional(),
});
export type ReportItem = z.output<typeof ReportItem>;

/** A count a report gives for many items at once (`10项民生实事已全部如期兑现`, `已完成26件，完成率40%`). */
export const ReportStatement = z.object({
  /** The sentence, as written. */
  text: z.string().min(1),
  /** How many items it says it covers in all (`8项中…` → 8; derived from a rate when only that is given). */
  total: z.number().int().positive().optional(),
  /** Each status it counts: how many items, and the words. `count` is the total for `全部`. */
  counts: z.array(z.object({ status: ReportedStatus, count: z.number().int().nonnegative(), words: z.string().min(1) })),
  /** Where it stands in the report. */
  source: LineRange,
});
export type ReportStatement = z.output<typeof ReportStatement>;

/** A parsed progress or completion report: `npm run parse -- <report>` prints it. */
export const Report = z.object({
  /** Always `report`: a notice's record says `notice`. */
  kind: z.literal('report'),
  /** The report's title as written. */
  title: z.string().min(1),
  /** The issuing authority, when it is named on a line of its own. */
  issuer: z.string().min(1).optional(),
  /** Date of issue, `YYYY-MM-DD`, when the report gives one on a line of its own. */
  date: IsoDate.optional(),
  /** The date the figures are as of (`截至10月31日`), `YYYY-MM-DD`. */
  asOf: IsoDate.optional(),
  /** What the report says about each item, in source order. */
  items: z.array(ReportItem),
  /** Overall sentences and summary counts. */
  statements: z.array(ReportStatement),
  /** Every other non-blank stretch: title, preamble, headings, narrative without a status. */
  passages: z.array(z.object({ text: z.string().min(1), source: LineRange })),
  /** Data-quality notes: lines without a status, items that match nothing or several commitments. */
  warnings: z.array(Warning),
});
export type Report = z.output<typeof Report>;

/** The figure a report gives against one of a commitment's targets (units agree, or no comparison). */
export const Figure = z.object({
  /** The target of the notice (its fields described as a figure's target). */
  target: Target.extend({
    value: Target.shape.value.describe('目标数值。'),
    unit: Target.shape.unit.describe('目标单位。'),
    text: Target.shape.text.describe('目标所在的原文短句。'),
    comparator: Target.shape.comparator.describe('目标的比较符（>=、<=、~）；没有时没有此字段。'),
    kind: Target.shape.kind.describe('同 targets[].kind：standard 表示标准或比例，不是要完成的数量。'),
    scope: Target.shape.scope.describe('同 targets[].scope：city 或 province 表示全市或全省的数字。'),
    counts: Target.shape.counts.describe('同 targets[].counts：数值所计的对象。'),
  }).describe('通知中的量化目标。'),
  /** The figure the report gives in the same unit. */
  actual: Actual.describe('报告给出的同单位实际数字。'),
  /** actual ÷ target, rounded to 4 decimals (above 1 when exceeded). */
  ratio: z.number().nonnegative().describe('实际 ÷ 目标（可大于 1）。'),
});
export type Figure = z.output<typeof Figure>;

/** One dated entry of a commitment's status history: what one report says about it. */
export const StatusEntry = z.object({
  /** The status as of `asOf`. */
  status: ReportedStatus.describe('该报告所说的状态（见 /status/ 状态说明）。'),
  /** The words of the report that decided it, quoted exactly. */
  statusWords: z.string().describe('据以判定状态的报告原话。'),
  /** The report item's whole wording, quoted. */
  text: z.string().min(1).describe('报告中关于该项的整段文字，按原文。'),
  /** The report's date of issue, `YYYY-MM-DD`, when known. */
  date: IsoDate.optional().describe('报告的发布日期 YYYY-MM-DD（写明时才有）。'),
  /** The date the report's figures are as of, `YYYY-MM-DD`, when known. */
  asOf: IsoDate.optional().describe('报告的截至日期 YYYY-MM-DD（写明时才有）。'),
  /** The report's slug (`content/reports/<year>/<slug>/`). */
  report: Slug.describe('报告标识（网址的一部分）。'),
  /** The report's lines the words stand on. */
  source: LineRange.describe('该段文字在报告原文中的行。'),
  /** How the report item was tied to the commitment. */
  match: ReportMatch.describe('报告条目如何对应到本项。'),
  /** Actual figures against the commitment's targets, where units agree. */
  figures: z.array(Figure).describe('报告数字与本项量化目标的对照（单位一致时才对照）。'),
});
export type StatusEntry = z.output<typeof StatusEntry>;

/** What a report's metadata file (`content/reports/<year>/<slug>/report.yaml`) says. */
export const ReportMeta = z.object({
  /** The report's URL part: readable ASCII, fixed once published. */
  slug: Slug,
  /** The slug of the notice it reports on (same year). */
  notice: Slug,
  /** Issuer, when the text does not name it. */
  issuer: z.string().min(1).optional(),
  /** Date of issue, when the text does not give it. */
  date: IsoDate.optional(),
  /** As-of date, when the text does not give it. */
  asOf: IsoDate.optional(),
  /** Where the report was published, or null when unknown (never invented). */
  sourceUrl: z.url().nullable(),
  /**
   * Reviewed matches: an item's first line (or `line.k`, its k-th item) → the commitment numbers it is about
   * (`[]`: about none). Settles an ambiguous or wrong automatic match.
   */
  overrides: z.record(z.string().regex(/^\d+(?:\.\d+)?$/, 'a key is a line number, or line.k for the k-th item on that line'), z.array(z.number().int().positive())).optional(),
});
export type ReportMeta = z.output<typeof ReportMeta>;

/** Frontmatter of a generated commitment entry (`content/commitments/<year>/<slug>/<number>.md`). */
export const CommitmentEntry = Commitment.extend({
  /** Its topic in the canonical taxonomy, and how it was assigned (review and override in the notice's metadata). */
  topic: TopicAssignment.describe('本站统一的主题分类（各地的分组标题不一，不能直接比较）。'),
  /** The year of the notice. */
  year: z.number().int().describe('年份（同通知）。'),
  /** The district slug of the notice. */
  district: z.string().min(1).describe('区县标识（同通知的 slug）。'),
  /** The permanent path of the commitment's page, `/<year>/<slug>/<number>/`. */
  permalink: z.string().regex(commitmentPathPattern),
  /** What progress reports say of it, one dated entry per report, newest first; absent when no report mentions it (status 未见报告). */
  statusHistory: z.array(StatusEntry).min(1).optional().describe('各份进展报告对该项的说法，每份报告一条，按日期从新到旧；没有报告提到时没有此字段。'),
});
export type CommitmentEntry = z.output<typeof CommitmentEntry>;

/**
 * What a commitment's permalink names: the first 20 letters and digits of its
 * source wording, folded (`src/lib/site/meaning.ts` says how and why).
 */
export const Fingerprint = z.string().regex(/^[\p{L}\p{N}]+$/u, 'a fingerprint is letters and digits only, as `npm run urls -- --check` prints it');

/** A redirect from a URL that is no longer built to its new place (`<content>/redirects.yaml`). */
export const Redirect = z.object({
  /** The old path, from the site root, e.g. `/2023/old-slug/`. */
  from: SitePath,
  /** The new path, from the site root. When `from` is a commitment's, the commitment found there must be the same. */
  to: SitePath,
  /** Why the URL moved, for reviewers. */
  reason: z.string().min(1),
});
export type Redirect = z.output<typeof Redirect>;

/** The redirects file (`<content>/redirects.yaml`). */
export const RedirectsFile = z.object({ redirects: z.array(Redirect) });

/**
 * A reviewed correction (`<content>/corrections.yaml`): a published commitment
 * URL names a different commitment from now on, and its page says so.
 */
export const Correction = z.object({
  /** The commitment's permanent path, `/<year>/<slug>/<number>/`. */
  url: z.string().regex(commitmentPathPattern, 'a commitment URL is /<year>/<district>/<number>/'),
  /** The day the correction was made, `YYYY-MM-DD`; shown on the page. */
  date: IsoDate,
  /** What changed, in Chinese, for readers: shown as “更正说明（date）：change”. */
  change: z.string().min(1),
  /** The fingerprint of the commitment the URL names from this correction on. */
  fingerprint: Fingerprint,
});
export type Correction = z.output<typeof Correction>;

/** The corrections file (`<content>/corrections.yaml`). */
export const CorrectionsFile = z.object({ corrections: z.array(Correction) });
/** Frontmatter of a generated report entry (`content/reports/<year>/<slug>/report.md`): metadata and the matched record. */
export const ReportEntry = ReportMeta.extend({
  ...Report.shape,
  /** The year of the notice it reports on. */
  year: Year,
  /** The source text file, relative to the content directory. */
  sourceFile: z.string().min(1),
  /** SHA-256 of the source text file, hex. */
  sourceSha256: Sha256,
});
export type ReportEntry = z.output<typeof ReportEntry>;
