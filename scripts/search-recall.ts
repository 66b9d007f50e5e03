/**
 * `npm run --silent search:recall [-- --site dist] [-- --all]`: measures the
 * recall of the built site's search. Each query runs through the site's own
 * `pagefind/pagefind.js` in headless Chromium; the pages it must find are the
 * commitments whose text contains the query (a plain substring scan of the
 * content collection). Prints query, expected, found, recall, all results,
 * and the totals; and, for an index with a directory (`src/lib/search/directory.ts`),
 * how many parts it names for each query. Exits 1 when a commitment was
 * missed, or the directory left out a part holding a page that contains the query.
 *
 * `--all` also runs every distinct two-, three- and four-character Chinese
 * string of every commitment's text (thousands of queries) and prints one
 * line per length, with the first misses.
 *
 * Needs the site built with its index (`npm run build`) and Chromium
 * (`apt-get install chromium`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir } from '../src/lib/config.ts';
import { entryText } from '../src/lib/search/entry.ts';
import { expectedPages, hanSubstrings, partsNamed, percent, recallRow, recallTable, residentQueries, segmentationTraps, totals } from '../src/lib/search/recall.ts';
import { partsFile } from '../src/lib/search/parts.ts';
import type { PartsManifest } from '../src/lib/search/parts.ts';
import { textContains } from '../src/lib/search/results.ts';
import type { RecallRow } from '../src/lib/search/recall.ts';
import { fail } from './cli.ts';
import { directoryOf, launchChromium, loadCommitments, runSearch, serve } from './search-harness.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
let site = 'dist';
let all = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--site' && args[i + 1] !== undefined) site = args[++i] ?? site;
  else if (a !== undefined && !a.startsWith('-') && i === args.length - 1) site = a;
  else if (a === '--all') all = true;
  else fail(`usage: npm run --silent search:recall [-- --site <dir>] [-- --all]  (unknown argument: ${a})`, 2);
}
const root = resolve(site);
if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) fail(`${site}: error: no search index (pagefind/pagefind.js); run \`npm run build\` first`);

const commitments = loadCommitments(contentDir());
const manifest = JSON.parse(readFileSync(join(root, 'pagefind', partsFile), 'utf8')) as PartsManifest;
/** The index's directory, read from its files: the parts (paths) it names for a query. */
const directory = directoryOf(join(root, 'pagefind'), manifest);
const served = await serve(root);
let browser;
try {
  browser = await launchChromium();
} catch (error) {
  await served.close();
  fail(`search:recall: error: ${(error as Error).message}`);
}
let missedAny = false;
try {
  const page = await browser.newPage();
  await page.goto(`${served.origin}/`);
  const measure = async (query: string): Promise<RecallRow> => {
    const hits = await runSearch(page, query);
    return recallRow(
      query,
      expectedPages(commitments, query),
      hits.map((h) => h.url),
    );
  };

  const texts = new Map<string, string>();
  /** The indexed text of the built page at `url`. */
  const textOf = (url: string): string => {
    let text = texts.get(url);
    if (text === undefined) {
      const file = join(root, url, url.endsWith('/') ? 'index.html' : '');
      text = existsSync(file) ? entryText(readFileSync(file, 'utf8')) : '';
      texts.set(url, text);
    }
    return text;
  };
  const rows: RecallRow[] = [];
  for (const query of [...residentQueries, ...segmentationTraps]) {
    const hits = await runSearch(page, query);
    const row = recallRow(
      query,
      expectedPages(commitments, query),
      hits.map((h) => h.url),
    );
    const exact = hits.filter((h) => textContains(textOf(h.url), query));
    const parts =
      directory &&
      partsNamed(
        directory.holding(query),
        exact.map((h) => h.part),
        manifest.parts.length,
      );
    rows.push({ ...row, exact: exact.length, ...(parts ? { parts } : {}) });
  }
  process.stdout.write(`Search recall over ${commitments.length} commitments (${site}/pagefind, Chromium)\n\n${recallTable(rows)}\n`);
  for (const r of rows.filter((row) => row.missed.length > 0)) process.stdout.write(`  ${r.query} missed: ${r.missed.join(' ')}\n`);
  for (const r of rows.filter((row) => (row.parts?.missed.length ?? 0) > 0)) process.stdout.write(`  ${r.query}: the directory left out ${r.parts?.missed.join(' ')}\n`);
  missedAny = rows.some((r) => r.missed.length > 0 || (r.parts?.missed.length ?? 0) > 0);

  if (all) {
    process.stdout.write('\nEvery Chinese string of the commitments’ text, by length:\n');
    for (const length of [2, 3, 4]) {
      const queries = hanSubstrings(
        commitments.map((c) => c.text),
        length,
      );
      const longRows: RecallRow[] = [];
      for (const query of queries) longRows.push(await measure(query));
      const t = totals(longRows);
      const misses = longRows.filter((r) => r.missed.length > 0);
      process.stdout.write(
        `  ${length} characters: ${t.queries} queries, ${t.complete} complete (${percent(t.complete, t.queries)}); ` +
          `pages ${t.found}/${t.expected} (${percent(t.found, t.expected)})` +
          (misses.length > 0
            ? `; e.g. ${misses
                .slice(0, 8)
                .map((r) => `${r.query} (${r.found}/${r.expected})`)
                .join(', ')}`
            : '') +
          '\n',
      );
      missedAny ||= misses.length > 0;
    }
  }
} finally {
  await browser.close();
  await served.close();
}
process.exit(missedAny ? 1 : 0);
