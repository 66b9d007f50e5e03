/**
 * `npm run build [-- --out DIR]`: the whole build, atomically. Five steps,
 * each a child process:
 *
 * 1. `node scripts/ingest.ts` (the content collections from the notices);
 * 2. `node scripts/snapshot.ts --all` (the yearly archives the build publishes
 *    on `/archive/`, in `snapshots/`; one whose year's content is unchanged is
 *    kept, not captured again; with `--incremental`, a year captured again is
 *    built by `build-shards.ts --incremental` too, from a cache of its own);
 * 3. `astro build --outDir <partial>`, into a new folder beside the output
 *    (`.<out>.partial-<pid>`, same file system); with `--incremental`,
 *    `node scripts/build-shards.ts --incremental` instead: only the districts
 *    whose content changed since the last incremental build are built again
 *    (their pages kept in `node_modules/.cache/minsheng-build/`), the pages of a
 *    year or the whole site always, and the result is the same bytes;
 * 4. `node scripts/headers.ts <partial>` (`_headers`: the security headers for
 *    hosts that read that file);
 * 5. `node scripts/search-index.ts --content --out <search>` (it writes
 *    `complete.json` last), run beside steps 3 and 4: the index is made from the
 *    content, not the built pages, so it is written on the core Astro's
 *    single-threaded rendering leaves idle, into a folder of its own
 *    (`.<out>.search-<pid>`), moved to `<partial>/pagefind/` when all is done.
 *
 * When step 2 captures a year and the content is that year's alone (a new
 * site's first year, say), the year's site is the live site, page for page:
 * it is built there once, into the partial folder with its search index, and
 * steps 3 and 5 become `node scripts/archive-pages.ts <partial>`, which builds
 * again only the pages that list the snapshots (`/archive/`), now that the
 * archive they list exists; step 4 reads the other pages meanwhile
 * (`headers.ts --except archive/ --save`), then those (`--only archive/ --saved`).
 * The output is the same bytes either way (tested).
 *
 * Only when all five succeeded does the new build replace the output (default
 * `dist/`): the old folder is renamed aside, the new one renamed into place,
 * the old one removed by a background process (the command does not wait for
 * it). With `--incremental` the old one is kept instead, hidden beside the
 * output (`.<out>.spare/`, its index in `.<out>.spare-index/`), and the next
 * incremental build is made in it (`build-shards.ts --reuse`, `search-index.ts
 * --reuse`): its files that are still the cached pages and index parts stay
 * where they are, so adding a notice does not make 160,000 folders again. After
 * the first incremental build, which replaced no output of its own, the spare
 * is made in the background as hard links to the new output (`make-spare.ts`).
 * A failed, interrupted (Ctrl-C, SIGTERM) or killed build
 * leaves the previous output as it was; its partial folder is removed then, or
 * by the next build when the process was killed outright.
 *
 * Exit codes: 0 built; the failing step's code; 130/143 when interrupted; 2 usage.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, onInterrupt } from './cli.ts';
import { astroBuildEnv, removeInBackground, shareDigestCache, yieldTo } from './lib/children.ts';
import { isRunning } from '../src/lib/processes.ts';
import { archivePath } from '../src/lib/content/paths.ts';

const usage = 'usage: npm run build [-- --out DIR] [--incremental]';
const args = process.argv.slice(2).filter((a) => a !== '--');
let out = 'dist';
let incremental = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out' && args[i + 1] !== undefined) out = args[++i] ?? out;
  else if (a === '--incremental') incremental = true;
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}

const project = resolve(import.meta.dirname, '..');
shareDigestCache(project);
const target = resolve(out);
const parent = dirname(target);
const name = basename(target);
const partial = join(parent, `.${name}.partial-${process.pid}`);
const aside = join(parent, `.${name}.old-${process.pid}`);
const search = join(parent, `.${name}.search-${process.pid}`);
/** The pages' policies the headers step read beside the archive pages (`headers.ts --save`). */
const policies = join(parent, `.${name}.policies-${process.pid}`);
const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.(?:partial|old|search|policies|stale|stale-index|spare-making)-(\\d+)$`, 'u');
/** The output and index an incremental build replaced, kept for the next one to build into (consumed by it). */
const spare = { site: join(parent, `.${name}.spare`), index: join(parent, `.${name}.spare-index`) };

// What a build killed outright (SIGKILL, power loss) left behind; another build still running keeps its own.
if (existsSync(parent)) {
  for (const entry of readdirSync(parent)) {
    const pid = Number(leftover.exec(entry)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

const children = new Set<ChildProcess>();

/** Removes the partial build and index; the previous output stays as it was. */
function cleanUp(): void {
  rmSync(partial, { recursive: true, force: true });
  rmSync(search, { recursive: true, force: true });
  rmSync(policies, { force: true });
}

onInterrupt((signal) => {
  for (const child of children) child.kill(signal);
  cleanUp();
  process.stderr.write(`build: interrupted (${signal}); ${out}/ was left as it was\n`);
});

/** Returns a duration in seconds as the build log says it: `8.2 s`, `3 min 05 s`. */
function took(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

/** Runs one step, its output passed through; resolves with its exit code. A step that `yields` runs at a lower priority (`yieldTo`). */
function run(label: string, command: string, commandArgs: string[], yields = false): Promise<number> {
  process.stdout.write(`build: ${label}\n`);
  const started = performance.now();
  return new Promise((done) => {
    // Every step gets `astroBuildEnv`: it starts `astro build` itself, or children that do (snapshots, shards).
    const child = spawn(command, commandArgs, { cwd: project, stdio: 'inherit', env: { ...process.env, ...astroBuildEnv } });
    children.add(child);
    if (yields) yieldTo(child);
    child.on('error', (error) => {
      process.stderr.write(`build: ${label}: error: ${error.message}\n`);
      children.delete(child);
      done(1);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) process.stdout.write(`build: ${label}: done in ${took((performance.now() - started) / 1000)}\n`);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

/** A step: its label, command and arguments, and whether it yields to the steps beside it (the search index does, to the longer build). */
type Step = [label: string, command: string, args: string[], yields?: boolean];
/** A step that failed, and its exit code. */
type Failed = { label: string; code: number };

/** Runs steps one after another; resolves with the first failure (its label and exit code), or undefined. */
async function runAll(steps: readonly Step[]): Promise<Failed | undefined> {
  for (const [label, command, commandArgs, yields] of steps) {
    const code = await run(label, command, commandArgs, yields);
    if (code !== 0) return { label, code };
  }
  return undefined;
}

/** Runs two lists of steps at once; resolves with the first failure, or undefined when both succeeded. */
function runBoth(a: readonly Step[], b: readonly Step[]): Promise<Failed | undefined> {
  return new Promise((done) => {
    let running = 2;
    const finish = (failure: Failed | undefined): void => {
      if (failure) done(failure);
      else if (--running === 0) done(undefined);
    };
    void runAll(a).then(finish);
    void runAll(b).then(finish);
  });
}

/** Stops the build: the other steps still running are stopped, nothing is kept. */
function stop(failure: Failed): never {
  for (const child of children) child.kill('SIGTERM');
  cleanUp();
  return fail(`build: error: step ${failure.label} failed (exit code ${failure.code}); ${out}/ was left as it was`, failure.code);
}

const content: Step[] = [
  ['1/5 ingest', process.execPath, [join(project, 'scripts', 'ingest.ts')]],
  [
    '2/5 snapshots',
    process.execPath,
    [
      join(project, 'scripts', 'snapshot.ts'),
      '--all',
      ...(incremental ? ['--incremental', '--reuse-site', spare.site, '--reuse-index', spare.index] : []),
      '--live-site',
      partial,
      '--live-index',
      search,
    ],
  ],
];
const headers: Step = ['4/5 headers', process.execPath, [join(project, 'scripts', 'headers.ts'), partial]];
const pages: Step[] = [
  incremental
    ? [
        '3/5 astro build (incremental)',
        process.execPath,
        [join(project, 'scripts', 'build-shards.ts'), '--out', partial, '--incremental', '--reuse', spare.site, '--jobs', String(Math.min(2, cpus().length))],
      ]
    : ['3/5 astro build', process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', partial]],
  headers,
];
/**
 * When the live site is the site of the year's snapshot, built by step 2: only the pages that list the
 * snapshots are built again; the headers step reads the other pages meanwhile, then those.
 */
const archivePages: Step[] = [['3/5 the archive pages (the rest is the site of the year’s snapshot)', process.execPath, [join(project, 'scripts', 'archive-pages.ts'), partial]]];
/** The folder of the pages `archive-pages.ts` builds again. */
const archivePrefix = archivePath.slice(1);
const headersBeside: Step[] = [
  ['4/5 headers (the pages but the archive pages)', process.execPath, [join(project, 'scripts', 'headers.ts'), partial, '--except', archivePrefix, '--save', policies]],
];
const headersAfter: Step[] = [
  ['4/5 headers (the archive pages)', process.execPath, [join(project, 'scripts', 'headers.ts'), partial, '--only', archivePrefix, '--saved', policies]],
];
const index: Step[] = [
  [
    '5/5 search index (beside the astro build)',
    process.execPath,
    [join(project, 'scripts', 'search-index.ts'), '--content', '--out', search, ...(incremental ? ['--reuse', spare.index] : [])],
    true,
  ],
];

const ingested = await runAll(content);
if (ingested) stop(ingested);
// A year captured from content that is that year's alone left its site in the partial folder, search
// index included: it is the live site, but for the pages that list the snapshots, built again now
// that the archive exists. Else the pages and the index at once; the first to fail stops the other.
const captured = existsSync(partial);
const failed = captured ? ((await runBoth(archivePages, headersBeside)) ?? (await runAll(headersAfter))) : await runBoth(pages, index);
if (failed) stop(failed);
rmSync(policies, { force: true });
try {
  if (!captured) renameSync(search, join(partial, 'pagefind'));
} catch (error) {
  cleanUp();
  fail(`build: error: could not move the search index into the new build (${(error as NodeJS.ErrnoException).code ?? String(error)}); ${out}/ was left as it was`);
}

// Every step succeeded: swap the new build in.
try {
  if (existsSync(target)) renameSync(target, aside);
  renameSync(partial, target);
} catch (error) {
  if (!existsSync(target) && existsSync(aside)) renameSync(aside, target);
  cleanUp();
  fail(`build: error: could not put the new build in place of ${out}/ (${(error as NodeJS.ErrnoException).code ?? String(error)}); ${out}/ was left as it was`);
}
process.stdout.write(`build: ${out}/ replaced by the new build\n`);
// The previous build is removed by a process of its own that outlives this one: at national scale, unlinking
// its 158,000 pages takes minutes, and the new build is already in place. Should it die, the next build
// removes the folder (its name carries this build's process id). An incremental build keeps it as the
// spare the next one is made in; a spare this build did not take (a failed step's, say) is removed.
/** Keeps the replaced output as the spare the next incremental build is made in (a spare not taken is removed). */
function keepSpare(): void {
  for (const [kept, stale] of [
    [spare.site, join(parent, `.${name}.stale-${process.pid}`)],
    [spare.index, join(parent, `.${name}.stale-index-${process.pid}`)],
  ] as const) {
    if (existsSync(kept)) {
      renameSync(kept, stale);
      removeInBackground(stale);
    }
  }
  if (existsSync(join(aside, 'pagefind'))) renameSync(join(aside, 'pagefind'), spare.index);
  renameSync(aside, spare.site);
}
if (existsSync(aside)) {
  try {
    if (incremental) keepSpare();
  } catch {
    // Not kept (a disk that refuses the rename): the next build makes its output anew.
  }
  if (existsSync(aside)) removeInBackground(aside);
} else if (incremental && !existsSync(spare.site) && !existsSync(spare.index)) {
  // The first incremental build replaced nothing of its own: a spare for the next one is made by a process of
  // its own, as hard links to this output (160,000 folders: tens of seconds of the kernel's time, not waited for).
  const maker = spawn(process.execPath, [join(project, 'scripts', 'lib', 'make-spare.ts'), target, spare.site, spare.index], { detached: true, stdio: 'ignore' });
  maker.on('error', () => undefined);
  maker.unref();
}
