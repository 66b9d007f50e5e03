/**
 * The record shapes of the project, defined once.
 *
 * `Notice` is the public contract of `npm run parse` and of the open data; the
 * content collections (`src/content.config.ts`) and the ingest script validate
 * against the same schemas. Types are derived from the schemas, never restated.
 */
import { z } from 'zod';

/** A 1-based, inclusive range of lines in the source notice. */
export const LineRange = z.object({
  /** First line (1-based) of the range. */
  startLine: z.number().int().positive(),
  /** Last line (1-based, inclusive) of the range. */
  endLine: z.number().int().positive(),
});
export type LineRange = z.output<typeof LineRange>;

/** A quantitative target read from a commitment's text, e.g. `1.78万人以上`. */
export const Target = z.object({
  /** The number, scaled (`1.78万` → 17800); a percentage stays as written (`5%` → 5). */
  value: z.number(),
  /** The unit or measure word as written after the number (`人`, `个`, `平方米`, `%`). */
  unit: z.string().min(1),
  /** The clause of the source the number stands in, as written. */
  text: z.string().min(1),
  /** `>=` for 以上/不少于/至少/不低于…, `<=` for 以内/不超过…, `~` for 左右/约…. */
  comparator: z.enum(['>=', '<=', '~']).optional(),
});
export type Target = z.output<typeof Target>;

/** A data-quality note tied to a line of the source (0 when it concerns the whole notice). */
export const Warning = z.object({
  /** 1-based line the warning is about; 0 for the notice as a whole. */
  line: z.number().int().nonnegative(),
  /** What is odd, in Chinese, for the public and for reviewers. */
  message: z.string().min(1),
});
export type Warning = z.output<typeof Warning>;

/** Whether the notice says a commitment is a city- or province-level task. */
export const Level = z.enum(['city', 'province']);
export type Level = z.output<typeof Level>;

/** One promise of the notice. */
export const Commitment = z.object({
  /** The number the source gives it, 1-based. */
  number: z.number().int().positive(),
  /** The item's own short title, or its first clause when it has none. */
  title: z.string().min(1),
  /** The full wording of the item, whitespace-normalized, nothing dropped. */
  text: z.string().min(1),
  /** The source's own group heading, without a declared count such as `（3项）`. */
  category: z.string().min(1).optional(),
  /** Lead units (牵头/主办/负责), each a whole name. */
  leadUnits: z.array(z.string().min(1)),
  /** Co-operating units (协办/配合). */
  coUnits: z.array(z.string().min(1)),
  /** `city` when the notice says 属市级任务, `province` for 属省级任务. */
  level: Level.optional(),
  /** Parts numbered ①②… or nested under the item. */
  subItems: z.array(z.string().min(1)),
  /** 推进举措 (implementation measures), usually from an appendix. */
  measures: z.array(z.string().min(1)),
  /** Quantitative targets read from `text`. */
  targets: z.array(Target),
  /** Where the item stands in the source notice. */
  source: LineRange,
  /** Where an appendix repeats the item (with its measures), when it does. */
  appendixSource: LineRange.optional(),
});
export type Commitment = z.output<typeof Commitment>;

/** A group heading of the notice, such as `一、促进就业（3项）`. */
export const Group = z.object({
  /** The group's own number. */
  number: z.number().int().positive(),
  /** The heading without its number or declared count. */
  name: z.string().min(1),
  /** The count the heading declares (`（3项）` → 3), when it declares one. */
  declaredCount: z.number().int().nonnegative().optional(),
  /** Numbers of the commitments under the heading, in order. */
  items: z.array(z.number().int().positive()),
  /** The heading line. */
  source: LineRange,
});
export type Group = z.output<typeof Group>;

/** What a passage that is not a commitment is. */
export const PassageRole = z.enum(['title', 'preamble', 'heading', 'explanation', 'closing', 'appendix']);
export type PassageRole = z.output<typeof PassageRole>;

/** Text of the notice that is not a commitment: title, preamble, headings, explanations, closing. */
export const Passage = z.object({
  /** What the passage is. */
  role: PassageRole,
  /** Its text, whitespace-normalized. */
  text: z.string().min(1),
  /** Where it stands in the source. */
  source: LineRange,
});
export type Passage = z.output<typeof Passage>;

/** A parsed notice: the output of `npm run parse` and the open-data record. */
export const Notice = z.object({
  /** The notice's title as written. */
  title: z.string().min(1),
  /** The year the commitments are for. */
  year: z.number().int().min(1949).max(2200),
  /** The issuing authority, when the notice names it on a line of its own. */
  issuer: z.string().min(1).optional(),
  /** The date of issue, `YYYY-MM-DD`, when the notice gives one. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** The document number (文号), e.g. `济兖政发〔2023〕2号`. */
  docNumber: z.string().min(1).optional(),
  /** How many commitments the notice says it holds (`20件`, `50项`), when it says. */
  declaredTotal: z.number().int().positive().optional(),
  /** The notice's own group headings, in order (empty when it has none). */
  groups: z.array(Group),
  /** The commitments, in source order. */
  commitments: z.array(Commitment).min(1),
  /** Every other non-blank stretch of the notice. */
  passages: z.array(Passage),
  /** Data-quality notes: oddities, disagreements, lines that fit nowhere. */
  warnings: z.array(Warning),
});
export type Notice = z.output<typeof Notice>;

/** URL parts under `/<year>/` that site pages use, so no district may take them. */
export const reservedSlugs = ['categories', 'units', 'data', 'source', 'search', 'about'];

/** What a notice's metadata file (`<slug>.yaml` beside its text) says: what the text itself does not. */
export const NoticeMeta = z.object({
  /** The district's URL part: readable ASCII, fixed once published. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case ASCII words joined by hyphens')
    .refine((s) => !reservedSlugs.includes(s) && !/^\d+$/.test(s), 'this slug is reserved for site pages'),
  /** The year of the notice; also its URL part. */
  year: z.number().int().min(1949).max(2200),
  /** Province (or municipality) name, e.g. 山东省, 天津市. */
  province: z.string().min(1),
  /** City name, e.g. 济南市 (a municipality repeats itself). */
  city: z.string().min(1),
  /** The district's short name, e.g. 市中区. */
  district: z.string().min(1),
  /** The district's full name for headings and citations, e.g. 济南市市中区. */
  districtFull: z.string().min(1),
  /** Where the notice was published, or null when unknown (never invented). */
  sourceUrl: z.url().nullable(),
  /** A note on the source, e.g. why the URL is unknown. */
  sourceNote: z.string().optional(),
  /** Topic overrides: commitment number → topic slug, where the automatic assignment is wrong. */
  topicOverrides: z.record(z.string().regex(/^\d+$/), z.string()).optional(),
});
export type NoticeMeta = z.output<typeof NoticeMeta>;

/** Frontmatter of a generated notice entry (`content/notices/<year>/<slug>.md`). */
export const NoticeEntry = NoticeMeta.extend({
  ...Notice.omit({ commitments: true }).shape,
  /** How many commitments the notice holds. */
  commitmentCount: z.number().int().positive(),
  /** The source text file, relative to the content directory. */
  sourceFile: z.string().min(1),
  /** SHA-256 of the source text file, hex. */
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type NoticeEntry = z.output<typeof NoticeEntry>;

/** How a commitment got its topic of the canonical taxonomy (`src/lib/taxonomy/topics.ts`). */
export const TopicAssignment = z.object({
  /** The topic's slug. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** `heading`: from the notice's own group heading; `rule`: by keywords; `override`: set in the notice's metadata; `none`: nothing matched. */
  how: z.enum(['heading', 'rule', 'override', 'none']),
  /** The keyword or heading that decided. */
  matched: z.string().optional(),
  /** Other topics the commitment also belongs to: topics whose keywords its title names (absent when none). */
  also: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).optional(),
});
export type TopicAssignment = z.output<typeof TopicAssignment>;

/** A department of one district: `content/notices/<year>/<slug>.units.yaml` lists them. */
export const UnitRecord = z.object({
  /** URL part, readable ASCII, unique within the district, permanent once written. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The canonical full name. */
  name: z.string().min(1),
  /** Every spelling the notice uses for it. */
  aliases: z.array(z.string().min(1)),
  /** The slug of its function group (教育, 民政, 卫生健康 …). */
  function: z.string().min(1),
});
export type UnitRecord = z.output<typeof UnitRecord>;

/** The departments file of one notice. */
export const UnitRegistry = z.object({
  year: z.number().int(),
  district: z.string().min(1),
  units: z.array(UnitRecord),
});
export type UnitRegistry = z.output<typeof UnitRegistry>;

/** Frontmatter of a generated commitment entry (`content/commitments/<year>/<slug>/<number>.md`). */
export const CommitmentEntry = Commitment.extend({
  /** Its topic in the canonical taxonomy, and how it was assigned (review and override in the notice's metadata). */
  topic: TopicAssignment,
  /** The year of the notice. */
  year: z.number().int(),
  /** The district slug of the notice. */
  district: z.string().min(1),
  /** The permanent path of the commitment's page, `/<year>/<slug>/<number>/`. */
  permalink: z.string().regex(/^\/\d{4}\/[a-z0-9-]+\/\d+\/$/),
});
export type CommitmentEntry = z.output<typeof CommitmentEntry>;
