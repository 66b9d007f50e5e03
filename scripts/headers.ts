/**
 * `node scripts/headers.ts [DIR]`: writes `DIR/_headers` (default `dist/`), the
 * HTTP headers for hosts that read that file (Netlify, Cloudflare Pages): the
 * Content-Security-Policy every page declares in its `<meta>` (merged, plus
 * `frame-ancestors`, which only a header can send), the referrer policy and
 * `X-Content-Type-Options: nosniff` (src/lib/site/csp.ts). `npm run build` runs it.
 *
 * Each page already names exactly its own inline styles in its policy
 * (`src/middleware.ts`, as it is rendered); this step only reads the policies,
 * from the start of each page, where its `<meta>` is (the whole page when the
 * start holds none): a national build's pages are read once more, never written.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import { headersFile, mergePolicies, pagePolicy } from '../src/lib/site/csp.ts';
import { fail, writeFileOrFail } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length > 1 || args[0]?.startsWith('-')) fail('usage: node scripts/headers.ts [DIR]', 2);
const dir = args[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) fail(`${dir}: error: no built site here (run astro build first)`);

/** How much of a page is read first: its `<head>` declares the policy within the first few kilobytes. */
const start = Buffer.alloc(16 * 1024);
const decoder = new TextDecoder();

/** Returns the start of a file as text (a character cut at the end is only replaced, never matched). */
function startOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    return decoder.decode(start.subarray(0, readSync(fd, start, 0, start.length, 0)));
  } finally {
    closeSync(fd);
  }
}

const policies = new Set<string>();
let pages = 0;
for (const file of filesBelow(dir, '.html').map((f) => join(dir, f))) {
  pages++;
  const policy = pagePolicy(startOf(file)) ?? pagePolicy(readFileSync(file, 'utf8'));
  if (policy !== undefined) policies.add(policy);
  // Astro's redirect pages (content/redirects.yaml) have no policy of their own, and nothing to allow: no script, no style.
  else if (/<(?:script|style)\b/iu.test(readFileSync(file, 'utf8'))) fail(`${file}: error: the page declares no Content-Security-Policy`);
}
try {
  writeFileOrFail(join(dir, '_headers'), headersFile(mergePolicies(policies)));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(`headers: ${join(dir, '_headers')} (${policies.size} distinct policies over ${pages} pages)\n`);
