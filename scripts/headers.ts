/**
 * `node scripts/headers.ts [DIR]`: writes `DIR/_headers` (default `dist/`), the
 * HTTP headers for hosts that read that file (Netlify, Cloudflare Pages): the
 * Content-Security-Policy every page declares in its `<meta>` (merged, plus
 * `frame-ancestors`, which only a header can send), the referrer policy and
 * `X-Content-Type-Options: nosniff` (src/lib/site/csp.ts). `npm run build` runs it.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { headersFile, mergePolicies, pagePolicy } from '../src/lib/site/csp.ts';
import { fail, writeFileOrFail } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length > 1 || args[0]?.startsWith('-')) fail('usage: node scripts/headers.ts [DIR]', 2);
const dir = args[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) fail(`${dir}: error: no built site here (run astro build first)`);

/** The policy sits at the top of `<head>`: the first 16 KB of a page hold it. */
const headBytes = 16 * 1024;
const buffer = Buffer.alloc(headBytes);
const policies = new Set<string>();
let pages = 0;
const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile() && d.name.endsWith('.html'))
  .map((d) => join(d.parentPath, d.name))
  .sort();
for (const file of files) {
  const fd = openSync(file, 'r');
  const read = readSync(fd, buffer, 0, headBytes, 0);
  closeSync(fd);
  const head = buffer.toString('utf8', 0, read);
  const policy = pagePolicy(head);
  pages++;
  if (policy !== undefined) policies.add(policy);
  // Astro's redirect pages (content/redirects.yaml) have no policy of their own, and nothing to allow: no script, no style.
  else if (read === headBytes || /<(?:script|style)\b/iu.test(head)) fail(`${file}: error: the page declares no Content-Security-Policy`);
}
try {
  writeFileOrFail(join(dir, '_headers'), headersFile(mergePolicies(policies)));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(`headers: ${join(dir, '_headers')} (${policies.size} distinct policies over ${pages} pages)\n`);
