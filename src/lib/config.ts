/**
 * The one place that says where the content lives. Set `MINSHENG_CONTENT_DIR`
 * to run ingest and the build on another corpus (a benchmark corpus, a test
 * fixture, a second year); it defaults to `content/` in the project.
 */
import { join, resolve } from 'node:path';

/** The environment variable that names the content directory. */
const contentDirVariable = 'MINSHENG_CONTENT_DIR';

/** Returns the absolute content directory: `$MINSHENG_CONTENT_DIR`, else `<cwd>/content`. */
export function contentDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const value = env[contentDirVariable];
  return resolve(cwd, value && value.trim() !== '' ? value : 'content');
}

/** The default public address of the site (override with `SITE_URL`). */
const defaultSiteUrl = 'https://minsheng.example.org';

/** Returns the site's public address: `$SITE_URL`, else `defaultSiteUrl`. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL || defaultSiteUrl;
}

/**
 * Returns the site's base path, `$BASE_PATH` (astro.config.mjs reads the same variable) normalized to
 * start and end with one `/`: `/` by default, `minsheng` or `/minsheng` → `/minsheng/`. Built URLs
 * (search results, sitemap entries) start with it.
 */
export function basePath(env: Record<string, string | undefined> = process.env): string {
  return `/${(env.BASE_PATH ?? '/').replace(/^\/+|\/+$/gu, '')}/`.replace(/\/+/gu, '/');
}

/** Returns the folder the yearly snapshots are written to and published from: `$MINSHENG_SNAPSHOT_DIR`, else `<cwd>/snapshots`. */
export function snapshotDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const value = env.MINSHENG_SNAPSHOT_DIR;
  return resolve(cwd, value && value.trim() !== '' ? value : 'snapshots');
}

/** The environment variable a snapshot build sets (scripts/snapshot.ts): the live site's address. */
export const archiveVariables = { site: 'MINSHENG_ARCHIVE_SITE' } as const;

/** What a snapshot build knows about itself: the live site's address. */
export interface ArchiveSite {
  site: string;
}

/** Returns the archive settings when this build is a yearly snapshot (`MINSHENG_ARCHIVE_SITE` set), else undefined. */
export function archiveCopy(env: Record<string, string | undefined> = process.env): ArchiveSite | undefined {
  const site = env[archiveVariables.site];
  return site ? { site } : undefined;
}

/** The environment variable naming where file digests are remembered between runs (`src/lib/digests.ts`). */
export const digestCacheVariable = 'MINSHENG_DIGEST_CACHE';

/** Returns where file digests are remembered: `$MINSHENG_DIGEST_CACHE`, else `<cwd>/node_modules/.cache/minsheng-digests`. */
export function digestCacheDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const value = env[digestCacheVariable];
  return resolve(cwd, value && value.trim() !== '' ? value : join('node_modules', '.cache', 'minsheng-digests'));
}

/** The environment variable that makes a build read the notices alone (`archive-pages.ts`): no commitment is loaded. */
export const noticesOnlyVariable = 'MINSHENG_NOTICES_ONLY';

/**
 * Returns whether this build reads the notices alone (`MINSHENG_NOTICES_ONLY=1`): the build of the pages
 * that list the snapshots, which need the years and their notices, not a national year's 100,000
 * commitments (Astro would sync and store them all first).
 */
export function noticesOnly(env: Record<string, string | undefined> = process.env): boolean {
  return env[noticesOnlyVariable] === '1';
}
