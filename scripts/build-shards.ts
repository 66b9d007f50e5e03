/**
 * `node scripts/build-shards.ts [--out dist] [--max-notices 500] [--jobs 1] [--keep]`
 *
 * Builds the site of `$MINSHENG_CONTENT_DIR` (default `content/`, after
 * `npm run ingest`) in shards, for corpora too large for one `astro build`:
 *
 * 1. the notices are split into shards of whole provinces (`tools/build/shards.ts`);
 * 2. each shard is built on its own, in a throw-away copy of the project that
 *    holds only the district routes (`src/pages/[year]/[district]/`,
 *    `src/pages/data/[year]/`), from a content directory holding only the
 *    shard's notices (hard links), and its districts' pages are moved into `--out`;
 * 3. one more build, in a copy without the district routes, makes the pages that
 *    aggregate a year or the site (home, year overviews, topics, departments,
 *    feeds, open data, sitemap, search, 404) from the whole content.
 *
 * The result is the same files `astro build` would write (run
 * `node scripts/search-index.ts --site <out>` after it, as `npm run build` does);
 * every URL of the sitemap is checked to exist. The working tree is not touched:
 * Astro's caches live in the copies.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { planShards, districtRoutes, isDistrictOutput } from '../tools/build/shards.ts';
import type { Shard, ShardNotice } from '../tools/build/shards.ts';
import { contentDir } from '../src/lib/config.ts';
import { fail } from './cli.ts';

const usage = 'usage: node scripts/build-shards.ts [--out dist] [--max-notices 500] [--jobs 1] [--keep]';
const args = process.argv.slice(2).filter((a) => a !== '--');
let out = 'dist';
let maxNotices = 500;
let jobs = 1;
let keep = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = (): string => args[++i] ?? fail(`${usage}  (${a} needs a value)`, 2);
  if (a === '--out') out = next();
  else if (a === '--max-notices') maxNotices = Number(next());
  else if (a === '--jobs') jobs = Number(next());
  else if (a === '--keep') keep = true;
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}
if (!Number.isInteger(maxNotices) || maxNotices < 1) fail('build-shards: error: --max-notices must be a positive whole number', 2);
if (!Number.isInteger(jobs) || jobs < 1 || jobs > cpus().length) fail(`build-shards: error: --jobs must be from 1 to ${cpus().length}`, 2);

const project = resolve(import.meta.dirname, '..');
const root = contentDir();
const outDir = resolve(out);
const work = mkdtempSync(join(tmpdir(), 'minsheng-shards-'));
const started = performance.now();
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Every file below `dir`, relative and `/`-separated. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
}

/** Hard-links `from` to `to` (copies it across file systems). */
function link(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

// ---------------------------------------------------------------------------
// The notices

const notices: ShardNotice[] = [];
for (const file of filesBelow(join(root, 'notices')).filter((f) => /^\d{4}\/[^/]+\.yaml$/u.test(f) && !f.endsWith('.units.yaml'))) {
  const meta = parseYaml(readFileSync(join(root, 'notices', file), 'utf8')) as Partial<ShardNotice> | null;
  if (!meta || typeof meta.slug !== 'string' || typeof meta.year !== 'number' || typeof meta.province !== 'string' || typeof meta.city !== 'string') {
    fail(`${relative(process.cwd(), join(root, 'notices', file))}: error: not a notice's metadata (slug, year, province, city)`);
  }
  if (!existsSync(join(root, 'notices', String(meta.year), `${meta.slug}.md`))) fail(`build-shards: error: ${meta.year}/${meta.slug} has no generated entry; run \`npm run ingest\` first`);
  notices.push({ year: meta.year, slug: meta.slug, province: meta.province, city: meta.city });
}
if (notices.length === 0) fail(`build-shards: error: no notice under ${relative(process.cwd(), root) || root}/notices`);
const shards = planShards(notices, maxNotices);
log(`build-shards: ${notices.length} notices in ${shards.length} shard(s) of at most ${maxNotices}, then the aggregate pages; ${jobs} build(s) at a time; work dir ${work}`);

// ---------------------------------------------------------------------------
// Project copies

/** Makes a copy of the project whose `src/pages/` keeps only what `keepRoute` accepts; node_modules linked (not its caches). */
function projectCopy(name: string, keepRoute: (route: string) => boolean): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(project, entry))) cpSync(join(project, entry), join(dir, entry), { recursive: true });
  }
  for (const route of filesBelow(join(dir, 'src', 'pages'))) if (!keepRoute(route)) rmSync(join(dir, 'src', 'pages', route));
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite' && entry !== '.cache') symlinkSync(join(project, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

const isDistrictRoute = (route: string): boolean => districtRoutes.some((r) => route.startsWith(`${r}/`));
const districtsProject = projectCopy('project-districts', isDistrictRoute);
const aggregateProject = projectCopy('project-aggregate', (route) => !isDistrictRoute(route));

/** Runs `astro build` in a project copy on a content directory; resolves with its exit code and last lines. */
function astroBuild(projectDir: string, content: string, outputDir: string): Promise<{ code: number | null; tail: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outputDir], {
      cwd: projectDir,
      env: { ...process.env, MINSHENG_CONTENT_DIR: content, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keepTail = (chunk: Buffer): void => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    child.on('close', (code) => done({ code, tail: tail.trim().split('\n').slice(-10).join('\n') }));
  });
}

// ---------------------------------------------------------------------------
// Building

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** Copies a built file into the output; `_astro/` assets are content-hashed, so one copy of each is enough. */
function place(from: string, rel: string): void {
  const to = join(outDir, rel);
  if (rel.startsWith('_astro/') && existsSync(to)) return;
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Builds one shard and moves its districts' pages into the output. */
async function buildShard(shard: Shard): Promise<void> {
  const t0 = performance.now();
  const content = join(work, shard.name, 'content');
  for (const n of [...shard.notices, ...shard.anchors]) {
    for (const f of filesBelow(join(root, 'notices', String(n.year))).filter((x) => x.startsWith(`${n.slug}.`))) {
      link(join(root, 'notices', String(n.year), f), join(content, 'notices', String(n.year), f));
    }
    for (const f of filesBelow(join(root, 'commitments', String(n.year), n.slug))) {
      link(join(root, 'commitments', String(n.year), n.slug, f), join(content, 'commitments', String(n.year), n.slug, f));
    }
  }
  const built = join(work, shard.name, 'out');
  const result = await astroBuild(districtsProject, content, built);
  if (result.code !== 0) fail(`build-shards: error: ${shard.name} (${shard.provinces.join('、')}) failed:\n${result.tail}`);
  let kept = 0;
  for (const rel of filesBelow(built)) {
    if (rel.startsWith('_astro/') || shard.notices.some((n) => isDistrictOutput(rel, n.year, n.slug))) {
      place(join(built, rel), rel);
      if (rel.endsWith('index.html')) kept++;
    }
  }
  if (!keep) rmSync(join(work, shard.name), { recursive: true, force: true });
  log(`  ${shard.name}: ${shard.notices.length} notices (${shard.provinces.join('、')})${shard.anchors.length > 0 ? ` + ${shard.anchors.length} anchor` : ''}, ${kept} pages, ${seconds(t0)}`);
}

const queue = [...shards];
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) await buildShard(shard);
  }),
);

const t0 = performance.now();
const aggregateOut = join(work, 'aggregate-out');
const aggregate = await astroBuild(aggregateProject, root, aggregateOut);
if (aggregate.code !== 0) fail(`build-shards: error: the aggregate build failed:\n${aggregate.tail}`);
let aggregatePages = 0;
for (const rel of filesBelow(aggregateOut)) {
  place(join(aggregateOut, rel), rel);
  if (rel.endsWith('index.html')) aggregatePages++;
}
log(`  aggregate: ${aggregatePages} pages, ${seconds(t0)}`);

// Every URL of the sitemap's parts must have been built (its paths start with the base path, as astro.config.mjs reads it).
const basePath = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/gu, '')}/`.replace(/\/+/gu, '/');
const locs = (file: string): string[] =>
  [...readFileSync(join(outDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1] ?? '/').pathname.slice(basePath.length - 1));
const missing = locs('sitemap.xml')
  .flatMap((part) => locs(part))
  .filter((p) => !existsSync(join(outDir, decodeURIComponent(p), 'index.html')));
if (missing.length > 0) fail(`build-shards: error: ${missing.length} page(s) of the sitemap were not built, e.g. ${missing.slice(0, 5).join(', ')}`);
if (!keep) rmSync(work, { recursive: true, force: true });
log(`build-shards: ${filesBelow(outDir).filter((f) => f.endsWith('index.html')).length} pages in ${relative(process.cwd(), outDir) || outDir}/ in ${seconds(started)}`);
