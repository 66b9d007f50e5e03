/**
 * A copy of the project to build in (the bench, the tests, the archive pages, the sharded build's): its sources and configuration
 * copied, its `node_modules` entries linked but not Astro's and Vite's caches, so a build in a new copy is
 * cold and the working tree's caches are never touched. `refreshProjectCopy` brings a copy kept between
 * builds up to date, keeping the caches its builds wrote.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
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

/** Copies `projectEntries` (those that exist) from `project` into `dir`, the routes of `src/pages/` that `keepPage` accepts. */
function copyEntries(project: string, dir: string, keepPage?: (route: string) => boolean): void {
  const pages = join(project, 'src', 'pages');
  for (const entry of projectEntries) {
    if (!existsSync(join(project, entry))) continue;
    cpSync(join(project, entry), join(dir, entry), {
      recursive: true,
      filter: (from) => keepPage === undefined || !from.startsWith(`${pages}/`) || statSync(from).isDirectory() || keepPage(relative(pages, from).split(sep).join('/')),
    });
  }
}

/**
 * Links every `node_modules` entry of `project` into the folder `modules` but the caches (`cacheEntries`):
 * a project built there (a copy, the bench's Astro floor) uses the project's packages and writes its own
 * caches (Astro's data store among them), never the project's.
 */
export function linkModules(project: string, modules: string): void {
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (!cacheEntries.has(entry)) symlinkSync(join(project, 'node_modules', entry), join(modules, entry));
  }
}

/**
 * Makes `dir` a copy of the project at `project`: `projectEntries` copied (those that exist), and a
 * `node_modules` whose entries are symbolic links to the project's, caches left out. With `keepPage`,
 * only the routes of `src/pages/` it accepts (their paths below that folder) are copied: a build of some
 * pages only. Returns `dir`.
 */
export function copyProject(project: string, dir: string, keepPage?: (route: string) => boolean): string {
  mkdirSync(dir, { recursive: true });
  copyEntries(project, dir, keepPage);
  linkModules(project, join(dir, 'node_modules'));
  return dir;
}

/**
 * Makes `dir` a copy of the project as `copyProject` does, keeping the caches a build wrote in its
 * `node_modules` before (`cacheEntries`: Astro's data store among them, so that a build there reads no
 * unchanged content file again): `projectEntries` are copied afresh and the links made again. Returns `dir`.
 */
export function refreshProjectCopy(project: string, dir: string, keepPage?: (route: string) => boolean): string {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) {
    rmSync(dir, { recursive: true, force: true });
    return copyProject(project, dir, keepPage);
  }
  for (const entry of projectEntries) rmSync(join(dir, entry), { recursive: true, force: true });
  // The links, not what they point to (`rmSync` removes a link itself).
  for (const entry of readdirSync(modules)) if (!cacheEntries.has(entry)) rmSync(join(modules, entry), { recursive: true, force: true });
  copyEntries(project, dir, keepPage);
  linkModules(project, modules);
  return dir;
}
