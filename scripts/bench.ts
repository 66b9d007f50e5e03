/**
 * `npm run bench [-- --sizes 20,100,500,3000] [--per-notice 33] [--seed bench]
 *   [--no-lighthouse] [--no-search] [--no-hugo] [--no-whole] [--quick] [--timeout-min 25] [--heap-mb N]
 *   [--out results.json] [--keep]`
 *
 * Prints figures (it is no test): the parser's time and output size on its
 * pathological inputs at 10 K, 100 K and 1 M characters (scripts/bench-parse.ts); for synthetic corpora of several sizes
 * (`tools/bench/`), ingest and `astro build` time, throughput, peak memory
 * and output size, a fitted fixed + per-page build cost, and Pagefind indexing
 * time and index size; for the built-in site, each page type's weight (HTML,
 * CSS, JS, gzip and brotli, requests; the lazily loaded chart chunk apart) and
 * Lighthouse's mobile scores. Raw results go to a JSON file whose path it prints.
 *
 * Every build runs in a throw-away copy of the project (src/, public/, config;
 * node_modules linked), so Astro's content cache (`node_modules/.astro`) and
 * `.astro/` of the working tree are never touched and every build is cold.
 * Each child is capped (`--timeout-min`, default 25) and a timeout is recorded
 * as a result. Peak memory is GNU time's maximum RSS of the largest process
 * and, polled from /proc every 250 ms, the peak of the whole process tree.
 *
 * For each synthetic size, Debian's `hugo` (when installed; `--no-hugo` skips
 * it) renders the same ingested commitments with minimal templates
 * (`tools/bench/hugo.ts`), and the report prints both generators' pages per
 * second and their ratio, for `astro build` alone and for the whole build
 * (ingest, `astro build` and the search index). Beside it, Astro renders the
 * same files with the same templates (`tools/bench/astro-floor.ts`): Astro's
 * own floor on this machine, and its ratio to Hugo's rate.
 *
 * `--quick`: sizes 20,100 unless `--sizes` is given, no Lighthouse.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { buildPhases, indexSummary, reportedBuild, slowestRoutes } from '../tools/bench/astro-log.ts';
import { hugoSiteFiles } from '../tools/bench/hugo.ts';
import { writeAstroFloor } from './lib/astro-floor.ts';
import type { LighthouseResult } from '../tools/bench/lighthouse.ts';
import { lighthouseScores } from '../tools/bench/lighthouse.ts';
import { pageTypes, pageWeight } from '../tools/bench/page-weight.ts';
import type { BenchFits } from '../tools/bench/report.ts';
import { benchReport } from '../tools/bench/report.ts';
import type { LighthouseScores, PageWeight, Run, SearchCost, SiteSize, SizeResult } from '../tools/bench/results.ts';
import { cpuSeconds, peakMiB, succeeded as ok } from '../tools/bench/results.ts';
import { countLocs, isSitemapPart, siteSummary } from '../tools/bench/site-size.ts';
import { fitLine, formatBytes, formatSeconds, parseTimeReport, withoutTimeReport } from '../tools/bench/stats.ts';
import { filesBelow } from '../src/lib/files.ts';
import { fail } from './cli.ts';
import { ingestCacheVariable } from './lib/ingest-cache.ts';
import { commandLine } from './lib/args.ts';
import { copyProject } from './lib/project-copy.ts';
import { indexFiles, launchChromium, searchPageCost, serve } from './search-harness.ts';
import { breakdownLine, indexBreakdown } from '../src/lib/search/size.ts';
import { astroBuildEnv } from './lib/children.ts';

// ---------------------------------------------------------------------------
// Options

const usage =
  'usage: npm run bench [-- --sizes 20,100,500,3000] [--per-notice 33] [--seed bench] [--no-lighthouse] [--no-search] [--no-hugo] [--no-whole] [--quick] [--timeout-min 25] [--heap-mb N] [--out FILE] [--keep]';
const { values } = commandLine({
  usage,
  options: {
    sizes: { type: 'string' },
    'per-notice': { type: 'string', default: '33' },
    seed: { type: 'string', default: 'bench' },
    'no-lighthouse': { type: 'boolean' },
    'no-search': { type: 'boolean' },
    'no-hugo': { type: 'boolean' },
    'no-whole': { type: 'boolean' },
    quick: { type: 'boolean' },
    'timeout-min': { type: 'string', default: '25' },
    'heap-mb': { type: 'string', default: '0' },
    out: { type: 'string', default: '' },
    keep: { type: 'boolean' },
  },
});
/** Returns whole numbers written with commas (`20,100`), or fails naming the option. */
const wholes = (name: string, v: string): number[] =>
  v
    .split(',')
    .filter((x) => x !== '')
    .map((x) => (/^\d+$/u.test(x) ? Number(x) : fail(`bench: error: --${name} takes whole numbers, not “${x}”`, 2)));
/** Returns the whole number an option gives, or fails naming it. */
const whole = (name: 'per-notice' | 'timeout-min' | 'heap-mb'): number => {
  const v = values[name];
  return /^\d+$/u.test(v) ? Number(v) : fail(`bench: error: --${name} takes whole numbers, not “${v}”`, 2);
};
const opt = {
  sizes: values.sizes === undefined ? undefined : wholes('sizes', values.sizes),
  perNotice: whole('per-notice'),
  seed: values.seed,
  lighthouse: !values['no-lighthouse'],
  search: !values['no-search'],
  hugo: !values['no-hugo'],
  whole: !values['no-whole'],
  quick: values.quick === true,
  timeoutMin: whole('timeout-min'),
  heapMb: whole('heap-mb'),
  out: values.out,
  keep: values.keep === true,
};
const sizes = opt.sizes ?? (opt.quick ? [20, 100] : [20, 100, 500, 3000]);
if (opt.quick) opt.lighthouse = false;
const timeoutMs = opt.timeoutMin * 60_000;

const project = resolve(import.meta.dirname, '..');
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'minsheng-bench-'));
const stamp = new Date().toISOString().replace(/[:.]/gu, '-');
const outFile = resolve(opt.out || join(tmpdir(), `minsheng-bench-${stamp}.json`));
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

// ---------------------------------------------------------------------------
// Running a child, measured

const hasGnuTime = existsSync('/usr/bin/time');

/** Returns the summed VmRSS (KiB) of `root` and all its descendants, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/u.test(e));
  } catch {
    return 0;
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0;
    try {
      const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command (under GNU time when there is one) with a time cap, measuring it. */
function measure(name: string, command: string, commandArgs: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const logFile = join(work, 'logs', `${name}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const stream = createWriteStream(logFile);
  const [file, fileArgs] = hasGnuTime ? ['/usr/bin/time', ['-v', command, ...commandArgs]] : [command, commandArgs];
  const load0 = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(file, fileArgs, {
    cwd,
    env: { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let stderr = '';
  const keep = (chunk: Buffer, isErr: boolean): void => {
    const s = chunk.toString('utf8');
    stream.write(s);
    output = (output + s).slice(-20_000);
    if (isErr) stderr = (stderr + s).slice(-20_000);
  };
  child.stdout.on('data', (c: Buffer) => keep(c, false));
  child.stderr.on('data', (c: Buffer) => keep(c, true));
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
  }, 250);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }, timeoutMs);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      stream.end();
      const wallSeconds = (performance.now() - started) / 1000;
      done({
        command: [command, ...commandArgs].map((a) => (relative(project, a).startsWith('..') ? a : relative(project, a) || a)).join(' '),
        exitCode: code,
        signal,
        timedOut,
        wallSeconds,
        time: parseTimeReport(stderr),
        treePeakRssKiB: peak,
        load: [load0, loadavg()[0] ?? 0],
        tail: withoutTimeReport(output).trim().split('\n').slice(-12).join('\n'),
        logFile,
      });
    });
  });
}

// ---------------------------------------------------------------------------
// A throw-away copy of the project to build in

/** Makes `<work>/project`: copies of src/, public/ and the config files; node_modules entries linked (not its caches). */
function shadowProject(): string {
  return copyProject(project, join(work, 'project'));
}

// ---------------------------------------------------------------------------
// Files and sizes

/** Returns the size of the site built in `dir` (tools/bench/site-size.ts). */
function siteSize(dir: string): SiteSize {
  const files = filesBelow(dir).map((path) => ({ path, bytes: statSync(join(dir, path)).size }));
  const locs = new Map(files.filter((f) => isSitemapPart(f.path)).map((f) => [f.path, countLocs(readFileSync(join(dir, f.path), 'utf8'))] as const));
  return siteSummary(files, locs);
}

// ---------------------------------------------------------------------------
// Page weight of the built-in site

/** Returns the weight of one built page (tools/bench/page-weight.ts), reading the build in `site`. */
function weighPage(site: string, type: string, path: string): PageWeight | undefined {
  return pageWeight((file) => (existsSync(join(site, file)) ? readFileSync(join(site, file)) : undefined), type, path);
}

// ---------------------------------------------------------------------------
// Lighthouse

/** Runs Lighthouse (mobile profile, its default) on each page type of the site served at 127.0.0.1. */
async function runLighthouse(site: string): Promise<LighthouseScores[]> {
  process.env.CHROME_PATH ??= '/usr/bin/chromium';
  const { launch } = await import('chrome-launcher');
  const lighthouse = (await import('lighthouse')).default;
  const server = await serve(site);
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const results: LighthouseScores[] = [];
  try {
    for (const [type, path] of pageTypes) {
      if (!existsSync(join(site, path, 'index.html'))) continue;
      let scores: LighthouseScores;
      try {
        const result = await lighthouse(`${server.origin}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        scores = lighthouseScores(type, path, result?.lhr as LighthouseResult | undefined);
      } catch (error) {
        scores = { type, path, error: error instanceof Error ? error.message : String(error) };
      }
      results.push(scores);
      log(
        `  lighthouse ${type}: perf ${scores.performance ?? '–'} a11y ${scores.accessibility ?? '–'} bp ${scores.bestPractices ?? '–'} seo ${scores.seo ?? '–'}${scores.error ? ` (${scores.error})` : ''}`,
      );
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

/**
 * Opens the search page in Chromium (served from 127.0.0.1) for `托位` over everything, then narrowed
 * to one district of the last part of the index, then for that district's name over everything (a
 * word one district holds), and sums what the page fetched under `pagefind/` until its first
 * screenful (`searchPageCost`: a fresh browser context each, so nothing comes from the cache).
 */
async function searchCost(site: string): Promise<SearchCost[]> {
  const server = await serve(site);
  const browser = await launchChromium();
  const costs: SearchCost[] = [];
  try {
    const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'parts.json'), 'utf8')) as { parts: { districts: string[] }[] };
    const district = manifest.parts.at(-1)?.districts[0];
    const searches: [query: string, filters: Record<string, string>][] = [['托位', {}]];
    if (district) searches.push(['托位', { district }], [district, {}]);
    for (const [query, filters] of searches) {
      const t0 = performance.now();
      const cost = await searchPageCost(browser, server.origin, query, filters);
      costs.push({
        query,
        ...(filters.district ? { district: filters.district } : {}),
        requests: cost.requests,
        bytes: cost.bytes,
        ms: performance.now() - t0,
        results: cost.results,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return costs;
}

// ---------------------------------------------------------------------------
// One corpus size

/** Returns `hugo version`'s first line, or undefined when Hugo is not installed. */
function hugoVersion(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'hugo'))) {
      try {
        return execFileSync(join(dir, 'hugo'), ['version'], { encoding: 'utf8' }).split('\n')[0]?.trim();
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Renders the corpus's commitments with Hugo (minimal templates, tools/bench/hugo.ts) into `<work>/hugo-<name>`; fills `result.hugo`. */
async function buildWithHugo(name: string, content: string, result: SizeResult, version: string): Promise<void> {
  const dir = join(work, `hugo-${name}`);
  for (const [file, text] of Object.entries(hugoSiteFiles(join(content, 'commitments')))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  log('  hugo …');
  const run = await measure(`${name}-hugo`, 'hugo', ['--quiet', '--source', dir, '--destination', join(dir, 'public')], dir, {});
  const pages = filesBelow(join(dir, 'public')).filter((f) => f.endsWith('.html')).length;
  result.hugo = { ...run, pages, version };
  if (!ok(run)) log(`  hugo FAILED (exit ${run.exitCode ?? run.signal}):\n${run.tail.replace(/^/gmu, '    ')}`);
  else log(`  hugo: ${pages} pages in ${formatSeconds(run.wallSeconds)}, ${(pages / run.wallSeconds).toFixed(1)} pages/s, peak ${peakMiB(run).toFixed(0)} MiB`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Renders the corpus's commitments with Astro and the same minimal templates as Hugo
 * (tools/bench/astro-floor.ts) into `<work>/astro-floor-<name>`: Astro's own floor on these files,
 * beside Hugo's rate. Fills `result.astroFloor`.
 */
async function buildAstroFloor(name: string, content: string, result: SizeResult): Promise<void> {
  const dir = writeAstroFloor(project, join(content, 'commitments'), join(work, `astro-floor-${name}`));
  log('  astro floor (the same files and templates as Hugo) …');
  const run = await measure(`${name}-astro-floor`, node, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(dir, 'dist')], dir, {
    ...heapEnv(),
    ...astroBuildEnv,
  });
  const pages = ok(run) ? filesBelow(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length : 0;
  result.astroFloor = { ...run, pages };
  if (!ok(run)) log(`  astro floor FAILED (exit ${run.exitCode ?? run.signal}):\n${run.tail.replace(/^/gmu, '    ')}`);
  else log(`  astro floor: ${pages} pages in ${formatSeconds(run.wallSeconds)}, ${(pages / run.wallSeconds).toFixed(1)} pages/s, peak ${peakMiB(run).toFixed(0)} MiB`);
  rmSync(dir, { recursive: true, force: true });
}

const heapEnv = (): Record<string, string> => (opt.heapMb > 0 ? { NODE_OPTIONS: `--max-old-space-size=${opt.heapMb}` } : {});

/**
 * Runs the whole `npm run build` (`scripts/build.ts`: ingest, snapshots, `astro build` with the search
 * index made beside it, headers) on a content directory in the shadow project; fills `result.whole`.
 */
async function wholeBuild(name: string, content: string, shadow: string, result: SizeResult): Promise<void> {
  const out = join(work, `whole-${name}`);
  log(`  npm run build …`);
  const run = await measure(`${name}-whole`, node, [join(shadow, 'scripts', 'build.ts'), '--out', out], shadow, { MINSHENG_CONTENT_DIR: content, ...heapEnv() });
  result.whole = { ...run };
  if (!ok(run)) {
    log(`  npm run build ${run.timedOut ? `TIMED OUT after ${opt.timeoutMin} min` : `FAILED (exit ${run.exitCode ?? run.signal})`}:\n${run.tail.replace(/^/gmu, '    ')}`);
    return;
  }
  const size = siteSize(out);
  result.whole.pages = size.pages;
  log(
    `  npm run build: ${size.pages} pages in ${formatSeconds(run.wallSeconds)} (cpu ${formatSeconds(cpuSeconds(run))}), ${(size.pages / run.wallSeconds).toFixed(1)} pages/s, peak ${peakMiB(run).toFixed(0)} MiB`,
  );
  if (!opt.keep) rmSync(out, { recursive: true, force: true });
}

/** Builds a content directory into `site` in the shadow project, with Pagefind after it; fills `result`. */
async function buildAndIndex(name: string, content: string, site: string, shadow: string, result: SizeResult): Promise<void> {
  // As `npm run build` runs its astro builds.
  const env = { MINSHENG_CONTENT_DIR: content, ...heapEnv(), ...astroBuildEnv };
  log(`  astro build …`);
  const build = await measure(`${name}-build`, node, [join(shadow, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site], shadow, env);
  const buildLog = readFileSync(build.logFile, 'utf8');
  const reported = reportedBuild(buildLog);
  result.build = { ...build, slowestRoutes: slowestRoutes(buildLog), phases: buildPhases(buildLog) };
  if (reported) {
    result.build.pages = reported.pages;
    result.build.astroReportedSeconds = reported.seconds;
  }
  if (!ok(build)) {
    log(
      `  astro build ${build.timedOut ? `TIMED OUT after ${opt.timeoutMin} min` : `FAILED (exit ${build.exitCode ?? build.signal})`}, peak ${peakMiB(build).toFixed(0)} MiB:\n${build.tail.replace(/^/gmu, '    ')}`,
    );
    return;
  }
  const size = siteSize(site);
  result.build.pagesPerSecond = size.pages / build.wallSeconds;
  result.site = { ...size, bytesPerPage: size.bytes / Math.max(1, size.pages) };
  log(
    `  astro build: ${size.pages} pages in ${formatSeconds(build.wallSeconds)} (cpu ${formatSeconds(cpuSeconds(build))}), ${(size.pages / build.wallSeconds).toFixed(1)} pages/s, peak ${peakMiB(build).toFixed(0)} MiB, ${formatBytes(size.bytes)} (${formatBytes(size.bytes / Math.max(1, size.pages))}/page)`,
  );
  if (!opt.search) return;
  log(`  pagefind …`);
  const search = await measure(`${name}-search`, node, [join(project, 'scripts', 'search-index.ts'), '--site', site], project, heapEnv());
  result.search = { ...search };
  if (!ok(search)) {
    log(`  pagefind ${search.timedOut ? 'TIMED OUT' : `FAILED (exit ${search.exitCode ?? search.signal})`}:\n${search.tail.replace(/^/gmu, '    ')}`);
    return;
  }
  const after = siteSize(site);
  result.search.indexBytes = after.pagefindBytes;
  result.search.indexFiles = after.pagefindFiles;
  Object.assign(result.search, indexSummary(search.tail));
  log(
    `  pagefind: ${result.search.pagesIndexed ?? '?'} pages in ${result.search.parts ?? '?'} part(s) in ${formatSeconds(search.wallSeconds)}, index ${formatBytes(after.pagefindBytes)} in ${after.pagefindFiles} files, peak ${peakMiB(search).toFixed(0)} MiB`,
  );
  const files = indexFiles(site);
  if (files) log(`  pagefind ${breakdownLine(indexBreakdown(files), formatBytes)}`);
  try {
    result.search.cost = await searchCost(site);
    for (const c of result.search.cost)
      log(
        `  search page, “${c.query}”${c.district ? ` in ${c.district}` : ''}: ${c.results} results, ${c.requests} index requests, ${formatBytes(c.bytes)}, ${(c.ms / 1000).toFixed(1)} s`,
      );
  } catch (error) {
    log(`  search page: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Generates, ingests, builds and indexes a synthetic corpus of `notices` notices. */
async function runSize(notices: number, shadow: string): Promise<SizeResult> {
  const dir = join(work, `corpus-${notices}`);
  const site = join(work, `site-${notices}`);
  const result: SizeResult = { notices, corpus: `synthetic, seed ${JSON.stringify(opt.seed)}`, commitments: 0 };
  log(`\n## ${notices} notices`);
  const t0 = performance.now();
  const gen = await measure(
    `${notices}-corpus`,
    node,
    [join(project, 'scripts', 'corpus.ts'), '--notices', String(notices), '--seed', opt.seed, '--per-notice', String(opt.perNotice), '--out', dir, '--force'],
    project,
    {},
  );
  if (!ok(gen)) {
    log(`  corpus FAILED:\n${gen.tail}`);
    return result;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { commitments: number };
  result.commitments = manifest.commitments;
  result.generate = { seconds: (performance.now() - t0) / 1000, bytes: filesBelow(join(dir, 'notices')).reduce((n, f) => n + statSync(join(dir, 'notices', f)).size, 0) };
  log(`  corpus: ${manifest.commitments} commitments, ${formatBytes(result.generate.bytes)} of notices`);

  log(`  ingest …`);
  // A cache of its own, empty: every notice is parsed, as on a fresh machine.
  const ingest = await measure(`${notices}-ingest`, node, [join(project, 'scripts', 'ingest.ts')], project, {
    MINSHENG_CONTENT_DIR: dir,
    [ingestCacheVariable]: join(work, `ingest-cache-${notices}`),
    ...heapEnv(),
  });
  result.ingest = { ...ingest };
  if (!ok(ingest)) {
    log(`  ingest ${ingest.timedOut ? 'TIMED OUT' : 'FAILED'}:\n${ingest.tail}`);
    return result;
  }
  result.ingest.commitmentsPerSecond = manifest.commitments / ingest.wallSeconds;
  log(
    `  ingest: ${formatSeconds(ingest.wallSeconds)} (cpu ${formatSeconds(cpuSeconds(ingest))}), ${(manifest.commitments / ingest.wallSeconds).toFixed(0)} commitments/s, peak ${peakMiB(ingest).toFixed(0)} MiB`,
  );

  await buildAndIndex(String(notices), dir, site, shadow, result);
  if (opt.whole) await wholeBuild(String(notices), dir, shadow, result);
  if (opt.hugo) {
    const version = hugoVersion();
    if (version === undefined) log('  hugo: not installed, comparison skipped (apt-get install -y hugo)');
    else await buildWithHugo(String(notices), dir, result, version);
    await buildAstroFloor(String(notices), dir, result);
  }
  if (!opt.keep) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------------------
// Main

const machine = {
  date: new Date().toISOString(),
  cpus: availableParallelism(),
  cpuModel: /model name\s*:\s*(.+)/u.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  heapLimitMiB: Math.round((await import('node:v8')).getHeapStatistics().heap_size_limit / 2 ** 20),
  astro: (JSON.parse(readFileSync(join(project, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version,
  pagefind: (JSON.parse(readFileSync(join(project, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version,
  gnuTime: hasGnuTime,
  loadAtStart: loadavg(),
};
log(`# minsheng bench — ${machine.date}`);
log(
  `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node} (heap limit ${machine.heapLimitMiB} MiB${opt.heapMb ? `, children --max-old-space-size=${opt.heapMb}` : ''}), Astro ${machine.astro}, Pagefind ${machine.pagefind}`,
);
log(`sizes: ${sizes.join(', ')} notices × ~${opt.perNotice} commitments (seed ${JSON.stringify(opt.seed)}); cap ${opt.timeoutMin} min per step; work dir ${work}`);

const shadow = shadowProject();
const results: {
  machine: typeof machine;
  options: typeof opt;
  sizes: SizeResult[];
  builtIn?: SizeResult;
  pageWeights: PageWeight[];
  lighthouse: LighthouseScores[];
  fits: BenchFits;
} = {
  machine,
  options: { ...opt, sizes },
  sizes: [],
  pageWeights: [],
  lighthouse: [],
  fits: {},
};
const save = (): void => writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

try {
  // The built-in site: page weight and Lighthouse.
  log(`\n## built-in content (${relative(process.cwd(), join(project, 'content')) || 'content'}/)`);
  const builtInSite = join(work, 'site-builtin');
  const builtIn: SizeResult = {
    notices: filesBelow(join(project, 'content', 'notices')).filter((f) => f.endsWith('.txt')).length,
    corpus: 'built-in',
    commitments: filesBelow(join(project, 'content', 'commitments')).filter((f) => f.endsWith('.md')).length,
  };
  await buildAndIndex('builtin', join(project, 'content'), builtInSite, shadow, builtIn);
  results.builtIn = builtIn;
  if (builtIn.build && ok(builtIn.build)) {
    for (const [type, path] of pageTypes) {
      const w = weighPage(builtInSite, type, path);
      if (w) results.pageWeights.push(w);
    }
    if (opt.lighthouse) {
      log('  lighthouse (mobile) …');
      try {
        results.lighthouse = await runLighthouse(builtInSite);
      } catch (error) {
        log(`  lighthouse FAILED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  save();

  for (const n of sizes) {
    results.sizes.push(await runSize(n, shadow));
    save();
  }

  // Fits over the sizes that finished.
  const built = results.sizes.filter((s) => s.build && ok(s.build) && s.site);
  results.fits.buildSecondsPerPage = fitLine(
    built.map((s) => s.site?.pages ?? 0),
    built.map((s) => s.build?.wallSeconds ?? 0),
  );
  results.fits.buildCpuSecondsPerPage = fitLine(
    built.map((s) => s.site?.pages ?? 0),
    built.map((s) => (s.build ? cpuSeconds(s.build) : 0)),
  );
  results.fits.buildPeakMiBPerPage = fitLine(
    built.map((s) => s.site?.pages ?? 0),
    built.map((s) => (s.build ? peakMiB(s.build) : 0)),
  );
  const ingested = results.sizes.filter((s) => s.ingest && ok(s.ingest));
  results.fits.ingestSecondsPerCommitment = fitLine(
    ingested.map((s) => s.commitments),
    ingested.map((s) => s.ingest?.wallSeconds ?? 0),
  );
  const indexed = results.sizes.filter((s) => s.search && ok(s.search) && s.site);
  results.fits.searchSecondsPerPage = fitLine(
    indexed.map((s) => s.site?.pages ?? 0),
    indexed.map((s) => s.search?.wallSeconds ?? 0),
  );
  save();
} finally {
  if (!opt.keep) rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// The report

// The parser on its pathological inputs at 10 K, 100 K and 1 M characters (scripts/bench-parse.ts).
const parseBench = spawnSync(process.execPath, [join(project, 'scripts', 'bench-parse.ts')], { encoding: 'utf8', timeout: opt.timeoutMin * 60_000 });
log(parseBench.status === 0 ? parseBench.stdout.trimEnd() : `\n## Parser on pathological inputs\n\nfailed: ${parseBench.stderr.trim() || parseBench.signal}`);

for (const line of benchReport(results, opt.timeoutMin)) log(line);
log(`\nraw results: ${outFile}`);
