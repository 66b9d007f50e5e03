/**
 * A throw-away copy of the project to build in (the bench, the tests, the archive pages): its sources and configuration
 * copied, its `node_modules` entries linked but not Astro's and Vite's caches, so every build in it is
 * cold and the working tree's caches are never touched.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { astroDataStoreFile } from '../../src/lib/content/data-store-module.ts';

/** What a project copy holds: the sources and the configuration an `astro build` reads, and the scripts of `npm run build` (the snapshots hash the lockfile). */
export const projectEntries = ['src', 'public', 'scripts', 'tools', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'] as const;

/** The `node_modules` entries a copy leaves out: the caches a build writes (`.astro`, `.vite`, `.cache`). */
export const cacheEntries: ReadonlySet<string> = new Set(['.astro', '.vite', '.cache']);

/** Returns the data store file `astro build` writes in a project (or a copy): `node_modules/.astro/data-store.json`, Astro's cache folder. */
export function dataStoreOf(projectDir: string): string {
  return join(projectDir, 'node_modules', '.astro', astroDataStoreFile);
}

/**
 * Makes `dir` a copy of the project at `project`: `projectEntries` copied (those that exist), and a
 * `node_modules` whose entries are symbolic links to the project's, caches left out. With `keepPage`,
 * only the routes of `src/pages/` it accepts (their paths below that folder) are copied: a build of some
 * pages only. Returns `dir`.
 */
export function copyProject(project: string, dir: string, keepPage?: (route: string) => boolean): string {
  mkdirSync(dir, { recursive: true });
  const pages = join(project, 'src', 'pages');
  for (const entry of projectEntries) {
    if (!existsSync(join(project, entry))) continue;
    cpSync(join(project, entry), join(dir, entry), {
      recursive: true,
      filter: (from) => keepPage === undefined || !from.startsWith(`${pages}/`) || statSync(from).isDirectory() || keepPage(relative(pages, from).split(sep).join('/')),
    });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (!cacheEntries.has(entry)) symlinkSync(join(project, 'node_modules', entry), join(modules, entry));
  }
  return dir;
}
