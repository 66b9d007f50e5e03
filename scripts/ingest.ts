/**
 * `npm run ingest`: turns every notice under `<content>/notices/` into the
 * Markdown content collections (`<content>/notices/<year>/<slug>.md` and
 * `<content>/commitments/<year>/<slug>/<n>.md`), and every progress report under
 * `<content>/reports/<year>/<slug>/report.txt` into `report.md` beside it and
 * the status history of the commitments it speaks of.
 *
 * `npm run ingest -- --check` writes nothing and fails when the committed
 * content is not what ingest would write. The content directory is
 * `$MINSHENG_CONTENT_DIR` (default `content/`).
 *
 * A notice none of whose inputs changed since an earlier run (its text,
 * metadata and departments files, the code) is not parsed again: its outcome
 * comes from the ingest cache (`scripts/lib/ingest-cache.ts`), unless a
 * progress report names it. `--check` never uses the cache.
 */
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { contentDir } from '../src/lib/config.ts';
import { readYaml } from '../src/lib/yaml.ts';
import { besideText, generated, isOriginalFile, noticesDir, placeOfNoticeText, planIngest, redirectsPath, reportsDir, sha256 } from '../src/lib/content/index.ts';
import type { SourceNotice } from '../src/lib/content/index.ts';
import type { NoticeOutcome } from '../src/lib/content/ingest.ts';
import { decodeNotice } from '../src/lib/decode.ts';
import type { SourceReport } from '../src/lib/report/index.ts';
import { filesBelow } from '../src/lib/files.ts';
import { fileDigests } from '../src/lib/digests.ts';
import { readRedirects } from '../src/lib/site/permanence.ts';
import { fail, Failure, parseNoticeBytes, readBytes, reasonOf, writeFileOrFail } from './cli.ts';
import { commandLine } from './lib/args.ts';
import { codeKey } from './lib/code-key.ts';
import { ingestCacheDir, outcomeKey, readOutcome, writeOutcome } from './lib/ingest-cache.ts';
import { planInWorkers } from './lib/ingest-workers.ts';
import type { ReadNotice } from './lib/ingest-workers.ts';

/** From how many notices to parse ingest starts worker threads by default (at 3,000 notices, two halve the parse: BENCHMARKS.md). */
const minAloneForWorkers = 64;

/** Returns the `year` a metadata file gives, if it reads as YAML and gives a whole number. */
function metaYear(text: string): number | undefined {
  const read = readYaml(text);
  const data = read.ok ? read.value : undefined;
  const year = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).year : undefined;
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

const usage = 'usage: npm run ingest [-- --check] [--jobs N]';
const { values } = commandLine({ usage, options: { check: { type: 'boolean' }, jobs: { type: 'string' } } });
const check = values.check === true;
/** Worker threads that parse notices (`--jobs`; by default both cores when there are enough notices to pay for starting them). */
const jobsOption = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobsOption !== undefined && !(Number.isInteger(jobsOption) && jobsOption >= 1 && jobsOption <= 64)) fail(`${usage}  (--jobs takes a whole number from 1 to 64)`, 2);

const root = contentDir();
const rel = (p: string): string => relative(process.cwd(), p).split(sep).join('/') || '.';

/** Returns every file below `<root>/<folder>` whose name ends with `ending`, as paths relative to `root`, sorted. */
function listFiles(folder: string, ending: string): string[] {
  return filesBelow(join(root, folder), ending).map((f) => `${folder}/${f}`);
}

// `<slug>.orig.txt` is a notice's original as published (e.g. in GBK), not a notice text of its own.
const texts = listFiles(noticesDir, '.txt').filter((p) => !isOriginalFile(p));
if (texts.length === 0) fail(`${rel(join(root, noticesDir))}: error: no notice (.txt) found`);

const read: ReadNotice[] = [];
const noticeErrors: string[] = [];
for (const path of texts) {
  const file = join(root, path);
  const metaFile = join(root, besideText(path, '.yaml'));
  const meta = readBytes(rel(metaFile));
  if (!meta.ok) {
    noticeErrors.push(`${meta.message} (every notice needs a metadata file beside it)`);
    continue;
  }
  const text = readBytes(rel(file));
  if (!text.ok) {
    noticeErrors.push(text.message);
    continue;
  }
  const metaText = new TextDecoder().decode(meta.bytes);
  const notice: ReadNotice = { path, bytes: text.bytes, year: metaYear(metaText), metaPath: relative(root, metaFile).split(sep).join('/'), metaText };
  const unitsFile = join(root, besideText(path, '.units.yaml'));
  if (existsSync(unitsFile)) notice.unitsText = readFileSync(unitsFile, 'utf8');
  read.push(notice);
}

// Progress reports: reports/<year>/<slug>/report.txt with report.yaml beside it.
const reports: SourceReport[] = [];
const reportErrors: string[] = [];
for (const path of listFiles(reportsDir, '.txt')) {
  const file = join(root, path);
  const bytes = readBytes(rel(file));
  if (!bytes.ok) {
    reportErrors.push(bytes.message);
    continue;
  }
  const decoded = decodeNotice(bytes.bytes);
  if (!decoded.ok) {
    reportErrors.push(`${rel(file)}${decoded.error.line ? `:${decoded.error.line}` : ''}: error: ${decoded.error.message}`);
    continue;
  }
  const metaFile = join(root, besideText(path, '.yaml'));
  const meta = readBytes(rel(metaFile));
  if (!meta.ok) {
    reportErrors.push(`${meta.message} (every report needs a metadata file beside it)`);
    continue;
  }
  reports.push({
    path,
    text: decoded.text,
    sha256: sha256(bytes.bytes),
    metaPath: relative(root, metaFile).split(sep).join('/'),
    metaText: new TextDecoder().decode(meta.bytes),
  });
}

/** The notices the reports name (`<year>/<slug>`): parsed every time, their statuses come from the reports. */
const reported = new Set(
  reports.map((r) => {
    const value = readYaml(r.metaText);
    const notice = value.ok && typeof value.value === 'object' && value.value !== null ? (value.value as Record<string, unknown>).notice : undefined;
    return `${r.path.split('/')[1] ?? ''}/${String(notice)}`;
  }),
);
const cache = check ? undefined : { dir: ingestCacheDir(join(import.meta.dirname, '..')), code: codeKey(join(import.meta.dirname, '..'), ['scripts/ingest.ts']) };
/** The notices that may be kept in the cache: none a report names. */
const cacheable = new Map<string, ReadNotice>();
const reused: NoticeOutcome[] = [];
/** The same outcomes, to tell them apart from the ones parsed this time. */
const fromCache = new Set<NoticeOutcome>();
const sources: SourceNotice[] = [];
/** The notices to parse: none a report names (their statuses come from the reports) is planned alone. */
const toParse: ReadNotice[] = [];
const alone: ReadNotice[] = [];
for (const notice of read) {
  const place = placeOfNoticeText(notice.path);
  const unreported = place !== undefined && !reported.has(`${place.year}/${place.slug}`);
  if (cache && unreported) {
    const key = outcomeKey(cache.code, notice);
    cacheable.set(notice.path, notice);
    const kept = readOutcome(cache.dir, key);
    if (kept && kept.path === notice.path) {
      reused.push(kept);
      fromCache.add(kept);
      continue;
    }
  }
  (unreported ? alone : toParse).push(notice);
}
// On both cores when there are enough of them (a worker takes a fraction of a second to start): each
// outcome is then taken as a cached one is; a notice with an error is parsed again below, for its message.
const jobs = jobsOption ?? (alone.length >= minAloneForWorkers ? Math.min(2, availableParallelism()) : 1);
if (jobs > 1 && alone.length > 0) {
  const planned = await planInWorkers(alone, jobs);
  alone.forEach((notice, i) => {
    const outcome = planned[i];
    if (outcome) reused.push(outcome);
    else toParse.push(notice);
  });
} else toParse.push(...alone);
for (const notice of toParse.sort((a, b) => (a.path < b.path ? -1 : 1))) {
  // The metadata's year stands when the text states none (it is validated with the rest of the metadata later).
  const loaded = parseNoticeBytes(rel(join(root, notice.path)), notice.bytes, notice.year === undefined ? {} : { year: notice.year });
  if (!loaded.ok) {
    noticeErrors.push(loaded.message);
    continue;
  }
  const source: SourceNotice = { path: notice.path, notice: loaded.notice, bytes: loaded.bytes, metaPath: notice.metaPath, metaText: notice.metaText };
  if (notice.unitsText !== undefined) source.unitsText = notice.unitsText;
  sources.push(source);
}
const errors = [...noticeErrors, ...reportErrors];

// The redirects are content too: a bad one (`to: //evil.example`) is refused here, before any build.
const redirectsFile = join(root, redirectsPath);
if (existsSync(redirectsFile)) {
  try {
    readRedirects(readFileSync(redirectsFile, 'utf8'));
  } catch (error) {
    errors.push(`${rel(redirectsFile)}: error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const plan = planIngest(sources, reports, reused);
errors.push(...plan.errors.map((e) => `${rel(join(root, e.file))}${e.line ? `:${e.line}` : ''}: error: ${e.message}`));
if (errors.length > 0) fail(`${errors.join('\n')}\ningest: ${errors.length} error(s); nothing was written`);

for (const w of plan.warnings) process.stderr.write(`${rel(join(root, w.file))}:${w.line}: warning: ${w.message}\n`);
// Each notice parsed this time, kept for the next run under the key that run computes: with the departments file
// as this run writes it (ingest is idempotent: from its own output it plans the same files again).
if (cache) {
  for (const outcome of plan.notices) {
    const notice = cacheable.get(outcome.path);
    if (!notice || outcome.reported || fromCache.has(outcome)) continue;
    const units = outcome.files.find((f) => f.path === besideText(outcome.path, '.units.yaml'));
    writeOutcome(cache.dir, outcomeKey(cache.code, units ? { ...notice, unitsText: units.contents } : notice), outcome);
  }
}

const existing = generated.flatMap((g) => listFiles(g.root, g.ending));
const wanted = new Map(plan.files.map((f) => [f.path, f.contents]));
const stale = existing.filter((p) => !wanted.has(p));
// What is on disk, by the SHA-256 of each file there: remembered with its stamp since the last run
// (`fileDigests`), so a national content's 100,000 files are not read again to be compared.
const present = plan.files.filter((f) => existsSync(join(root, f.path))).map((f) => f.path);
const onDisk = new Map(fileDigests(root, present, 'ingest').map((digest, i) => [present[i], digest]));
const changed = plan.files.filter((f) => onDisk.get(f.path) !== sha256(f.contents));

if (check) {
  if (stale.length === 0 && changed.length === 0) {
    process.stdout.write(`ingest --check: ${plan.files.length} content files are up to date\n`);
    process.exit(0);
  }
  const lines = [
    ...changed.map((f) => `  ${existsSync(join(root, f.path)) ? 'differs' : 'missing'}: ${rel(join(root, f.path))}`),
    ...stale.map((p) => `  stale:   ${rel(join(root, p))}`),
  ];
  fail(`ingest --check: the generated content is out of date; run \`npm run ingest\` and commit the result\n${lines.join('\n')}`);
}

try {
  for (const p of stale) rmSync(join(root, p));
  for (const f of changed) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileOrFail(rel(join(root, f.path)), f.contents);
  }
} catch (error) {
  // A full disk (ENOSPC) or a read-only folder: one line, and the next ingest finishes the work.
  fail(error instanceof Failure ? error.message : `ingest: error: ${reasonOf(error)}`);
}
process.stdout.write(
  `ingest: ${sources.length + reused.length} notices (${fromCache.size} unchanged, from the cache${jobs > 1 && alone.length > 0 ? `; the others parsed on ${jobs} threads` : ''}), ${reports.length} reports, ${plan.commitmentCount} commitments, ${plan.warnings.length} warnings; ` +
    `${changed.length} files written, ${stale.length} removed, in ${rel(root)}/\n`,
);
