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
 * Each page's policy is remembered with its stamp (`fileValues`): a page whose
 * stamp is the same since the last run (the pages an incremental build keeps
 * are the same files) is not read again.
 *
 * In two halves, when some pages are still being built (`npm run build`, when the live site is the
 * year's snapshot's: the archive pages are built again while the others are read):
 * `--except PREFIX --save FILE` reads the pages not below PREFIX and writes their policies to FILE (no
 * `_headers`); `--only PREFIX --saved FILE` reads the pages below PREFIX, adds FILE's policies, and
 * writes `_headers`: the same file as one pass over all the pages.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileValues } from '../src/lib/digests.ts';
import { filesBelow } from '../src/lib/files.ts';
import { codeKey } from './lib/code-key.ts';
import { byCodeUnits } from '../src/lib/order.ts';
import { headersFile, mergePolicies, pagePolicy } from '../src/lib/site/csp.ts';
import { fail, writeFileOrFail } from './cli.ts';
import { commandLine } from './lib/args.ts';

const usage = 'usage: node scripts/headers.ts [DIR] [--except PREFIX --save FILE | --only PREFIX --saved FILE]';
const { values, positionals } = commandLine({
  usage,
  options: { except: { type: 'string' }, save: { type: 'string' }, only: { type: 'string' }, saved: { type: 'string' } },
  positionals: { min: 0, max: 1 },
});
const half = values.except !== undefined || values.save !== undefined ? 'first' : values.only !== undefined || values.saved !== undefined ? 'second' : undefined;
if (
  (half === 'first' && (values.except === undefined || values.save === undefined || values.only !== undefined || values.saved !== undefined)) ||
  (half === 'second' && (values.only === undefined || values.saved === undefined))
)
  fail(`${usage}  (--except goes with --save, --only with --saved)`, 2);
const dir = positionals[0] ?? 'dist';
/** A folder of the site, as its pages' paths start: `archive` or `archive/` → `archive/`. */
const folder = (prefix: string | undefined): string | undefined => (prefix === undefined ? undefined : `${prefix.replace(/\/+$/u, '')}/`);
const except = folder(values.except);
const only = folder(values.only);
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

/** Returns the policies read before (`--saved`): `[policy, first page]` pairs, or a one-line failure. */
function savedPolicies(file: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'))) return value as [string, string][];
  } catch {
    // Said below.
  }
  return fail(`${file}: error: not the policies \`headers.ts --save\` writes`);
}

/**
 * Each distinct policy and the first page (in path order) that declares it: policies are merged in
 * that order (`mergePolicies` keeps the order sources are first seen), so two halves give what one
 * pass over the pages in order gives.
 */
const firstPage = new Map<string, string>(values.saved === undefined ? [] : savedPolicies(values.saved));
let pages = 0;
/** The pages read in this pass: those below `--only` (that folder alone is walked), or all but those below `--except`. */
const toRead =
  only !== undefined ? filesBelow(join(dir, only), '.html').map((f) => `${only}${f}`) : filesBelow(dir, '.html').filter((page) => except === undefined || !page.startsWith(except));
/** Returns the policy a page declares; '' for a page with none and nothing to allow; fails for a page with something to allow and no policy. */
function policyOf(file: string): string {
  const policy = pagePolicy(startOf(file)) ?? pagePolicy(readFileSync(file, 'utf8'));
  // Astro's redirect pages (content/redirects.yaml) have no policy of their own, and nothing to allow: no script, no style.
  if (policy === undefined && /<(?:script|style)\b/iu.test(readFileSync(file, 'utf8'))) fail(`${file}: error: the page declares no Content-Security-Policy`);
  return policy ?? '';
}
// Remembered by the pass (all pages, the first half, the second) and the code that reads them.
const memo = `headers\0${codeKey(resolve(import.meta.dirname, '..'), ['scripts/headers.ts'])}\0${except ?? ''}\0${only ?? ''}`;
fileValues(dir, toRead, memo, policyOf).forEach((policy, n) => {
  const page = toRead[n] ?? '';
  pages++;
  if (policy === '') return;
  const seen = firstPage.get(policy);
  if (seen === undefined || byCodeUnits(page, seen) < 0) firstPage.set(policy, page);
});
const ordered = [...firstPage].sort((a, b) => byCodeUnits(a[1], b[1]));
const policies = ordered.map(([policy]) => policy);
try {
  if (values.save !== undefined) writeFileOrFail(values.save, JSON.stringify(ordered));
  else writeFileOrFail(join(dir, '_headers'), headersFile(mergePolicies(policies)));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(
  values.save !== undefined
    ? `headers: ${policies.length} distinct policies over ${pages} pages (but ${except ?? ''}), saved in ${values.save}\n`
    : `headers: ${join(dir, '_headers')} (${policies.length} distinct policies over ${pages} pages${only === undefined ? '' : ` of ${only}, and those saved`})\n`,
);
