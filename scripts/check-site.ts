/**
 * `node scripts/check-site.ts [DIR] [--site URL]`: static quality gates over a
 * whole build (default `dist/`):
 *
 * - every internal link and asset of every page (`href`, `src`, `srcset`,
 *   `action`, CSS `url()`, the imports of the scripts it loads) is a file of
 *   the build, and every fragment (`#L31`, `#c18`) an id on its page;
 * - nothing but a link in a page's own content (inside `<main>`, e.g. a
 *   notice's source URL) goes to another origin;
 * - every HTML file validates with html-validate (tools/quality/htmlvalidate.ts);
 * - the search index is whole (`pagefind/complete.json`, src/lib/search/complete.ts)
 *   when the build has a search page.
 *
 * The site's address and base path are read from the home page's
 * `<link rel="canonical">`; `--site https://example.org/minsheng/` overrides it.
 * Prints a summary on stdout; exits 1 naming each problem as
 * `file:line:column: message (rule)` on stderr, 2 on bad usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import { checkLinks } from '../tools/quality/check.ts';
import { createValidator, validatePage } from '../tools/quality/htmlvalidate.ts';
import { siteRootOf } from '../tools/quality/links.ts';
import { formatProblem, sortProblems } from '../tools/quality/problem.ts';
import type { Problem } from '../tools/quality/problem.ts';
import { fail, searchIndexProblems } from './cli.ts';
import { commandLine } from './lib/args.ts';

const usage = 'usage: node scripts/check-site.ts [DIR] [--site URL]';
const { values, positionals } = commandLine({ usage, options: { site: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, positionals: { min: 0, max: 1 } });
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const dir = positionals[0] ?? 'dist';
const site = values.site;

if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir}: error: no such directory (run npm run build first)`);
if (!existsSync(join(dir, 'index.html'))) fail(`${dir}: error: no built site here, index.html is missing (run npm run build first)`);

let root: URL | undefined;
if (site !== undefined) {
  try {
    root = new URL(site.endsWith('/') ? site : `${site}/`);
  } catch {
    fail(`check-site: --site ${site} is not a URL`, 2);
  }
} else {
  root = siteRootOf(readFileSync(join(dir, 'index.html'), 'utf8'));
  if (root === undefined) fail(`${join(dir, 'index.html')}: error: no <link rel="canonical"> to tell the site's address; pass --site URL`);
}

const started = performance.now();
const files = filesBelow(dir);
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

const links = checkLinks({ files, read }, root);
const validator = createValidator();
const invalid: Problem[] = [];
for (const page of files.filter((f) => f.endsWith('.html'))) invalid.push(...(await validatePage(validator, page, read(page))));
// A build killed while indexing has every page and half a search index: that is a problem too.
const search: Problem[] = searchIndexProblems(dir).map((message) => ({ file: 'pagefind/complete.json', line: 1, column: 1, message, rule: 'search-index' }));
const problems = sortProblems([...links.problems, ...invalid, ...search]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const contentLinks = links.external.filter((e) => e.inContent).length;
process.stdout.write(
  [
    `check-site: ${dir} served at ${root.href}`,
    `  links:      ${links.pages} pages, ${links.references} references (${links.internal} internal), ${links.fragments} fragments against ${links.anchors} anchors`,
    `  loaded:     ${links.loaded.length} scripts and stylesheets${links.loaded.length > 0 ? ` (${links.loaded.join(', ')})` : ''}`,
    `  external:   ${links.external.length} references to other origins, ${contentLinks} of them links in page content`,
    `  html:       ${links.pages} pages validated with html-validate`,
    `  ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`} in ${seconds} s`,
    '',
  ].join('\n'),
);
if (problems.length > 0) fail(problems.map(formatProblem).join('\n'));
