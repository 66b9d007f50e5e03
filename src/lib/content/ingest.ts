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

/** What an ingest run would do. */
export interface IngestPlan {
  files: OutputFile[];
  errors: FileProblem[];
  warnings: FileProblem[];
  commitmentCount: number;
}

/** Returns the metadata in a YAML text, or the problems with it (with lines where YAML gives them). */
export function readMeta(metaPath: string, text: string): { ok: true; meta: NoticeMeta } | { ok: false; errors: FileProblem[] } {
  const read = readYamlAs(text, NoticeMetaSchema);
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => ({ file: metaPath, ...p })) };
  return { ok: true, meta: read.value };
}

/** The SHA-256 of the project (`../hash.ts`), offered here to the content stage's callers. */
export { sha256 };

/** Returns the plan for a set of notices and the progress reports on them (sorted by path for determinism). */
export function planIngest(sources: readonly SourceNotice[], reports: readonly SourceReport[] = []): IngestPlan {
  const plan: IngestPlan = { files: [], errors: [], warnings: [], commitmentCount: 0 };
  const seen = new Map<string, string>();
  const reportPlan = planReports(reports, noticesByKey(sources));
  plan.files.push(...reportPlan.files);
  plan.errors.push(...reportPlan.errors);
  plan.warnings.push(...reportPlan.warnings);
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : 1))) {
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
    const other = seen.get(key);
    if (other) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `year ${meta.year} and slug “${meta.slug}” are also used by ${other}` });
      continue;
    }
    seen.set(key, source.metaPath);
    if (source.notice.year !== meta.year) {
      plan.warnings.push({ file: source.path, line: 0, message: `the text says ${source.notice.year} but the metadata says ${meta.year}; the metadata wins` });
    }
    for (const w of source.notice.warnings) plan.warnings.push({ file: source.path, line: w.line, message: w.message });
    const topics = topicsOf(source, meta);
    if (!topics.ok) {
      plan.errors.push(topics.error);
      continue;
    }
    const existing = existingUnits(source, meta);
    if (!existing.ok) {
      plan.errors.push(...existing.errors);
      continue;
    }
    const names = source.notice.commitments.flatMap((c) => [...c.leadUnits, ...c.coUnits]);
    const units = { year: meta.year, district: meta.slug, units: planUnits(names, existing.units) };
    plan.commitmentCount += source.notice.commitments.length;
    plan.files.push(
      ...noticeFiles({
        meta,
        notice: source.notice,
        sourceFile: source.path,
        sourceSha256: sha256(source.bytes),
        topics: topics.topics,
        units,
        history: reportPlan.histories.get(key) ?? new Map(),
      }),
    );
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
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
