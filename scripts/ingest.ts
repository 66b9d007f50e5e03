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
 */
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { contentDir } from '../src/lib/config.ts';
import { readYaml } from '../src/lib/yaml.ts';
import { besideText, generated, isOriginalFile, noticesDir, planIngest, redirectsPath, reportsDir, sha256 } from '../src/lib/content/index.ts';
import type { SourceNotice } from '../src/lib/content/index.ts';
import { decodeNotice } from '../src/lib/decode.ts';
import type { SourceReport } from '../src/lib/report/index.ts';
import { filesBelow } from '../src/lib/files.ts';
import { readRedirects } from '../src/lib/site/permanence.ts';
import { fail, Failure, loadNotice, readBytes, reasonOf, writeFileOrFail } from './cli.ts';
import { commandLine } from './lib/args.ts';

/** Returns the `year` a metadata file gives, if it reads as YAML and gives a whole number. */
function metaYear(text: string): number | undefined {
  const read = readYaml(text);
  const data = read.ok ? read.value : undefined;
  const year = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).year : undefined;
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

const check = commandLine({ usage: 'usage: npm run ingest [-- --check]', options: { check: { type: 'boolean' } } }).values.check === true;

const root = contentDir();
const rel = (p: string): string => relative(process.cwd(), p).split(sep).join('/') || '.';

/** Returns every file below `<root>/<folder>` whose name ends with `ending`, as paths relative to `root`, sorted. */
function listFiles(folder: string, ending: string): string[] {
  return filesBelow(join(root, folder), ending).map((f) => `${folder}/${f}`);
}

// `<slug>.orig.txt` is a notice's original as published (e.g. in GBK), not a notice text of its own.
const texts = listFiles(noticesDir, '.txt').filter((p) => !isOriginalFile(p));
if (texts.length === 0) fail(`${rel(join(root, noticesDir))}: error: no notice (.txt) found`);

const sources: SourceNotice[] = [];
const errors: string[] = [];
for (const path of texts) {
  const file = join(root, path);
  const metaFile = join(root, besideText(path, '.yaml'));
  const meta = readBytes(rel(metaFile));
  if (!meta.ok) {
    errors.push(`${meta.message} (every notice needs a metadata file beside it)`);
    continue;
  }
  // The metadata's year stands when the text states none (it is validated with the rest of the metadata later).
  const year = metaYear(new TextDecoder().decode(meta.bytes));
  const loaded = loadNotice(rel(file), year === undefined ? {} : { year });
  if (!loaded.ok) {
    errors.push(loaded.message);
    continue;
  }
  const unitsFile = join(root, besideText(path, '.units.yaml'));
  const source: SourceNotice = {
    path,
    notice: loaded.notice,
    bytes: loaded.bytes,
    metaPath: relative(root, metaFile).split(sep).join('/'),
    metaText: new TextDecoder().decode(meta.bytes),
  };
  if (existsSync(unitsFile)) source.unitsText = readFileSync(unitsFile, 'utf8');
  sources.push(source);
}

// Progress reports: reports/<year>/<slug>/report.txt with report.yaml beside it.
const reports: SourceReport[] = [];
for (const path of listFiles(reportsDir, '.txt')) {
  const file = join(root, path);
  const read = readBytes(rel(file));
  if (!read.ok) {
    errors.push(read.message);
    continue;
  }
  const decoded = decodeNotice(read.bytes);
  if (!decoded.ok) {
    errors.push(`${rel(file)}${decoded.error.line ? `:${decoded.error.line}` : ''}: error: ${decoded.error.message}`);
    continue;
  }
  const metaFile = join(root, besideText(path, '.yaml'));
  const meta = readBytes(rel(metaFile));
  if (!meta.ok) {
    errors.push(`${meta.message} (every report needs a metadata file beside it)`);
    continue;
  }
  reports.push({
    path,
    text: decoded.text,
    sha256: sha256(read.bytes),
    metaPath: relative(root, metaFile).split(sep).join('/'),
    metaText: new TextDecoder().decode(meta.bytes),
  });
}

// The redirects are content too: a bad one (`to: //evil.example`) is refused here, before any build.
const redirectsFile = join(root, redirectsPath);
if (existsSync(redirectsFile)) {
  try {
    readRedirects(readFileSync(redirectsFile, 'utf8'));
  } catch (error) {
    errors.push(`${rel(redirectsFile)}: error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const plan = planIngest(sources, reports);
errors.push(...plan.errors.map((e) => `${rel(join(root, e.file))}${e.line ? `:${e.line}` : ''}: error: ${e.message}`));
if (errors.length > 0) fail(`${errors.join('\n')}\ningest: ${errors.length} error(s); nothing was written`);

for (const w of plan.warnings) process.stderr.write(`${rel(join(root, w.file))}:${w.line}: warning: ${w.message}\n`);

const existing = generated.flatMap((g) => listFiles(g.root, g.ending));
const wanted = new Map(plan.files.map((f) => [f.path, f.contents]));
const stale = existing.filter((p) => !wanted.has(p));
const changed = plan.files.filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.contents);

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
  `ingest: ${sources.length} notices, ${reports.length} reports, ${plan.commitmentCount} commitments, ${plan.warnings.length} warnings; ` +
    `${changed.length} files written, ${stale.length} removed, in ${rel(root)}/\n`,
);
