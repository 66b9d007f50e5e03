/**
 * `node scripts/search-index.ts [--plain | --content] [--out DIR] [--max-pages N] [--jobs N] [--no-cache] [--reuse DIR] [[--site] dist]`:
 * builds the Pagefind search index of a built site into `<site>/pagefind/` (or `--out`), with Pagefind's
 * Node API.
 *
 * With `--content`, the indexed pages and their marks are made from the content
 * (`$MINSHENG_CONTENT_DIR`, `src/lib/search/pages.ts`) instead of read from the built pages, so the
 * index can be written while Astro renders the pages: `npm run build` runs it that way, beside
 * `astro build`, into `--out`, and moves it into the site when both are done. The pages mark the same
 * values (a site test compares them page by page).
 *
 * Only pages that mark a `data-pagefind-body` are indexed (commitments and
 * district notices), each as a Pagefind custom record made from its marks
 * (`src/lib/search/entry.ts`): a commitment by its source wording, title,
 * district and departments, a district by its names. A department's page is
 * not indexed (its commitments are, with its name): it marks its year,
 * district and name on `<main>`, and is listed in its district's units file
 * (`src/lib/search/parts.ts`), from which the search page links it when a
 * search is narrowed to its district.
 * The text is given one character to a word (`src/lib/search/terms.ts`), and
 * the search page searches a query as an exact phrase, so any Chinese word a
 * resident types is found wherever the text contains it, whatever Pagefind's
 * word segmentation would have made of the sentence. The published pages
 * stay as they are.
 *
 * The index is written in parts of at most `--max-pages` pages (default
 * 10,000; `src/lib/search/parts.ts`), each by a Pagefind process of its own
 * in a worker thread (`scripts/search-part.ts`), at most `--jobs` at a time
 * (default 2, both cores of the build machine), so its memory stays bounded
 * however large the site; the search page merges them.
 *
 * With `--content`, each part is kept in a cache (`node_modules/.cache/minsheng-search/`, or
 * `$MINSHENG_SEARCH_CACHE`; `scripts/lib/search-cache.ts`) under a key of everything it is made from,
 * and a later run copies a part whose key is kept instead of indexing it again: the parts end where
 * their districts decide (`planParts`), so adding one notice indexes one part again, seldom two. The
 * index is the same byte for byte (tested). `--no-cache` indexes every part and leaves the cache alone.
 * `--reuse DIR`: DIR is an earlier index made with the cache, no longer published (the one `npm run
 * build` replaced); it becomes the output, and its files that are still the kept parts' files (the
 * same inode) stay where they are rather than being linked again; everything else in it is removed
 * (`clearForReuse`). The index is the same; a national one is 100,000 files.
 *
 * Last of all it writes `pagefind/complete.json`, listing every file of the
 * index with its size (`src/lib/search/complete.ts`): a build killed while
 * indexing has none, and `npm run urls -- --check` and `npm run check:site` fail.
 *
 * `--plain` indexes the pages as built, with Pagefind's own reading of the
 * HTML and its zh-CN segmentation (to measure what Pagefind does on its own).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { basePath as siteBasePath } from '../src/lib/config.ts';
import { filesBelow } from '../src/lib/files.ts';
import { Worker } from 'node:worker_threads';
import { mapConcurrent } from '../tools/build/concurrency.ts';
import { isIndexed } from '../src/lib/search/entry.ts';
import { pageFilters, pageListing } from '../src/lib/search/html.ts';
import { defaultMaxPages, partsFile, planParts, summarizePart } from '../src/lib/search/parts.ts';
import type { Part, PartPage, PartsManifest } from '../src/lib/search/parts.ts';
import { completeFile, indexRecord } from '../src/lib/search/complete.ts';
import { directoryShards } from '../src/lib/search/directory.ts';
import { fail } from './cli.ts';
import type { PartJob, PartOutcome } from './search-part.ts';
import type { SearchEntry } from '../src/lib/search/entry.ts';
import { listingFilters } from '../src/lib/search/pages.ts';
import { contentPages } from './lib/content-pages.ts';
import type { ContentPages } from './lib/content-pages.ts';
import { codeKey } from './lib/code-key.ts';
import { entryFiles, keepPart, partKey, pruneCache, restorePart, searchCacheDir } from './lib/search-cache.ts';
import { clearForReuse, sameFile } from '../tools/build/placement.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
let site = 'dist';
let plain = false;
let fromContent = false;
let outDir: string | undefined;
let maxPages = defaultMaxPages;
/** Parts indexed at once: each is a Pagefind process of about 3 GB at 20,000 pages, less at the default 10,000 (BENCHMARKS.md). */
let jobs = 2;
let useCache = true;
/** `--reuse DIR`: an earlier index to write into again, consumed. */
let reuse: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--site' && args[i + 1] !== undefined) site = args[++i] ?? site;
  else if (a !== undefined && !a.startsWith('-') && i === args.length - 1) site = a;
  else if (a === '--plain') plain = true;
  else if (a === '--content') fromContent = true;
  else if (a === '--out' && args[i + 1] !== undefined) outDir = args[++i];
  else if (a === '--max-pages' && args[i + 1] !== undefined) maxPages = Number(args[++i]);
  else if (a === '--jobs' && args[i + 1] !== undefined) jobs = Number(args[++i]);
  else if (a === '--no-cache') useCache = false;
  else if (a === '--reuse' && args[i + 1] !== undefined) reuse = args[++i];
  else
    fail(
      `usage: node scripts/search-index.ts [--plain | --content] [--out DIR] [--max-pages N] [--jobs N] [--no-cache] [--reuse DIR] [[--site] <dir>]  (unknown argument: ${a})`,
      2,
    );
}
const root = resolve(site);
if (!Number.isInteger(maxPages) || maxPages < 1) fail('search-index: error: --max-pages must be a positive whole number', 2);
if (!Number.isInteger(jobs) || jobs < 1) fail('search-index: error: --jobs must be a positive whole number', 2);
if (plain && fromContent) fail('search-index: error: --plain reads the built pages, --content the content: give one of them', 2);
if (reuse !== undefined && !fromContent) fail('search-index: error: --reuse goes with --content (an index made from the content, its parts kept in the cache)', 2);
if (!fromContent && (!existsSync(root) || !statSync(root).isDirectory())) fail(`${site}: error: no built site here; run \`astro build\` first`);

/** The site's base path (astro.config.mjs reads the same variable); result URLs start with it. */
const basePath = siteBasePath();

const out = resolve(outDir ?? join(root, 'pagefind'));
rmSync(out, { recursive: true, force: true });

// The pages to index, and the filters they are grouped into parts by (src/lib/search/parts.ts), and the
// department pages the parts list (`listed`, not indexed). Read from the built pages, each part reads its
// pages again rather than keeping them: a country's year is 2.3 GB of HTML. Made from the content, each
// page's record is made here and handed to its part.
const toIndex: PartPage[] = [];
const listed: PartPage[] = [];
const entries = new Map<string, SearchEntry>();
/** The project, whose code (`src/`, `scripts/`, the lockfile) is in every part's cache key. */
const project = resolve(import.meta.dirname, '..');
// Made from the content, each part is kept in the cache, and taken from it when its key is kept; so are
// each district's pages (`contentPages`).
const cache = fromContent && useCache ? searchCacheDir(project) : undefined;
const code = cache === undefined ? '' : codeKey(project, ['scripts/search-index.ts', 'scripts/search-part.ts']);
if (fromContent) {
  let pages: ContentPages;
  try {
    pages = contentPages(undefined, cache, JSON.stringify([code, basePath]));
  } catch (error) {
    fail(`search-index: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const page of pages.toIndex) toIndex.push(page);
  for (const page of pages.listed) listed.push(page);
  for (const [path, entry] of pages.entries) entries.set(path, entry);
  if (cache !== undefined) process.stdout.write(`search-index: ${pages.read} of ${pages.districts} districts read from the content, the others' pages kept\n`);
} else {
  for (const path of filesBelow(root, '.html').filter((p) => !p.startsWith('pagefind/'))) {
    const html = readFileSync(join(root, path), 'utf8');
    const listing = pageListing(html);
    if (isIndexed(html)) toIndex.push({ path, filters: pageFilters(html) });
    else if (listing) listed.push({ path, filters: listingFilters(listing) });
  }
}
if (toIndex.length === 0) fail(`search-index: error: no page ${fromContent ? 'of the content is indexed' : `under ${site} marks a data-pagefind-body`}; nothing to index`);
const parts = planParts(toIndex, maxPages, listed);

/** Indexes one part in a worker thread of its own (scripts/search-part.ts). */
function indexInWorker(job: PartJob): Promise<PartOutcome> {
  return new Promise((done, failed) => {
    const worker = new Worker(new URL('./search-part.ts', import.meta.url), { workerData: job });
    worker.once('message', (outcome: PartOutcome) => done(outcome));
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`part ${job.part.path || '(first)'}: worker stopped (exit ${code})`)));
  });
}

const keys =
  cache === undefined
    ? []
    : (() => {
        const context = { code, pagefind: pagefindVersion(), basePath };
        return parts.map((part) => partKey(context, part, entriesOf(part)));
      })();

/** Returns the records of a part's pages, in its order (made from the content; none when the pages are read as built). */
function entriesOf(part: Part): SearchEntry[] {
  return fromContent ? part.pages.map((p) => entries.get(p.path) as SearchEntry) : [];
}

/** Returns the version of the installed Pagefind. */
function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(project, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
}

let chars = 0;
const problems: string[] = [];
/** Indexes these parts (numbers in `parts`), `jobs` at a time, and returns what each worker reports. */
async function indexParts(which: readonly number[]): Promise<Map<number, PartOutcome>> {
  const outcomes = await mapConcurrent(which, jobs, (n) => {
    const part = parts[n] as Part;
    return indexInWorker({ root, out, part, plain, basePath, ...(fromContent ? { entries: entriesOf(part) } : {}) });
  }).catch((error: unknown) => fail(`search-index: error: ${error instanceof Error ? error.message : String(error)}`));
  return new Map(which.map((n, i) => [n, outcomes[i] as PartOutcome]));
}
// The parts kept in the cache are copied in once the others are written (Pagefind writes the first
// part into the folder that holds the others); a part whose entry turns out damaged is indexed then.
const kept = (n: number): boolean => cache !== undefined && existsSync(join(cache, keys[n] ?? '', 'entry.json'));
/** The files of the earlier index (`--reuse`) that are the kept parts' own, left in place: their paths in the index. */
let stayed = new Set<string>();
if (cache !== undefined && reuse !== undefined && resolve(reuse) !== out) {
  try {
    renameSync(resolve(reuse), out);
    const wanted = new Map(parts.flatMap((part, n) => (kept(n) ? entryFiles(cache, keys[n] ?? '').map(([path, from]): [string, string] => [`${part.path}${path}`, from]) : [])));
    stayed = clearForReuse(out, wanted).kept;
  } catch {
    // None there (the first build, or another build took it): a new folder.
    rmSync(out, { recursive: true, force: true });
  }
}
const outcomes = await indexParts(parts.map((_, n) => n).filter((n) => !kept(n)));
const reused = new Set<number>();
/** The kept parts' files found in place, left by the earlier index (`--reuse`). */
let leftInPlace = 0;
const firstKept = kept(0);
for (const n of parts.map((_, n) => n).filter(kept)) {
  const path = parts[n]?.path ?? '';
  // A file left in place by the earlier index stays. Pagefind wrote only into the folders of the parts it
  // indexed, but the first part's is the one that holds the others: when it was indexed, each file left in
  // place is checked to be still the cached one.
  const restored = restorePart(cache ?? '', keys[n] ?? '', join(out, path), (file, from) => {
    const inPlace = stayed.has(`${path}${file}`) && (firstKept || sameFile(join(out, path, file), from));
    if (inPlace) leftInPlace++;
    return inPlace;
  });
  if (restored === undefined) {
    // A damaged entry: the part is indexed again, into a folder without the earlier index's files.
    for (const rel of stayed) if (rel.startsWith(path) && (path !== '' || !/^part-\d+\//u.test(rel))) rmSync(join(out, rel), { force: true });
    continue;
  }
  reused.add(n);
  outcomes.set(n, { errors: [], chars: restored.chars, seconds: 0, keys: restored.keys });
}
for (const [n, outcome] of await indexParts(parts.map((_, n) => n).filter((n) => !outcomes.has(n)))) outcomes.set(n, outcome);
parts.forEach((part, n) => {
  const outcome = outcomes.get(n) ?? { errors: [`part ${part.path || '(first)'}: not written`], chars: 0, seconds: 0, keys: [] };
  chars += outcome.chars;
  problems.push(...outcome.errors);
  if (parts.length > 1)
    process.stdout.write(`search-index: part ${part.path || '(first)'}: ${part.pages.length} pages, ${reused.has(n) ? 'from the cache' : `${outcome.seconds.toFixed(1)} s`}\n`);
});
if (problems.length > 0) fail(`search-index: error:\n${problems.join('\n')}`);
// The directory of which parts hold which text (src/lib/search/directory.ts), for an index of several
// parts made from the records (plain, Pagefind reads the pages its own way).
const directory = plain || parts.length < 2 ? undefined : directoryShards(parts.map((_, n) => outcomes.get(n)?.keys ?? []));
for (const [path, shard] of directory?.files ?? []) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), `${JSON.stringify(shard)}\n`);
}
const manifest: PartsManifest = { parts: parts.map(summarizePart), ...(directory ? { directory: directory.summary } : {}) };
writeFileSync(join(out, partsFile), `${JSON.stringify(manifest)}\n`);
const indexed = toIndex.length;

// Pagefind's prebuilt UIs are never loaded (the search page has its own): do not publish them.
const unusedUi = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/u;
// The other parts are merged into the first one's Pagefind, which runs their searches: their own copies of it are never loaded.
const runtime = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/u;
for (const part of parts) {
  for (const name of readdirSync(join(out, part.path))) {
    if (unusedUi.test(name) || (part.path !== '' && runtime.test(name))) rmSync(join(out, part.path, name));
  }
}

if (cache !== undefined) {
  parts.forEach((part, n) => {
    if (!reused.has(n)) keepPart(cache, keys[n] ?? '', join(out, part.path), part.path === '', { chars: outcomes.get(n)?.chars ?? 0, keys: outcomes.get(n)?.keys ?? [] });
  });
  pruneCache(cache, new Set(keys));
  process.stdout.write(
    `search-index: ${reused.size} of ${parts.length} parts reused from the cache (${relative(process.cwd(), cache) || cache})` +
      `${reuse === undefined ? '' : `, ${leftInPlace} of their files left in place from an earlier index`}\n`,
  );
}

let files = 0;
let bytes = 0;
const sizes = new Map<string, number>();
for (const path of filesBelow(out)) {
  files++;
  const size = statSync(join(out, path)).size;
  bytes += size;
  sizes.set(path, size);
}
// Written last: its presence says the index is whole (src/lib/search/complete.ts; the checks verify it).
writeFileSync(
  join(out, completeFile),
  indexRecord(
    parts.map((p) => p.path),
    sizes,
  ),
);
process.stdout.write(
  `search-index: ${indexed} pages indexed in ${parts.length} part(s)${plain ? ' (plain: the pages as built)' : `, ${chars} characters of index words`}; ` +
    `${files} files, ${bytes} bytes in ${relative(process.cwd(), out) || out}/\n`,
);
