/**
 * The site model read from the content directory without Astro: the same files, schemas and checks
 * the content collections use (`src/content.config.ts`, `src/lib/content/loader.ts`, `loadModel`), for
 * scripts that need the model while Astro builds (the search index of `npm run build`). I/O edge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../src/lib/config.ts';
import { markdownFrontMatter } from '../../src/lib/content/loader.ts';
import { commitmentsDir, noticesDir } from '../../src/lib/content/paths.ts';
import { filesBelow } from '../../src/lib/files.ts';
import { CommitmentEntry, NoticeEntry, UnitRegistry } from '../../src/lib/schema.ts';
import { contentProblems, contentReport } from '../../src/lib/site/integrity.ts';
import { loadReports } from '../../src/lib/site/load-reports.ts';
import { buildModel } from '../../src/lib/site/model.ts';
import type { Year } from '../../src/lib/site/model.ts';
import { readYamlAs } from '../../src/lib/yaml.ts';
import type { z } from 'zod';

/** Returns the district (`<year>/<slug>`) a path below the notices or commitments folder belongs to: `2023/abc.md`, `2023/abc.units.yaml`, `2023/abc/12.md` → `2023/abc`. */
export function districtOfEntry(path: string): string {
  const [year = '', name = ''] = path.split('/');
  return `${year}/${name.replace(/(?:\.units\.yaml|\.md)$/u, '')}`;
}

/** Returns each `.md` file's front matter below `dir` (those `keep` accepts), checked by `schema`; throws one line naming the first bad file. */
function markdownEntries<T>(dir: string, schema: z.ZodType<T>, keep: (path: string) => boolean): T[] {
  return filesBelow(dir, '.md')
    .filter(keep)
    .map((path) => {
      const file = join(dir, path);
      const front = markdownFrontMatter(readFileSync(file, 'utf8'));
      if (!front.ok) throw new Error(`${file}:${front.line}: ${front.message}`);
      const parsed = schema.safeParse(front.data);
      if (!parsed.success) throw new Error(`${file}: field “${parsed.error.issues[0]?.path.join('.') ?? ''}”: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}

/**
 * Returns the site model of the content in `root` (default: `$MINSHENG_CONTENT_DIR` or `content/`); throws one
 * line on bad content. With `only`, the model of those districts alone (`<year>/<slug>`): a district's part
 * of the model is made of its own files (`buildModel`), and is the same read alone.
 */
export function readContentModel(root: string = contentDir(), only?: ReadonlySet<string>): Year[] {
  const keep = (path: string): boolean => only === undefined || only.has(districtOfEntry(path));
  const notices = markdownEntries(join(root, noticesDir), NoticeEntry, keep);
  const commitments = markdownEntries(join(root, commitmentsDir), CommitmentEntry, keep);
  const registries = filesBelow(join(root, noticesDir), '.units.yaml')
    .filter(keep)
    .map((path) => {
      const file = join(root, noticesDir, path);
      const read = readYamlAs(readFileSync(file, 'utf8'), UnitRegistry);
      if (!read.ok) throw new Error(`${file}:${read.problems[0]?.line ?? 0}: ${read.problems[0]?.message ?? 'invalid'}`);
      return read.value;
    });
  const problems = contentProblems(notices, commitments, registries);
  if (problems.length > 0) throw new Error(contentReport(root, problems));
  return buildModel(notices, commitments, registries, loadReports(root));
}
