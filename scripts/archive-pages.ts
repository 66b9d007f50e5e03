/**
 * `node scripts/archive-pages.ts <site>`: builds again, into a built site, the pages that publish the
 * yearly snapshots — `/archive/` and the archives themselves (`src/pages/archive/`) — from the content and
 * the snapshots as they are now.
 *
 * `npm run build` runs it when the live site is a year's snapshot's site (`scripts/snapshot.ts
 * --live-site`): those pages were built before the archive they list existed, and are the only ones
 * that say something else in the live site. The build is `astro build` in a copy of the project that
 * holds only those routes, reading the notices alone (`noticesOnly`: these pages list years and notices,
 * and a national year's 100,000 commitments would be synced and stored first); their files replace the
 * site's, and any asset they use is added. The archives themselves are not copied through Astro (the
 * route `archive/[file].ts` gives each one's bytes as they are: a national year's is 316 MB, 4 s of the
 * build): the copy holds every route of `archive/` but that one, and each archive the site publishes
 * (`publishedSnapshots`) is hard-linked (copied across file systems) from the snapshots folder to the
 * same place, the same bytes. Every failure is one line.
 *
 * The copy is kept between builds in `node_modules/.cache/minsheng-archive-pages/project`, with the data
 * store its last build wrote: the next build does not sync a national year's 3,000 notices into an empty store
 * again (the step took 7.4 – 8.3 s in a national build, 8.8 – 9.1 s before; BENCHMARKS.md). It is made afresh
 * when the code changed (`code.key` beside it, written once a build there succeeded), and one build at a
 * time uses it (`lockCache`); a build that finds it in use builds in a temporary copy, as it did before.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import { contentDir, noticesOnlyVariable, snapshotDir } from '../src/lib/config.ts';
import { archivePath, noticesDir } from '../src/lib/content/paths.ts';
import { publishedSnapshots } from '../src/lib/snapshot/published.ts';
import { linkFile } from './lib/links.ts';
import { Failure, onInterrupt, runCli } from './cli.ts';
import { astroBuildEnv, runLogged, StepFailed, shareDigestCache } from './lib/children.ts';
import { refreshProjectCopy } from './lib/project-copy.ts';
import { codeKey } from './lib/code-key.ts';
import { lockCache } from './lib/cache-lock.ts';
import { sha256 } from '../src/lib/hash.ts';
import { parseCommandLine } from './lib/args.ts';

/** The folder of `src/pages/` whose routes publish the snapshots, and of the site its files are written to (`archivePath`). */
const archiveRoutes = archivePath.slice(1);
/** The route that gives each archive's bytes (`archiveFileRoute`): its files are linked from the snapshots folder instead. */
const archiveFilesRoute = `${archiveRoutes}[file].ts`;

const project = resolve(import.meta.dirname, '..');
shareDigestCache(project);
/** Where the project copy is kept between builds, and the key of the code it was last built with. */
const kept = join(project, 'node_modules', '.cache', 'minsheng-archive-pages');
const keptCopy = join(kept, 'project');
const keptKey = join(kept, 'code.key');
const usage = 'usage: node scripts/archive-pages.ts <site>';
const running = new Set<ChildProcess>();
let work: string | undefined;
onInterrupt((signal) => {
  for (const child of running) child.kill(signal);
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  process.stderr.write(`archive-pages: interrupted (${signal})\n`);
});

await runCli(async () => {
  const { positionals } = parseCommandLine({ usage, options: {}, positionals: { min: 1, max: 1 } });
  const site = resolve(positionals[0] ?? '');
  if (!existsSync(join(site, 'index.html'))) throw new Failure(`${site}: error: not a built site (no index.html)`);
  work = mkdtempSync(join(tmpdir(), 'minsheng-archive-pages-'));
  /** The archives the site publishes (their file names in the snapshots folder and in `archive/`). */
  let archives: string[] = [];
  try {
    const routes = (route: string): boolean => route.startsWith(archiveRoutes) && route !== archiveFilesRoute;
    // The kept copy when no other build uses it, made afresh when the code changed; else a temporary one.
    const lock = lockCache(keptCopy);
    const key = sha256(`${codeKey(project)}\n${existsSync(join(project, 'astro.config.mjs')) ? sha256(readFileSync(join(project, 'astro.config.mjs'))) : ''}`);
    if ('release' in lock) {
      if (!existsSync(keptKey) || readFileSync(keptKey, 'utf8') !== key) rmSync(keptCopy, { recursive: true, force: true });
      // Until this build succeeds, the copy's store is not known to be whole.
      rmSync(keptKey, { force: true });
    }
    const copy = refreshProjectCopy(project, 'release' in lock ? keptCopy : join(work, 'project'), routes);
    const out = join(work, 'out');
    try {
      const built = runLogged(
        {
          args: [join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out],
          log: join(work, 'build.log'),
          failure: (last) => `archive-pages: error: the build of the archive pages failed: ${last}`,
        },
        // The copy reads this project's content and snapshots, wherever they are.
        // The notices alone (`noticesOnly`): these pages list years and notices, never a commitment.
        { cwd: copy, env: { ...process.env, ...astroBuildEnv, MINSHENG_CONTENT_DIR: contentDir(), MINSHENG_SNAPSHOT_DIR: snapshotDir(), [noticesOnlyVariable]: '1' }, running },
      );
      // While it builds: the archives to publish, the ones its `/archive/` lists (the years are the notices' folders).
      const notices = join(contentDir(), noticesDir);
      archives = publishedSnapshots(
        existsSync(notices)
          ? readdirSync(notices)
              .filter((y) => /^\d{4}$/u.test(y))
              .map(Number)
          : [],
      ).map((s) => s.file);
      await built;
      if ('release' in lock) {
        writeFileSync(keptKey, key);
        lock.release();
      }
    } catch (error) {
      throw error instanceof StepFailed ? new Failure(error.message) : error;
    }
    let replaced = 0;
    for (const file of filesBelow(out)) {
      const to = join(site, file);
      if (file.startsWith(archiveRoutes)) {
        mkdirSync(dirname(to), { recursive: true });
        rmSync(to, { force: true });
        renameSync(join(out, file), to);
        replaced++;
      } else if (file.startsWith('_astro/') && !existsSync(to)) {
        mkdirSync(dirname(to), { recursive: true });
        renameSync(join(out, file), to);
      }
    }
    for (const name of archives) {
      linkFile(join(snapshotDir(), name), join(site, archiveRoutes, name));
      replaced++;
    }
    process.stdout.write(`archive-pages: ${replaced} file(s) of ${archiveRoutes} built again in ${site}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    work = undefined;
  }
});
