/**
 * `node scripts/build-shards.ts [--out dist] [--max-notices 500] [--jobs 1] [--incremental [--cache DIR] [--reuse DIR]] [--keep] [--list FILE]`
 *
 * Builds the site of `$MINSHENG_CONTENT_DIR` (default `content/`, after
 * `npm run ingest`) in shards, for corpora too large for one `astro build`,
 * and rebuilds only what changed with `--incremental`:
 *
 * 1. each district (`<year>/<slug>`) gets a content key (`tools/build/incremental.ts`):
 *    its notice's files, its commitments, their dates in git, and what every page
 *    shares (code, configuration, latest year, reports, corrections);
 * 2. the districts to build — all of them, or with `--incremental` those whose key
 *    differs from the one their cached pages were built with — are split into
 *    shards of whole provinces (`tools/build/shards.ts`); each shard is built on
 *    its own, in a copy of the project that holds only the district routes
 *    (`src/pages/[year]/[district]/`, `src/pages/data/[year]/`), from a content
 *    directory holding only the shard's notices (hard links), and its districts'
 *    pages are kept in the cache (each page's policy names its own styles,
 *    `src/middleware.ts`, whatever else was built with it);
 * 3. one more build, in a copy without the district routes, makes the pages that
 *    aggregate a year or the site (home, year overviews, topics, departments,
 *    feeds, open data, sitemap, search, 404) from the whole content: always, as
 *    any notice changes them; it runs beside the shards (`--jobs 2`);
 * 4. the output is every district's cached pages (hard links) and the aggregate pages.
 *
 * The result is the same files, byte for byte, as `astro build` followed by
 * `node scripts/headers.ts` (tested); run `node scripts/search-index.ts --site <out>`
 * after it, as `npm run build -- --incremental` does. Every URL of the sitemap is
 * checked to exist. The cache (`--cache`, default
 * `node_modules/.cache/minsheng-build/`) holds the districts' pages and the
 * project copies, whose Astro data store is then reused between builds; it is
 * emptied when the code or configuration changes; `logs/` there keeps each astro
 * build's whole output. Without `--incremental`,
 * everything is built in a temporary folder, and the working tree is not touched.
 * `--list FILE` writes every file of the output to FILE (relative paths, sorted, a line each): a
 * snapshot takes its site's files from it rather than walk 160,000 folders again.
 * `--reuse DIR`: DIR is an earlier output of this build, no longer published (the one `npm run build`
 * replaced); it becomes the output, and the files in it that are still the cached pages (the same
 * inode) stay where they are rather than being placed again (`clearForReuse`): everything else in it
 * is removed. The result is the same files; it only saves making 160,000 folders.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { aggregateProject, planShards, districtOutputs, districtRoutes } from '../tools/build/shards.ts';
import { openDataSharesVariable, shareFiles, shareKeysFile } from '../src/lib/data/shares.ts';
import { byCodeUnits, startingWith } from '../src/lib/order.ts';
import { lockCache, lockFile } from './lib/cache-lock.ts';
import type { Shard, ShardNotice } from '../tools/build/shards.ts';
import { historyByDistrict, inputKey } from '../tools/build/incremental.ts';
import type { DistrictId, KeyPart } from '../tools/build/incremental.ts';
import { contentDir, snapshotDir } from '../src/lib/config.ts';
import { filesBelow } from '../src/lib/files.ts';
import { fileDigests } from '../src/lib/digests.ts';
import { contentHistoryVariable, historyLogArgs, parseHistory } from '../src/lib/site/history.ts';
import { fail, onInterrupt } from './cli.ts';
import { linkFile } from './lib/links.ts';
import { MissingFile, placeFiles, placeInWorker } from '../tools/build/placement.ts';
import type { Placed } from '../tools/build/placement.ts';
import { refreshProjectCopy } from './lib/project-copy.ts';
import { astroBuildEnv, shareDigestCache, yieldTo } from './lib/children.ts';

const usage = 'usage: node scripts/build-shards.ts [--out dist] [--max-notices 500] [--jobs 1] [--incremental [--cache DIR] [--reuse DIR]] [--keep] [--list FILE]';
const args = process.argv.slice(2).filter((a) => a !== '--');
let out = 'dist';
let maxNotices = 500;
let jobs = 1;
let keep = false;
let incremental = false;
let cacheOption: string | undefined;
/** `--reuse DIR`: an earlier output to place into again, consumed (`clearForReuse`). */
let reuseOption: string | undefined;
/** `--list FILE`: where to write every file of the output (relative, sorted, one a line), for what reads it next without a walk. */
let listFile: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = (): string => args[++i] ?? fail(`${usage}  (${a} needs a value)`, 2);
  if (a === '--out') out = next();
  else if (a === '--max-notices') maxNotices = Number(next());
  else if (a === '--jobs') jobs = Number(next());
  else if (a === '--keep') keep = true;
  else if (a === '--list') listFile = next();
  else if (a === '--incremental') incremental = true;
  else if (a === '--cache') cacheOption = next();
  else if (a === '--reuse') reuseOption = next();
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}
if (!Number.isInteger(maxNotices) || maxNotices < 1) fail('build-shards: error: --max-notices must be a positive whole number', 2);
if (!Number.isInteger(jobs) || jobs < 1 || jobs > cpus().length) fail(`build-shards: error: --jobs must be from 1 to ${cpus().length}`, 2);
if (cacheOption !== undefined && !incremental) fail(`${usage}  (--cache goes with --incremental)`, 2);
if (reuseOption !== undefined && !incremental) fail(`${usage}  (--reuse goes with --incremental)`, 2);

const project = resolve(import.meta.dirname, '..');
shareDigestCache(project);
const root = contentDir();
const outDir = resolve(out);
/** With --incremental, the cache kept between builds; one build at a time writes it (`lockCache`). */
const keptCache = incremental ? resolve(cacheOption ?? join(project, 'node_modules', '.cache', 'minsheng-build')) : undefined;
if (keptCache !== undefined) {
  const lock = lockCache(keptCache);
  if ('heldBy' in lock) {
    fail(`build-shards: error: ${keptCache} is in use by another build (process ${lock.heldBy}); wait for it to end, or remove ${lockFile(keptCache)} if none is running`);
  }
}
const work = mkdtempSync(join(tmpdir(), 'minsheng-shards-'));
/** Where the districts' pages and the project copies are kept: between builds with --incremental, for this build only without. */
const cache = keptCache ?? join(work, 'cache');
const started = performance.now();
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** The key parts of every file below `dir` (names relative to `base`). */
function fileParts(dir: string, base: string): KeyPart[] {
  return filesBelow(dir).map((f) => ({ name: relative(base, join(dir, f)).split(sep).join('/'), bytes: readFileSync(join(dir, f)) }));
}

// ---------------------------------------------------------------------------
// The notices

const notices: ShardNotice[] = [];
const filesOfYear = new Map<number, string[]>();
for (const file of filesBelow(join(root, 'notices')).filter((f) => /^\d{4}\/[^/]+\.yaml$/u.test(f) && !f.endsWith('.units.yaml'))) {
  const meta = parseYaml(readFileSync(join(root, 'notices', file), 'utf8')) as Partial<ShardNotice> | null;
  if (!meta || typeof meta.slug !== 'string' || typeof meta.year !== 'number' || typeof meta.province !== 'string' || typeof meta.city !== 'string') {
    fail(`${relative(process.cwd(), join(root, 'notices', file))}: error: not a notice's metadata (slug, year, province, city)`);
  }
  if (!existsSync(join(root, 'notices', String(meta.year), `${meta.slug}.md`)))
    fail(`build-shards: error: ${meta.year}/${meta.slug} has no generated entry; run \`npm run ingest\` first`);
  notices.push({ year: meta.year, slug: meta.slug, province: meta.province, city: meta.city });
}
if (notices.length === 0) fail(`build-shards: error: no notice under ${relative(process.cwd(), root) || root}/notices`);
const idOf = (n: ShardNotice): DistrictId => `${n.year}/${n.slug}`;

/** A notice's own files: `notices/<year>/<slug>.*` and `commitments/<year>/<slug>/**`, relative to the content directory. */
function ownFiles(n: ShardNotice): string[] {
  let yearFiles = filesOfYear.get(n.year);
  if (!yearFiles) filesOfYear.set(n.year, (yearFiles = filesBelow(join(root, 'notices', String(n.year)))));
  return [
    ...startingWith(yearFiles, `${n.slug}.`).map((f) => `notices/${n.year}/${f}`),
    ...filesBelow(join(root, 'commitments', String(n.year), n.slug)).map((f) => `commitments/${n.year}/${n.slug}/${f}`),
  ];
}

/** Each report folder (relative to the content directory) by the district of the notice it reports on. */
const reportsOf = new Map<DistrictId, string[]>();
for (const file of filesBelow(join(root, 'reports')).filter((f) => /^\d{4}\/[^/]+\/report\.yaml$/u.test(f))) {
  const meta = parseYaml(readFileSync(join(root, 'reports', file), 'utf8')) as { notice?: unknown } | null;
  const year = Number(file.slice(0, 4));
  if (typeof meta?.notice !== 'string') continue;
  const id: DistrictId = `${year}/${meta.notice}`;
  reportsOf.set(id, [...(reportsOf.get(id) ?? []), `reports/${dirname(file)}`]);
}

// Dates from git, read once: every build gets the same (a shard's content is a partial copy outside git).
// A history given (`MINSHENG_CONTENT_HISTORY`, as a snapshot gives its corpus's) is read as one build would.
let historyLog = '';
const givenHistory = process.env[contentHistoryVariable];
try {
  historyLog = givenHistory
    ? readFileSync(givenHistory, 'utf8')
    : execFileSync('git', [...historyLogArgs], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
} catch {
  // Not in a repository: pages show no dates, in every build alike.
}
const historyFile = join(work, 'history.log');
writeFileSync(historyFile, historyLog);
const datesOf = historyByDistrict(parseHistory(historyLog));

// ---------------------------------------------------------------------------
// Keys

/** What every page depends on: the code, its configuration, the settings read from the environment. */
const codeKey = inputKey([
  ...['src', 'public'].flatMap((d) => fileParts(join(project, d), project)),
  ...['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build-shards.ts']
    .filter((f) => existsSync(join(project, f)))
    .map((f) => ({ name: f, bytes: readFileSync(join(project, f)) })),
  // Every setting a district's pages read from the environment: the base path and the site's address. What
  // a yearly snapshot says of itself is not one: only `/archive/` reads it (an aggregate page, always built),
  // and the archive's writer adds each page's banner (tools/snapshot/banner.ts).
  { name: 'env', bytes: JSON.stringify(['BASE_PATH', 'SITE_URL'].map((name) => process.env[name] ?? null)) },
]);
/** What every district's pages depend on beyond the code: the latest year (the navigation links it) and the corrections. */
const sharedKey = inputKey([
  { name: 'code', bytes: codeKey },
  { name: 'latest', bytes: String(Math.max(...notices.map((n) => n.year))) },
  ...['corrections.yaml'].filter((f) => existsSync(join(root, f))).map((f) => ({ name: f, bytes: readFileSync(join(root, f)) })),
]);
// Each district's files (its own, its reports'), relative to the content directory; their SHA-256 remembered
// with their stamps between builds (`fileDigests`): a national content's 100,000 files are read only where changed.
const keyFiles = new Map<DistrictId, string[]>(
  notices.map((n) => [idOf(n), [...ownFiles(n), ...(reportsOf.get(idOf(n)) ?? []).flatMap((dir) => filesBelow(join(root, dir)).map((f) => `${dir}/${f}`))]]),
);
const allKeyFiles = [...keyFiles.values()].flat();
const digestOf = new Map(fileDigests(root, allKeyFiles, 'shards').map((digest, i) => [allKeyFiles[i], digest]));
const keyOf = new Map<DistrictId, string>();
for (const n of notices) {
  const id = idOf(n);
  keyOf.set(
    id,
    inputKey([
      { name: 'shared', bytes: sharedKey },
      ...(keyFiles.get(id) ?? []).map((f) => ({ name: f, bytes: digestOf.get(f) ?? '' })),
      { name: 'dates', bytes: (datesOf.get(id) ?? []).join('\n') },
    ]),
  );
}

// The cache: emptied when the code changed (its project copies and every page are stale then).
const codeKeyFile = join(cache, 'code.key');
if (!existsSync(codeKeyFile) || readFileSync(codeKeyFile, 'utf8') !== codeKey) rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
writeFileSync(codeKeyFile, codeKey);
const districtsCache = join(cache, 'districts');
const cachedKeyFile = (n: ShardNotice): string => join(districtsCache, String(n.year), `${n.slug}.key`);
const cachedPages = (n: ShardNotice): string => join(districtsCache, String(n.year), n.slug);
/**
 * The list of a district's cached files (paths relative to its folder, one a line, sorted), written with its
 * pages: the output is put together from these lists, without walking 160,000 cached folders.
 */
const cachedList = (n: ShardNotice): string => join(districtsCache, String(n.year), `${n.slug}.files`);

// Districts no longer in the content leave the cache (their key and list files name them: `<year>/<slug>.key`).
const current = new Set(notices.map(idOf));
for (const year of existsSync(districtsCache) ? readdirSync(districtsCache) : []) {
  for (const entry of readdirSync(join(districtsCache, year)).filter((f) => f.endsWith('.key'))) {
    const id = `${year}/${entry.slice(0, -'.key'.length)}` as DistrictId;
    if (!current.has(id)) {
      for (const stale of [entry, `${entry.slice(0, -'.key'.length)}.files`]) rmSync(join(districtsCache, year, stale), { force: true });
      rmSync(join(districtsCache, id), { recursive: true, force: true });
    }
  }
}

const toBuild = notices.filter((n) => !existsSync(cachedKeyFile(n)) || !existsSync(cachedList(n)) || readFileSync(cachedKeyFile(n), 'utf8') !== keyOf.get(idOf(n)));
const shards = toBuild.length > 0 ? planShards(toBuild, maxNotices, notices) : [];
log(
  `build-shards: ${notices.length} notices, ${toBuild.length} to build in ${shards.length} shard(s) of at most ${maxNotices}` +
    `${incremental ? ` (${notices.length - toBuild.length} unchanged, from ${relative(process.cwd(), cache) || cache})` : ''}, then the aggregate pages; ${jobs} build(s) at a time`,
);

// ---------------------------------------------------------------------------
// Project copies

/**
 * Makes (or keeps, in the cache) a copy of the project whose `src/pages/` keeps only what `keepRoute` accepts:
 * its sources copied afresh, its node_modules linked, the caches its last build wrote (Astro's data store) kept.
 */
function projectCopy(name: string, keepRoute: (route: string) => boolean): string {
  return refreshProjectCopy(project, join(cache, name), keepRoute);
}

const isDistrictRoute = (route: string): boolean => districtRoutes.some((r) => route.startsWith(`${r}/`));

/** The `astro build` processes running: stopped with this one, so none keeps writing after it is gone. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});
onInterrupt((signal) => {
  for (const child of running) child.kill(signal);
  rmSync(work, { recursive: true, force: true });
  process.stderr.write(`build-shards: interrupted (${signal})\n`);
});

/**
 * Runs `astro build` in a project copy on a content directory, its whole output in `<cache>/logs/<name>.log`;
 * resolves with its exit code and last lines. A build that `yields` (a shard's, beside the longer aggregate
 * build) runs at a lower priority (`yieldTo`).
 */
function astroBuild(
  name: string,
  projectDir: string,
  content: string,
  outputDir: string,
  yields = false,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; tail: string }> {
  mkdirSync(join(cache, 'logs'), { recursive: true });
  const logFile = createWriteStream(join(cache, 'logs', `${name}.log`));
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outputDir], {
      cwd: projectDir,
      env: {
        ...process.env,
        ...astroBuildEnv,
        MINSHENG_CONTENT_DIR: content,
        // The snapshots the pages publish are this project's (a copy's own folder holds none).
        MINSHENG_SNAPSHOT_DIR: snapshotDir(),
        [contentHistoryVariable]: historyFile,
        PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keepTail = (chunk: Buffer): void => {
      logFile.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    running.add(child);
    if (yields) yieldTo(child);
    child.on('close', (code) => {
      running.delete(child);
      logFile.end();
      done({ code, tail: tail.trim().split('\n').slice(-10).join('\n') });
    });
  });
}

/** Moves a built file to `to`, a new file (never one written through a hard link into the cache). */
function keepBuilt(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  renameSync(from, to);
}

// ---------------------------------------------------------------------------
// Building

/** Builds one shard and keeps its districts' pages (and the shared assets they use) in the cache. */
async function buildShard(shard: Shard, slot: number): Promise<void> {
  const t0 = performance.now();
  const content = join(work, shard.name, 'content');
  for (const n of [...shard.notices, ...shard.anchors]) {
    for (const f of [...ownFiles(n), ...(reportsOf.get(idOf(n)) ?? []).flatMap((dir) => filesBelow(join(root, dir)).map((x) => `${dir}/${x}`))]) {
      linkFile(join(root, f), join(content, f));
    }
  }
  if (existsSync(join(root, 'corrections.yaml'))) linkFile(join(root, 'corrections.yaml'), join(content, 'corrections.yaml'));
  const built = join(work, shard.name, 'out');
  // Beside the aggregate build (the longest), a shard yields the processors to it.
  const result = await astroBuild(shard.name, projectCopy(`project-districts-${slot}`, isDistrictRoute), content, built, jobs > 1);
  if (result.code !== 0) fail(`build-shards: error: ${shard.name} (${shard.provinces.join('、')}) failed:\n${result.tail}`);
  const files = filesBelow(built);
  const assets = files.filter((rel) => rel.startsWith('_astro/'));
  let kept = 0;
  const outputs = districtOutputs(files, shard.notices);
  for (const n of shard.notices) {
    const dir = cachedPages(n);
    rmSync(dir, { recursive: true, force: true });
    rmSync(cachedKeyFile(n), { force: true });
    const own = outputs.get(n) ?? [];
    for (const rel of own) {
      keepBuilt(join(built, rel), join(dir, rel));
      if (rel.endsWith('index.html')) kept++;
    }
    // The content-hashed assets its pages use (the same in every shard): linked once per district.
    for (const rel of assets) linkFile(join(built, rel), join(dir, rel));
    // Its list, then its key: a key file stands for pages and list complete.
    writeFileSync(cachedList(n), [...own, ...assets].sort().join('\n'));
    writeFileSync(cachedKeyFile(n), keyOf.get(idOf(n)) ?? '');
  }
  rmSync(join(work, shard.name), { recursive: true, force: true });
  log(
    `  ${shard.name}: ${shard.notices.length} notices (${shard.provinces.join('、')})${shard.anchors.length > 0 ? ` + ${shard.anchors.length} anchor` : ''}, ${kept} pages, ${seconds(t0)}`,
  );
}

const aggregateOut = join(work, 'aggregate-out');
/**
 * With `--incremental`, where each notice's share of its year's open data is kept between builds
 * (`src/lib/data/shares.ts`), under its district's key: the year-wide build makes only the shares of the
 * districts that changed.
 */
const sharesDir = incremental ? join(cache, 'open-data') : undefined;

/** Names each district's key for the kept shares, and returns how many of them are kept already. */
function nameShareKeys(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const keys: Record<string, string> = {};
  for (const id of notices.map(idOf).sort(byCodeUnits)) keys[id] = keyOf.get(id) ?? '';
  writeFileSync(join(dir, shareKeysFile), `${JSON.stringify(keys)}\n`);
  return Object.values(keys).filter((key) => Object.values(shareFiles(dir, key)).every((file) => existsSync(file))).length;
}

/** Removes the kept shares of keys no longer in use, and temporary files left by a build that was killed. */
function pruneShares(dir: string): void {
  const used = new Set([...keyOf.values()].flatMap((key) => Object.values(shareFiles(dir, key))));
  for (const name of readdirSync(dir)) if (name !== shareKeysFile && !used.has(join(dir, name))) rmSync(join(dir, name), { force: true });
}

/** Builds the pages that aggregate a year or the site, from the whole content. */
async function buildAggregate(): Promise<void> {
  const t0 = performance.now();
  const kept = sharesDir === undefined ? 0 : nameShareKeys(sharesDir);
  const aggregate = await astroBuild(
    'aggregate',
    projectCopy(aggregateProject, (route) => !isDistrictRoute(route)),
    root,
    aggregateOut,
    false,
    sharesDir === undefined ? {} : { [openDataSharesVariable]: sharesDir },
  );
  if (aggregate.code !== 0) fail(`build-shards: error: the aggregate build failed:\n${aggregate.tail}`);
  if (sharesDir !== undefined) pruneShares(sharesDir);
  log(
    `  aggregate: ${filesBelow(aggregateOut).filter((f) => f.endsWith('index.html')).length} pages, ${seconds(t0)}` +
      `${sharesDir === undefined ? '' : ` (the open data of ${kept} of ${notices.length} notices kept)`}`,
  );
}

// ---------------------------------------------------------------------------
// The output: every district's pages from the cache, then the aggregate pages. The districts kept from
// the cache are placed by a worker thread while the builds run (`placement.ts`: making 160,000 folders
// is tens of seconds of the kernel's time); those built now, and the aggregate pages, after.

rmSync(outDir, { recursive: true, force: true });
/** Whether the output is an earlier one, placed into again (`--reuse`); else a new folder. */
let reusing = false;
if (reuseOption !== undefined && resolve(reuseOption) !== outDir) {
  try {
    renameSync(resolve(reuseOption), outDir);
    reusing = true;
  } catch {
    // None there (the first build, or another build took it), or on another file system: a new folder.
  }
}
mkdirSync(outDir, { recursive: true });
/** Every file placed in the output, by its path relative to it: no file-system lookups for the shared assets or the sitemap's check. */
const placed = new Set<string>();
/** Returns the files of the districts' cached pages, each path once (`_astro/` assets are content-hashed: one copy of each). */
function districtFiles(list: readonly ShardNotice[]): Placed[] {
  const files: Placed[] = [];
  for (const n of list) {
    const dir = cachedPages(n);
    const names = readFileSync(cachedList(n), 'utf8');
    for (const rel of names === '' ? [] : names.split('\n')) {
      if (rel.startsWith('_astro/') && placed.has(rel)) continue;
      placed.add(rel);
      files.push({ from: join(dir, rel), rel });
    }
  }
  return files;
}
const building = new Set(toBuild);
const keptPlaced = placeInWorker(outDir, districtFiles(notices.filter((n) => !building.has(n))), reusing);
// Taken when the builds are done (or dropped when one fails first).
keptPlaced.catch(() => 0);

// The aggregate build (the longest) first, beside the shards when two builds run at once.
const queue: ((slot: number) => Promise<void>)[] = [() => buildAggregate(), ...shards.map((shard) => (slot: number) => buildShard(shard, slot))];
await Promise.all(
  Array.from({ length: jobs }, async (_, slot) => {
    for (let task = queue.shift(); task; task = queue.shift()) await task(slot);
  }),
);
const folders = new Set<string>([outDir]);
const aggregateFiles = filesBelow(aggregateOut).filter((rel) => !(rel.startsWith('_astro/') && placed.has(rel)));
const replaced = new Set(aggregateFiles.filter((rel) => placed.has(rel)));
/** The kept districts' files found in place in the earlier output (`--reuse`). */
let inPlace = 0;
try {
  inPlace = await keptPlaced;
  placeFiles(outDir, districtFiles(toBuild), 'link', folders);
  placeFiles(
    outDir,
    aggregateFiles.map((rel) => ({ from: join(aggregateOut, rel), rel })),
    'move',
    folders,
    (rel) => replaced.has(rel),
  );
} catch (error) {
  // A file a district's list names is gone from the cache (a disk cleaned by hand): the cache cannot be trusted.
  if (error instanceof MissingFile) fail(`build-shards: error: ${error.message}; remove ${cache} and build again`);
  fail(`build-shards: error: the output could not be put together in ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
}
for (const rel of aggregateFiles) placed.add(rel);

// Every URL of the sitemap's parts must have been built (its paths start with the base path, as astro.config.mjs reads it).
const basePath = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/gu, '')}/`.replace(/\/+/gu, '/');
const locs = (file: string): string[] =>
  [...readFileSync(join(outDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1] ?? '/').pathname.slice(basePath.length - 1));
const missing = locs('sitemap.xml')
  .flatMap((part) => locs(part))
  .filter((p) => !placed.has(posix.join(decodeURIComponent(p), 'index.html').replace(/^\/+/u, '')));
if (missing.length > 0) fail(`build-shards: error: ${missing.length} page(s) of the sitemap were not built, e.g. ${missing.slice(0, 5).join(', ')}`);
if (listFile !== undefined) writeFileSync(listFile, [...placed].sort().join('\n'));
if (!keep) rmSync(work, { recursive: true, force: true });
log(
  `build-shards: ${[...placed].filter((f) => f.endsWith('index.html')).length} pages in ${relative(process.cwd(), outDir) || outDir}/ in ${seconds(started)}` +
    `${reusing ? ` (an earlier output built into again: ${inPlace} of ${placed.size} files left in place)` : ''}`,
);
