/**
 * `npm run urls -- --check [--dist DIR]`: fails when the build in DIR (default
 * `dist/`) no longer serves a URL of the committed manifest
 * (`<content>/urls.txt`) and no redirect (`<content>/redirects.yaml`) covers
 * it, serves URLs the manifest does not list yet, or when a published
 * commitment URL would name another commitment than the one it was published
 * with (its fingerprint in the manifest, or its latest correction in
 * `<content>/corrections.yaml`), or when its search index is missing or
 * incomplete (a build killed while indexing). What each URL names is read
 * from the commitment entries of the content the build is made from.
 * `npm run urls -- --update [--dist DIR]`: adds the build's new URLs to the
 * manifest, each commitment's with its fingerprint (it never removes a URL
 * nor rewrites a fingerprint).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/lib/config.ts';
import { filesBelow } from '../src/lib/files.ts';
import type { MeaningChange } from '../src/lib/site/permanence.ts';
import { checkMeanings, checkPermanence, publicUrls, updateManifest, writeManifest } from '../src/lib/site/permanence.ts';
import { privateFiles } from '../src/lib/site/routes.ts';
import { fail, searchIndexProblems } from './cli.ts';
import { commandLine } from './lib/args.ts';
import type { PermanenceFiles } from './permanence-files.ts';
import { readPermanenceFiles } from './permanence-files.ts';

const usage = 'usage: npm run urls -- --check|--update [--dist DIR]';
const { values } = commandLine({ usage, options: { check: { type: 'boolean' }, update: { type: 'boolean' }, dist: { type: 'string', default: 'dist' } } });
if (values.check === values.update) fail(usage, 2);
const mode = values.check ? '--check' : '--update';
const dist = values.dist;
if (!existsSync(join(dist, 'index.html'))) fail(`${dist}: error: no built site here (run npm run build first)`);

const built = publicUrls(filesBelow(dist), privateFiles());
let content: PermanenceFiles;
try {
  content = readPermanenceFiles(contentDir());
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { manifestFile, redirectsFile, correctionsFile, manifest, redirects, corrections, commitments } = content;
const report = checkPermanence(
  manifest.map((e) => e.url),
  built,
  redirects,
);
const meaning = checkMeanings(manifest, commitments, redirects, corrections);

/** Returns the three lines that name a changed URL, what it named and what it would name. */
const changedLines = (c: MeaningChange): string[] => [
  `  changed:  ${c.url} would name another commitment (declare a correction in ${correctionsFile}, or a redirect in ${redirectsFile})`,
  `      was:  ${c.was}`,
  `      now:  ${c.now}`,
];

if (mode === '--update') {
  const updated = updateManifest(manifest, report.unlisted, commitments);
  writeFileSync(manifestFile, writeManifest(updated));
  const bound = meaning.unbound.length > 0 ? `, ${meaning.unbound.length} bound to their fingerprint` : '';
  process.stdout.write(`urls: ${report.unlisted.length} new URLs added to ${manifestFile}${bound} (${manifest.length + report.unlisted.length} in all)\n`);
  const problems = [...report.missing.map((u) => `  missing:  ${u} (published before, no longer built, no redirect)`), ...meaning.changed.flatMap(changedLines)];
  if (problems.length > 0) fail(`urls: ${problems.length} problem(s) the manifest cannot fix:\n${problems.join('\n')}`);
  process.exit(0);
}

const problems = [
  ...searchIndexProblems(dist).map((p) => `  search:   ${p}`),
  ...report.missing.map((u) => `  missing:  ${u} (published before; declare a redirect in ${redirectsFile})`),
  ...report.redirectsWithoutPage.map((u) => `  redirect without a page: ${u}`),
  ...report.redirectsToNowhere.map((u) => `  redirect to a URL the build does not serve: ${u}`),
  ...meaning.redirectsOverCommitments.map((u) => `  redirect from a URL that is still a commitment's page: ${u}`),
  ...meaning.changed.flatMap(changedLines),
  ...meaning.strayCorrections.map((u) => `  correction for a URL the manifest does not list as a commitment's: ${u} (${correctionsFile})`),
  ...meaning.unbound.map((u) => `  no fingerprint: ${u} (run npm run urls -- --update and commit the manifest)`),
  ...report.unlisted.map((u) => `  new:      ${u} (run npm run urls -- --update and commit the manifest)`),
];
if (problems.length > 0) fail(`urls --check: problems in ${dist}\n${problems.join('\n')}`);
process.stdout.write(`urls --check: all ${manifest.length} published URLs are served, and the ${commitments.length} commitments' URLs keep their meaning\n`);
