/**
 * The one place that says where the content lives. Set `MINSHENG_CONTENT_DIR`
 * to run ingest and the build on another corpus (a benchmark corpus, a test
 * fixture, a second year); it defaults to `content/` in the project.
 */
import { resolve } from 'node:path';

/** The environment variable that names the content directory. */
export const contentDirVariable = 'MINSHENG_CONTENT_DIR';

/** Returns the absolute content directory: `$MINSHENG_CONTENT_DIR`, else `<cwd>/content`. */
export function contentDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const value = env[contentDirVariable];
  return resolve(cwd, value && value.trim() !== '' ? value : 'content');
}
