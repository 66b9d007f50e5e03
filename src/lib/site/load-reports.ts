/**
 * Reading the generated report entries for the build: a thin I/O edge, kept
 * apart from `load.ts` (which needs Astro's content layer) so it can be tested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../config.ts';
import { filesBelow } from '../files.ts';
import { ReportEntry } from '../schema.ts';
import { frontMatterEntry } from '../content/loader.ts';
import { reportEntryName, reportsDir } from '../content/paths.ts';

/**
 * Returns the generated report entries (`<content>/reports/<year>/<slug>/report.md`),
 * validated; none when the content has no reports. Read here rather than as a
 * collection, so a corpus without reports builds without a loader warning.
 */
export function loadReports(root: string = contentDir()): ReportEntry[] {
  const dir = join(root, reportsDir);
  return filesBelow(dir)
    .filter((f) => f === reportEntryName || f.endsWith(`/${reportEntryName}`))
    .map((f) => join(dir, f))
    .map((file) => frontMatterEntry(file, readFileSync(file, 'utf8'), ReportEntry));
}
