/**
 * The reports' part of an ingest run: each report under
 * `reports/<year>/<slug>/` (`report.txt` verbatim, `report.yaml` metadata)
 * parsed, matched to the commitments of the notice its metadata names, and
 * turned into a generated report entry and dated status entries for those
 * commitments. Pure: the ingest script reads and writes.
 */
import type { RootContent } from 'mdast';
import { readYamlAs } from '../yaml.ts';
import type { Notice, ReportMeta as ReportMetaType, StatusEntry } from '../schema.ts';
import { ReportEntry, ReportMeta } from '../schema.ts';
import { toMarkdown, type OutputFile } from '../content/entries.ts';
import { placeOfReportText, reportEntryPath } from '../content/paths.ts';
import { reportEntries, sortHistory } from './history.ts';
import { matchReport } from './match.ts';
import { parseReport } from './parse.ts';

/** A report as read from the content directory. */
export interface SourceReport {
  /** The text file, relative to the content directory (`reports/2024/x/report.txt`). */
  path: string;
  /** Its decoded text. */
  text: string;
  /** Its SHA-256, hex. */
  sha256: string;
  /** The metadata file, relative to the content directory. */
  metaPath: string;
  /** The metadata file's text (YAML). */
  metaText: string;
}

/** A problem tied to a file of the content directory. */
export interface ReportProblem {
  file: string;
  line: number;
  message: string;
}

/** What the reports add to an ingest run. */
export interface ReportPlan {
  /** Generated report entries. */
  files: OutputFile[];
  errors: ReportProblem[];
  warnings: ReportProblem[];
  /** Status history per notice (`<year>/<slug>`) and commitment number, newest first. */
  histories: Map<string, Map<number, StatusEntry[]>>;
}

/** Returns the metadata of a report, or the problems with it. */
function readReportMeta(metaPath: string, text: string): { ok: true; meta: ReportMetaType } | { ok: false; errors: ReportProblem[] } {
  // The content's one YAML reader: one-line errors with their line, alias bombs refused.
  const read = readYamlAs(text, ReportMeta);
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => ({ file: metaPath, ...p })) };
  return { ok: true, meta: read.value };
}

/** Returns the body of a report entry: its title and each item's words. */
function reportBody(title: string, items: ReadonlyArray<{ text: string }>): RootContent[] {
  return [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
    ...[...new Set(items.map((i) => i.text))].map((text): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
  ];
}

/**
 * Returns what the reports add to an ingest run, given the parsed notices by
 * `<year>/<slug>`. Reports are read in path order; a commitment's history
 * holds one entry per report that speaks of it, newest first.
 */
export function planReports(reports: readonly SourceReport[], notices: ReadonlyMap<string, Notice>): ReportPlan {
  const plan: ReportPlan = { files: [], errors: [], warnings: [], histories: new Map() };
  const seen = new Set<string>();
  for (const source of [...reports].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const place = placeOfReportText(source.path);
    if (!place) {
      plan.errors.push({ file: source.path, line: 0, message: 'a report lives at reports/<year>/<slug>/report.txt' });
      continue;
    }
    const { year } = place;
    const read = readReportMeta(source.metaPath, source.metaText);
    if (!read.ok) {
      plan.errors.push(...read.errors);
      continue;
    }
    const { meta } = read;
    if (meta.slug !== place.slug) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `slug “${meta.slug}” says the report should be in reports/${year}/${meta.slug}/` });
      continue;
    }
    if (seen.has(`${year}/${meta.slug}`)) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `the report slug ${year}/${meta.slug} is used twice` });
      continue;
    }
    seen.add(`${year}/${meta.slug}`);
    const key = `${year}/${meta.notice}`;
    const notice = notices.get(key);
    if (!notice) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `field “notice”: no notice ${key} (notices/${key}.txt)` });
      continue;
    }
    const parsed = parseReport(source.text);
    if (!parsed.ok) {
      plan.errors.push({ file: source.path, line: parsed.error.line, message: parsed.error.message });
      continue;
    }
    const report = { ...parsed.report };
    for (const field of ['issuer', 'date', 'asOf'] as const) {
      const given = meta[field];
      if (given === undefined) continue;
      if (report[field] === undefined) report[field] = given;
      else if (report[field] !== given) {
        plan.warnings.push({ file: source.metaPath, line: 0, message: `${field}: the text says ${report[field]}, the metadata ${given}; the text wins` });
      }
    }
    const matched = matchReport(report, notice, meta.overrides ?? {});
    const warnings = [...report.warnings, ...matched.warnings].sort((a, b) => a.line - b.line);
    for (const w of warnings) plan.warnings.push({ file: source.path, line: w.line, message: w.message });
    const entries = reportEntries({ slug: meta.slug, date: report.date, asOf: report.asOf }, matched.items, notice.commitments);
    const history = plan.histories.get(key) ?? new Map<number, StatusEntry[]>();
    for (const [number, entry] of entries) history.set(number, sortHistory([...(history.get(number) ?? []), entry]));
    plan.histories.set(key, history);
    const entry = ReportEntry.parse({ ...meta, ...report, items: matched.items, warnings, year, sourceFile: source.path, sourceSha256: source.sha256 });
    plan.files.push({ path: reportEntryPath({ year, slug: meta.slug }), contents: toMarkdown(entry, reportBody(report.title, matched.items)) });
  }
  return plan;
}
