/**
 * `node scripts/search-size.ts [--query Q] [--district D] [--requests] [--no-browser] [dist]`: what a
 * built site's search index is made of (bytes and files of fragments, chunks, page lists, filters,
 * Pagefind's runtime; `src/lib/search/size.ts`, read from `pagefind/complete.json`), and what the
 * first screenful of one search downloads on the search page in Chromium (default: 托位 over
 * everything; `--district` narrows it). Prints one line each; `--requests` also prints each file
 * the search page fetched, with its bytes, by part.
 */
import { resolve } from 'node:path';
import { completeFile, indexDir } from '../src/lib/search/complete.ts';
import { breakdownLine, indexBreakdown } from '../src/lib/search/size.ts';
import { fail } from './cli.ts';
import { indexFiles, launchChromium, searchPageCost, serve } from './search-harness.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
let site = 'dist';
let query = '托位';
let district: string | undefined;
let browse = true;
let list = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--query' && args[i + 1] !== undefined) query = args[++i] ?? query;
  else if (a === '--district' && args[i + 1] !== undefined) district = args[++i];
  else if (a === '--no-browser') browse = false;
  else if (a === '--requests') list = true;
  else if (a !== undefined && !a.startsWith('-') && i === args.length - 1) site = a;
  else fail(`usage: node scripts/search-size.ts [--query Q] [--district D] [--requests] [--no-browser] [<site>]  (unknown argument: ${a})`, 2);
}
const root = resolve(site);
const files = indexFiles(root);
if (!files) fail(`${site}: error: no whole search index (${indexDir}/${completeFile}); run \`npm run build\` first`);

/** Bytes for people: 2.8 MB, 412.3 KB. */
const format = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);

const sizes = indexBreakdown(files);
process.stdout.write(`${breakdownLine(sizes, format)}\n`);
if (browse) {
  const served = await serve(root);
  try {
    const browser = await launchChromium();
    try {
      const cost = await searchPageCost(browser, served.origin, query, district ? { district } : {});
      const kinds = Object.entries(cost.byKind)
        .map(([k, b]) => `${k} ${format(b)}`)
        .join(', ');
      process.stdout.write(
        `first screenful of “${query}”${district ? ` in ${district}` : ', everywhere'}: ${cost.results} results shown or counted, ${cost.requests} index requests, ${format(cost.bytes)} (${kinds})\n`,
      );
      if (list) for (const [path, bytes] of [...cost.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) process.stdout.write(`  ${format(bytes).padStart(9)}  ${path}\n`);
    } finally {
      await browser.close();
    }
  } catch (error) {
    fail(`search-size: error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await served.close();
  }
}
