/**
 * The site model of the content the build reads (`MINSHENG_CONTENT_DIR`, default `content/`),
 * read from the generated entry files themselves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../src/lib/config.ts';
import type { Year } from '../../src/lib/site/model.ts';
import { readContentModel } from '../../scripts/lib/content-model.ts';

/** Returns the files under `dir` (absolute) whose names end with `ending`. */
export function filesEndingWith(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending))
    .map((f) => join(dir, f));
}

/** Returns the site model of the content the build reads, as the build's scripts read it (`scripts/lib/content-model.ts`). */
export function contentModel(): Year[] {
  return readContentModel(contentDir());
}
