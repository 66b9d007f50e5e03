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

/** Returns each `.md` file's front matter below `dir`, checked by `schema`; throws one line naming the first bad file. */
function markdownEntries<T>(dir: string, schema: z.ZodType<T>): T[] {
  return filesBelow(dir, '.md').map((path) => {
    const file = join(dir, path);
    const front = markdownFrontMatter(readFileSync(file, 'utf8'));
    if (!front.ok) throw new Error(`${file}:${front.line}: ${front.message}`);
    const parsed = schema.safeParse(front.data);
    if (!parsed.success) throw new Error(`${file}: field “${parsed.error.issues[0]?.path.join('.') ?? ''}”: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  });
}

/** Returns the site model of the content in `root` (default: `$MINSHENG_CONTENT_DIR` or `content/`); throws one line on bad content. */
export function readContentModel(root: string = contentDir()): Year[] {
  const notices = markdownEntries(join(root, noticesDir), NoticeEntry);
  const commitments = markdownEntries(join(root, commitmentsDir), CommitmentEntry);
  const registries = filesBelow(join(root, noticesDir), '.units.yaml').map((path) => {
    const file = join(root, noticesDir, path);
    const read = readYamlAs(readFileSync(file, 'utf8'), UnitRegistry);
    if (!read.ok) throw new Error(`${file}:${read.problems[0]?.line ?? 0}: ${read.problems[0]?.message ?? 'invalid'}`);
    return read.value;
  });
  const problems = contentProblems(notices, commitments, registries);
  if (problems.length > 0) throw new Error(contentReport(root, problems));
  return buildModel(notices, commitments, registries, loadReports(root));
}
