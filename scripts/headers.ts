/**
 * `node scripts/headers.ts [DIR]`: gives every page of the build in `DIR`
 * (default `dist/`) a policy whose `style-src` names exactly its own inline
 * styles (`withOwnStyleHashes`: the same bytes whatever else was built with the
 * page — one `astro build`, province shards, an incremental build), then writes
 * `DIR/_headers`, the HTTP headers for hosts that read that file (Netlify,
 * Cloudflare Pages): the Content-Security-Policy every page declares in its
 * `<meta>` (merged, plus `frame-ancestors`, which only a header can send), the
 * referrer policy and `X-Content-Type-Options: nosniff` (src/lib/site/csp.ts).
 * `npm run build` runs it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import { headersFile, mergePolicies, pagePolicy, withOwnStyleHashes } from '../src/lib/site/csp.ts';
import { fail, writeFileOrFail } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length > 1 || args[0]?.startsWith('-')) fail('usage: node scripts/headers.ts [DIR]', 2);
const dir = args[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) fail(`${dir}: error: no built site here (run astro build first)`);

const policies = new Set<string>();
let pages = 0;
let rewritten = 0;
const files = filesBelow(dir, '.html').map((f) => join(dir, f));
for (const file of files) {
  const built = readFileSync(file, 'utf8');
  const html = withOwnStyleHashes(built);
  if (html !== built) {
    // A new file renamed over the page: a page hard-linked from a build cache (build-shards --incremental) is left as it was there.
    writeFileSync(`${file}.tmp`, html);
    renameSync(`${file}.tmp`, file);
    rewritten++;
  }
  const policy = pagePolicy(html);
  pages++;
  if (policy !== undefined) policies.add(policy);
  // Astro's redirect pages (content/redirects.yaml) have no policy of their own, and nothing to allow: no script, no style.
  else if (/<(?:script|style)\b/iu.test(html)) fail(`${file}: error: the page declares no Content-Security-Policy`);
}
try {
  writeFileOrFail(join(dir, '_headers'), headersFile(mergePolicies(policies)));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(`headers: ${join(dir, '_headers')} (${policies.size} distinct policies over ${pages} pages, ${rewritten} given their own style hashes)\n`);
