/**
 * `npm run urls -- --check [--dist DIR]`: fails when the build in DIR (default
 * `dist/`) no longer serves a URL of the committed manifest
 * (`<content>/urls.txt`) and no redirect (`<content>/redirects.yaml`) covers
 * it, or serves URLs the manifest does not list yet, or its search index is
 * missing or incomplete (a build killed while indexing).
 * `npm run urls -- --update [--dist DIR]`: adds the build's new URLs to the
 * manifest (it never removes one).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDir } from '../src/lib/config.ts';
import { checkPermanence, publicUrls, readManifest, readRedirects, writeManifest } from '../src/lib/site/permanence.ts';
import { fail, searchIndexProblems } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const mode = args.find((a) => a === '--check' || a === '--update');
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args[distAt + 1] : 'dist';
if (!mode || !dist) fail('usage: npm run urls -- --check|--update [--dist DIR]', 2);
if (!existsSync(join(dist, 'index.html'))) fail(`${dist}: error: no built site here (run npm run build first)`);

const files = (readdirSync(dist, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile())
  .map((d) => relative(dist, join(d.parentPath, d.name)).split(sep).join('/'));
const built = publicUrls(files);
const root = contentDir();
const manifestFile = join(root, 'urls.txt');
const redirectsFile = join(root, 'redirects.yaml');
const manifest = existsSync(manifestFile) ? readManifest(readFileSync(manifestFile, 'utf8')) : [];
let redirects;
try {
  redirects = readRedirects(existsSync(redirectsFile) ? readFileSync(redirectsFile, 'utf8') : undefined);
} catch (error) {
  fail(`${redirectsFile}: error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}
const report = checkPermanence(manifest, built, redirects);

if (mode === '--update') {
  writeFileSync(manifestFile, writeManifest([...manifest, ...report.unlisted]));
  process.stdout.write(`urls: ${report.unlisted.length} new URLs added to ${manifestFile} (${manifest.length + report.unlisted.length} in all)\n`);
  if (report.missing.length > 0) fail(`urls: ${report.missing.length} published URLs are no longer built and have no redirect:\n  ${report.missing.join('\n  ')}`);
  process.exit(0);
}

const problems = [
  ...searchIndexProblems(dist).map((p) => `  search:   ${p}`),
  ...report.missing.map((u) => `  missing:  ${u} (published before; declare a redirect in ${redirectsFile})`),
  ...report.redirectsWithoutPage.map((u) => `  redirect without a page: ${u}`),
  ...report.redirectsToNowhere.map((u) => `  redirect to a URL the build does not serve: ${u}`),
  ...report.unlisted.map((u) => `  new:      ${u} (run npm run urls -- --update and commit the manifest)`),
];
if (problems.length > 0) fail(`urls --check: ${problems.length} problem(s) in ${dist}\n${problems.join('\n')}`);
process.stdout.write(`urls --check: all ${manifest.length} published URLs are served\n`);
