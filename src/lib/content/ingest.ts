/**
 * The plan of an ingest run: from parsed notices and their metadata files to
 * the content files to write, with errors and warnings named by file. Pure:
 * the script around it reads and writes.
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { Notice, NoticeMeta } from '../schema.ts';
import { NoticeMeta as NoticeMetaSchema } from '../schema.ts';
import type { OutputFile } from './entries.ts';
import { noticeFiles } from './entries.ts';

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
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const lineCounter = new YAML.LineCounter();
    YAML.parseDocument(text, { lineCounter });
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ file: metaPath, line: lineCounter.linePos(e.pos[0]).line, message: `invalid YAML: ${e.message.split('\n')[0] ?? ''}` })),
    };
  }
  const result = NoticeMetaSchema.safeParse(doc.toJS());
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({ file: metaPath, line: 0, message: `field “${i.path.join('.') || '(root)'}”: ${i.message}` })),
    };
  }
  return { ok: true, meta: result.data };
}

/** Returns the SHA-256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns the plan for a set of notices (sorted by path for determinism). */
export function planIngest(sources: readonly SourceNotice[]): IngestPlan {
  const plan: IngestPlan = { files: [], errors: [], warnings: [], commitmentCount: 0 };
  const seen = new Map<string, string>();
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const read = readMeta(source.metaPath, source.metaText);
    if (!read.ok) {
      plan.errors.push(...read.errors);
      continue;
    }
    const { meta } = read;
    const expected = `notices/${meta.year}/${meta.slug}.txt`;
    if (source.path !== expected) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `slug “${meta.slug}” and year ${meta.year} say the notice should be ${expected}, not ${source.path}` });
      continue;
    }
    const key = `${meta.year}/${meta.slug}`;
    const other = seen.get(key);
    if (other) {
      plan.errors.push({ file: source.metaPath, line: 0, message: `${key} is also used by ${other}` });
      continue;
    }
    seen.set(key, source.metaPath);
    if (source.notice.year !== meta.year) {
      plan.warnings.push({ file: source.path, line: 0, message: `the text says ${source.notice.year} but the metadata says ${meta.year}; the metadata wins` });
    }
    for (const w of source.notice.warnings) plan.warnings.push({ file: source.path, line: w.line, message: w.message });
    plan.commitmentCount += source.notice.commitments.length;
    plan.files.push(...noticeFiles({ meta, notice: source.notice, sourceFile: source.path, sourceSha256: sha256(source.bytes) }));
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
}
