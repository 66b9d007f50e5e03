/**
 * The plan of an ingest run: from parsed notices and their metadata files to
 * the content files to write, with errors and warnings named by file. Pure:
 * the script around it reads and writes.
 */
import { sha256 } from '../hash.ts';
import type { Notice, NoticeMeta, TopicAssignment, UnitRecord } from '../schema.ts';
import { NoticeMeta as NoticeMetaSchema, UnitRegistry as UnitRegistrySchema } from '../schema.ts';
import { assignTopic } from '../taxonomy/topics.ts';
import { planUnits } from '../taxonomy/units.ts';
import { noticeTextPath, placeOfNoticeText, unitsPath } from './paths.ts';
import type { OutputFile } from './entries.ts';
import { noticeFiles } from './entries.ts';
import { planReports, type SourceReport } from '../report/ingest.ts';
import { readYamlAs } from '../yaml.ts';

/** A notice as read from the content directory. */
export interface SourceNotice {
  /** The text file, relative to the content directory (`notices/2023/x.txt`). */
  path: string;
  /** Its parsed record. */
  notice: Notice;
  /** Its bytes, for the checksum. */
  bytes: Uint8Array;
  /** The metadata file, relative to the content directory. */
  metaPath: string;
  /** The metadata file's text (YAML). */
  metaText: string;
  /** The departments file's text (YAML) when it exists: its slugs are kept. */
  unitsText?: string;
}

/** A problem tied to a file of the content directory. */
export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * What one notice gave: its content files, its warnings and its number of commitments. An ingest keeps
 * it (`scripts/lib/ingest-cache.ts`) and gives it back as a reused notice when none of its inputs changed.
 */
export interface NoticeOutcome {
  /** The notice's text file, relative to the content directory (`notices/2023/x.txt`). */
  path: string;
  /** Its metadata file, relative to the content directory. */
  metaPath: string;
  /** `<year>/<slug>`, from its metadata. */
  key: string;
  files: OutputFile[];
  warnings: FileProblem[];
  commitmentCount: number;
  /** Whether a progress report changed its entries (statuses): its outcome then depends on more than its own files. */
  reported: boolean;
}

/** What an ingest run would do. */
export interface IngestPlan {
  files: OutputFile[];
  errors: FileProblem[];
  warnings: FileProblem[];
  commitmentCount: number;
  /** Each notice planned without error, in path order. */
  notices: NoticeOutcome[];
}

/** Returns the metadata in a YAML text, or the problems with it (with lines where YAML gives them). */
export function readMeta(metaPath: string, text: string): { ok: true; meta: NoticeMeta } | { ok: false; errors: FileProblem[] } {
  const read = readYamlAs(text, NoticeMetaSchema);
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => ({ file: metaPath, ...p })) };
  return { ok: true, meta: read.value };
}

/** The SHA-256 of the project (`../hash.ts`), offered here to the content stage's callers. */
export { sha256 };

/**
 * Returns the plan for a set of notices and the progress reports on them (sorted by path for determinism).
 * `reused` are notices an earlier run planned from the same inputs (their text, metadata and departments
 * files, and the same code), none of them named by a report: they are taken as they were, not parsed again.
 */
export function planIngest(sources: readonly SourceNotice[], reports: readonly SourceReport[] = [], reused: readonly NoticeOutcome[] = []): IngestPlan {
  const plan: IngestPlan = { files: [], errors: [], warnings: [], commitmentCount: 0, notices: [] };
  const seen = new Map<string, string>();
  const reportPlan = planReports(reports, noticesByKey(sources));
  plan.files.push(...reportPlan.files);
  plan.errors.push(...reportPlan.errors);
  plan.warnings.push(...reportPlan.warnings);
  /** Takes one notice's outcome into the plan, unless its year and slug are taken. */
  const take = (outcome: NoticeOutcome): void => {
    const other = seen.get(outcome.key);
    if (other) {
      const [year, slug] = outcome.key.split('/');
      plan.errors.push({ file: outcome.metaPath, line: 0, message: `year ${year} and slug “${slug}” are also used by ${other}` });
      return;
    }
    seen.set(outcome.key, outcome.metaPath);
    plan.warnings.push(...outcome.warnings);
    plan.commitmentCount += outcome.commitmentCount;
    plan.files.push(...outcome.files);
    plan.notices.push(outcome);
  };
  const inOrder = [...sources.map((source) => ({ path: source.path, source })), ...reused.map((outcome) => ({ path: outcome.path, outcome }))];
  for (const next of inOrder.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if ('outcome' in next) {
      take(next.outcome);
      continue;
    }
    const { source } = next;
    const read = readMeta(source.metaPath, source.metaText);
    if (!read.ok) {
      plan.errors.push(...read.errors);
      continue;
    }
    const { meta } = read;
    const expected = noticeTextPath(meta);
    if (source.path !== expected) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `slug “${meta.slug}” and year ${meta.year} say the notice should be ${expected}, not ${source.path}` });
      continue;
    }
    const key = `${meta.year}/${meta.slug}`;
    if (seen.has(key)) {
      take({ path: source.path, metaPath: source.metaPath, key, files: [], warnings: [], commitmentCount: 0, reported: false });
      continue;
    }
    const warnings: FileProblem[] = [];
    if (source.notice.year !== meta.year) {
      warnings.push({ file: source.path, line: 0, message: `the text says ${source.notice.year} but the metadata says ${meta.year}; the metadata wins` });
    }
    for (const w of source.notice.warnings) warnings.push({ file: source.path, line: w.line, message: w.message });
    const topics = topicsOf(source, meta);
    if (!topics.ok) {
      plan.warnings.push(...warnings);
      plan.errors.push(topics.error);
      continue;
    }
    const existing = existingUnits(source, meta);
    if (!existing.ok) {
      plan.warnings.push(...warnings);
      plan.errors.push(...existing.errors);
      continue;
    }
    const names = source.notice.commitments.flatMap((c) => [...c.leadUnits, ...c.coUnits]);
    const units = { year: meta.year, district: meta.slug, units: planUnits(names, existing.units) };
    const history = reportPlan.histories.get(key);
    take({
      path: source.path,
      metaPath: source.metaPath,
      key,
      warnings,
      commitmentCount: source.notice.commitments.length,
      reported: history !== undefined,
      files: noticeFiles({
        meta,
        notice: source.notice,
        sourceFile: source.path,
        sourceSha256: sha256(source.bytes),
        topics: topics.topics,
        units,
        history: history ?? new Map(),
      }),
    });
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
}

/**
 * Returns the outcome of one notice planned alone — as `planIngest` takes it when no report names it:
 * the same files and warnings — or undefined when planning it gives an error (the caller then plans it
 * with the others, whose messages name the problem). Pure: `npm run ingest` runs it on worker threads.
 */
export function planNoticeAlone(source: SourceNotice): NoticeOutcome | undefined {
  const plan = planIngest([source]);
  return plan.errors.length === 0 && plan.notices.length === 1 ? plan.notices[0] : undefined;
}

/** Returns the parsed notices by `<year>/<slug>`, read off their paths (`notices/<year>/<slug>.txt`). */
function noticesByKey(sources: readonly SourceNotice[]): Map<string, Notice> {
  const out = new Map<string, Notice>();
  for (const s of sources) {
    const place = placeOfNoticeText(s.path);
    if (place) out.set(`${place.year}/${place.slug}`, s.notice);
  }
  return out;
}

/** Returns the topic of each commitment, or an error naming the metadata file when an override is wrong. */
function topicsOf(source: SourceNotice, meta: NoticeMeta): { ok: true; topics: TopicAssignment[] } | { ok: false; error: FileProblem } {
  const overrides = meta.topicOverrides ?? {};
  const numbers = new Set(source.notice.commitments.map((c) => String(c.number)));
  const unknown = Object.keys(overrides).filter((n) => !numbers.has(n));
  if (unknown.length > 0) {
    return { ok: false, error: { file: source.metaPath, line: 0, message: `topicOverrides names commitments the notice does not have: ${unknown.join(', ')}` } };
  }
  try {
    const topics = source.notice.commitments.map((c) => {
      const input: Parameters<typeof assignTopic>[0] = { title: c.title, text: c.text };
      if (c.category) input.heading = c.category;
      const override = overrides[String(c.number)];
      if (override) input.override = override;
      return assignTopic(input);
    });
    return { ok: true, topics };
  } catch (error) {
    return { ok: false, error: { file: source.metaPath, line: 0, message: `topicOverrides: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** Returns the departments already recorded for the notice (none when it has no file yet). */
function existingUnits(source: SourceNotice, meta: NoticeMeta): { ok: true; units: UnitRecord[] } | { ok: false; errors: FileProblem[] } {
  if (source.unitsText === undefined) return { ok: true, units: [] };
  const file = unitsPath(meta);
  const read = readYamlAs(source.unitsText, UnitRegistrySchema);
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => ({ file, ...p })) };
  return { ok: true, units: read.value.units };
}
