/**
 * `npm run bench [-- --sizes 20,100,500,3000] [--per-notice 33] [--seed bench]
 *   [--no-lighthouse] [--no-search] [--no-hugo] [--quick] [--timeout-min 25] [--heap-mb N]
 *   [--out results.json] [--keep]`
 *
 * Prints figures (it is no test): the parser's time and output size on its
 * pathological inputs at 10 K, 100 K and 1 M characters (scripts/bench-parse.ts); for synthetic corpora of several sizes
 * (`src/lib/bench/`), ingest and `astro build` time, throughput, peak memory
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
 * (`src/lib/bench/hugo.ts`), and the report prints both generators' pages per
 * second and their ratio, for `astro build` alone and for the whole build
 * (ingest, `astro build` and the search index).
 *
 * `--quick`: sizes 20,100 unless `--sizes` is given, no Lighthouse.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Fit, TimeReport } from '../src/lib/bench/stats.ts';
import { hugoSiteFiles } from '../src/lib/bench/hugo.ts';
import { fitLine, formatBytes, formatSeconds, markdownTable, moduleImports, pageAssets, parseTimeReport, withoutTimeReport } from '../src/lib/bench/stats.ts';
import { fail } from './cli.ts';
import { indexFiles, launchChromium, serve } from './search-harness.ts';
import { breakdownLine, indexBreakdown } from '../src/lib/search/size.ts';

// ---------------------------------------------------------------------------
// Options

const usage =
  'usage: npm run bench [-- --sizes 20,100,500,3000] [--per-notice 33] [--seed bench] [--no-lighthouse] [--no-search] [--no-hugo] [--quick] [--timeout-min 25] [--heap-mb N] [--out FILE] [--keep]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = { sizes: undefined as number[] | undefined, perNotice: 33, seed: 'bench', lighthouse: true, search: true, hugo: true, quick: false, timeoutMin: 25, heapMb: 0, out: '', keep: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? '';
  const value = (): string => {
    const v = args[++i];
    if (v === undefined) fail(`${usage}  (${a} needs a value)`, 2);
    return v;
  };
  const whole = (v: string): number => {
    if (!/^\d+$/u.test(v)) fail(`bench: error: ${a} takes whole numbers, not “${v}”`, 2);
    return Number(v);
  };
  if (a === '--sizes') opt.sizes = value().split(',').filter((s) => s !== '').map(whole);
  else if (a === '--per-notice') opt.perNotice = whole(value());
  else if (a === '--seed') opt.seed = value();
  else if (a === '--no-lighthouse') opt.lighthouse = false;
  else if (a === '--no-search') opt.search = false;
  else if (a === '--no-hugo') opt.hugo = false;
  else if (a === '--quick') opt.quick = true;
  else if (a === '--timeout-min') opt.timeoutMin = whole(value());
  else if (a === '--heap-mb') opt.heapMb = whole(value());
  else if (a === '--out') opt.out = value();
  else if (a === '--keep') opt.keep = true;
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}
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

/** What one measured child process did. */
interface Run {
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallSeconds: number;
  /** From GNU time: user and system CPU seconds, and the largest single process's peak RSS. */
  time: TimeReport;
  /** Peak of the summed RSS of the whole process tree, sampled every 250 ms, in KiB. */
  treePeakRssKiB: number;
  /** The 1-minute load average before and after (other work on the machine slows wall time). */
  load: [number, number];
  /** The last lines the command wrote (stdout and stderr), for failures. */
  tail: string;
  /** Where its whole output is. */
  logFile: string;
}

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
        command: [command, ...commandArgs].map((a) => relative(project, a).startsWith('..') ? a : relative(project, a) || a).join(' '),
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

const ok = (r: Run): boolean => r.exitCode === 0 && !r.timedOut;
const cpuSeconds = (r: Run): number => (r.time.userSeconds ?? Number.NaN) + (r.time.systemSeconds ?? 0);
const peakMiB = (r: Run): number => Math.max(r.time.maxRssKiB ?? 0, r.treePeakRssKiB) / 1024;

// ---------------------------------------------------------------------------
// A throw-away copy of the project to build in

/** Makes `<work>/project`: copies of src/, public/ and the config files; node_modules entries linked (not .astro or .vite). */
function shadowProject(): string {
  const dir = join(work, 'project');
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(project, entry))) cpSync(join(project, entry), join(dir, entry), { recursive: true });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(project, 'node_modules', entry), join(modules, entry));
  }
  return dir;
}

// ---------------------------------------------------------------------------
// Files and sizes

/** Every file below `dir` (relative paths, `/`-separated). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
}

/** Files, bytes, HTML pages and the largest pages of a built site. */
function siteSize(dir: string): {
  files: number;
  bytes: number;
  pages: number;
  htmlBytes: number;
  largest: { path: string; bytes: number }[];
  aggregates: { path: string; bytes: number }[];
  sitemapUrls: number;
  sitemapParts: number;
  sitemapLargestPart: number;
  pagefindBytes: number;
  pagefindFiles: number;
} {
  let bytes = 0;
  let htmlBytes = 0;
  let pages = 0;
  let pagefindBytes = 0;
  let pagefindFiles = 0;
  const html: { path: string; bytes: number }[] = [];
  const files = filesBelow(dir);
  for (const f of files) {
    const size = statSync(join(dir, f)).size;
    if (f.startsWith('pagefind/')) {
      pagefindBytes += size;
      pagefindFiles++;
      continue;
    }
    bytes += size;
    if (f.endsWith('.html')) {
      htmlBytes += size;
      if (f.endsWith('index.html')) pages++;
      html.push({ path: f, bytes: size });
    }
  }
  const other = files.filter((f) => !f.startsWith('pagefind/') && !f.endsWith('.html'));
  const big = [...html, ...other.map((f) => ({ path: f, bytes: statSync(join(dir, f)).size }))].sort((a, b) => b.bytes - a.bytes).slice(0, 8);
  // The pages that aggregate a whole year (or the whole site): they grow with the corpus, not per page.
  const aggregate = (re: RegExp): { path: string; bytes: number } | undefined =>
    files.filter((f) => re.test(f)).map((f) => ({ path: f, bytes: statSync(join(dir, f)).size })).sort((a, b) => b.bytes - a.bytes)[0];
  const aggregates = [
    aggregate(/^index\.html$/u),
    aggregate(/^\d{4}\/index\.html$/u),
    aggregate(/^\d{4}\/categories\/[^/]+\/index\.html$/u),
    aggregate(/^\d{4}\/units\/index\.html$/u),
    aggregate(/^\d{4}\/feed\.xml$/u),
    aggregate(/^data\/\d{4}\.json$/u),
    aggregate(/^data\/\d{4}\.csv$/u),
    aggregate(/^data\/index\.html$/u),
    // The largest file of the sitemap: its index, or one of its parts.
    aggregate(/^sitemap(?:-\d+)?\.xml$/u),
  ].filter((a): a is { path: string; bytes: number } => a !== undefined);
  // URLs in the sitemap's parts (`/sitemap-1.xml`…), the largest part's count, and how many parts.
  const locs = (f: string): number => (readFileSync(join(dir, f), 'utf8').match(/<loc>/gu) ?? []).length;
  const parts = files.filter((f) => /^sitemap-\d+\.xml$/u.test(f)).map(locs);
  const sitemapUrls = parts.reduce((a, b) => a + b, 0);
  const sitemapLargestPart = Math.max(0, ...parts);
  return { files: files.length - pagefindFiles, bytes, pages, htmlBytes, largest: big, aggregates, sitemapUrls, sitemapParts: parts.length, sitemapLargestPart, pagefindBytes, pagefindFiles };
}

// ---------------------------------------------------------------------------
// Page weight of the built-in site

interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

const weigh = (buf: Buffer): Weight => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero: Weight = { raw: 0, gzip: 0, brotli: 0 };

interface PageWeight {
  type: string;
  path: string;
  html: Weight;
  /** CSS inside the HTML (`<style>`), raw bytes (already counted in `html`). */
  inlineCssBytes: number;
  /** External stylesheets. */
  css: Weight;
  /** JavaScript loaded with the page: `<script src>` and what those import statically; plus inline scripts' raw bytes. */
  js: Weight;
  inlineJsBytes: number;
  /** Chunks loaded later by dynamic import() (the chart renderer with chart.js). */
  lazyJs: Weight;
  /** Requests when the page loads: the document, its stylesheets, scripts and their static imports (favicon not counted). */
  requests: number;
  lazyRequests: number;
  /** All of it, as transferred on the first load (HTML + CSS + JS), gzip and brotli. */
  total: Weight;
  /** No script runs: no script file and no inline script (JSON-LD is data, not script). */
  zeroJs: boolean;
  /** The compressed HTML fits the first round trip of a new TCP connection (10 segments × 1460 B = 14 600 B). */
  fitsFirstRoundTripGzip: boolean;
  fitsFirstRoundTripBrotli: boolean;
}

/** One page of each type of the built-in site (paths exist in the committed content). */
const pageTypes: [string, string][] = [
  ['home', '/'],
  ['year overview', '/2023/'],
  ['district (notice)', '/2023/huaibei-xiangshan/'],
  ['commitment', '/2023/huaibei-xiangshan/18/'],
  ['commitment (short)', '/2023/jinan-shizhong/1/'],
  ['original notice', '/2023/huaibei-xiangshan/source/'],
  ['department', '/2023/huaibei-xiangshan/units/can-ji-ren-lian-he-hui/'],
  ['departments index', '/2023/units/'],
  ['topics index', '/2023/categories/'],
  ['topic', '/2023/categories/childcare-education/'],
  ['search', '/search/'],
  ['open data', '/data/'],
];

const firstRoundTrip = 14_600;

/** Returns the weight of one built page. */
function pageWeight(site: string, type: string, path: string): PageWeight | undefined {
  const file = join(site, path, 'index.html');
  if (!existsSync(file)) return undefined;
  const buf = readFileSync(file);
  const html = buf.toString('utf8');
  const assets = pageAssets(html);
  const fileOf = (url: string, from: string): string => join(site, posix.normalize(url.startsWith('/') ? url : posix.join(posix.dirname(from), url)));
  let css = zero;
  for (const href of assets.stylesheets) if (existsSync(fileOf(href, '/'))) css = add(css, weigh(readFileSync(fileOf(href, '/'))));
  // Scripts and their static imports load with the page; dynamic imports later.
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  const visit = (url: string, into: Set<string>): void => {
    if (loaded.has(url) || lazy.has(url)) return;
    const f = fileOf(url, '/');
    if (!existsSync(f)) return;
    into.add(url);
    const imports = moduleImports(readFileSync(f, 'utf8'));
    for (const s of imports.static) visit(posix.join(posix.dirname(url), s), into);
    for (const d of imports.dynamic) visit(posix.join(posix.dirname(url), d), lazy);
  };
  for (const src of assets.scripts) visit(src.startsWith('/') ? src : posix.join(path, src), loaded);
  let js = zero;
  for (const u of loaded) js = add(js, weigh(readFileSync(fileOf(u, '/'))));
  let lazyJs = zero;
  for (const u of lazy) lazyJs = add(lazyJs, weigh(readFileSync(fileOf(u, '/'))));
  const htmlWeight = weigh(buf);
  return {
    type,
    path,
    html: htmlWeight,
    inlineCssBytes: assets.inlineCssBytes,
    css,
    js,
    inlineJsBytes: assets.inlineJsBytes,
    lazyJs,
    requests: 1 + assets.stylesheets.length + loaded.size,
    lazyRequests: lazy.size,
    total: add(add(htmlWeight, css), js),
    zeroJs: loaded.size === 0 && assets.inlineJsBytes === 0,
    fitsFirstRoundTripGzip: htmlWeight.gzip <= firstRoundTrip,
    fitsFirstRoundTripBrotli: htmlWeight.brotli <= firstRoundTrip,
  };
}

// ---------------------------------------------------------------------------
// Lighthouse

interface LighthouseScores {
  type: string;
  path: string;
  performance?: number;
  accessibility?: number;
  bestPractices?: number;
  seo?: number;
  firstContentfulPaintMs?: number;
  largestContentfulPaintMs?: number;
  totalBlockingTimeMs?: number;
  cumulativeLayoutShift?: number;
  error?: string;
}

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
      const scores: LighthouseScores = { type, path };
      try {
        const result = await lighthouse(`${server.origin}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const lhr = result?.lhr;
        const score = (id: string): number | undefined => {
          const s = lhr?.categories[id]?.score;
          return typeof s === 'number' ? Math.round(s * 100) : undefined;
        };
        const metric = (id: string): number | undefined => {
          const v = lhr?.audits[id]?.numericValue;
          return typeof v === 'number' ? Math.round(v * 1000) / 1000 : undefined;
        };
        const set = <K extends keyof LighthouseScores>(key: K, value: LighthouseScores[K] | undefined): void => {
          if (value !== undefined) scores[key] = value;
        };
        set('performance', score('performance'));
        set('accessibility', score('accessibility'));
        set('bestPractices', score('best-practices'));
        set('seo', score('seo'));
        set('firstContentfulPaintMs', metric('first-contentful-paint'));
        set('largestContentfulPaintMs', metric('largest-contentful-paint'));
        set('totalBlockingTimeMs', metric('total-blocking-time'));
        set('cumulativeLayoutShift', metric('cumulative-layout-shift'));
        if (lhr?.runtimeError) scores.error = lhr.runtimeError.message;
      } catch (error) {
        scores.error = error instanceof Error ? error.message : String(error);
      }
      results.push(scores);
      log(`  lighthouse ${type}: perf ${scores.performance ?? '–'} a11y ${scores.accessibility ?? '–'} bp ${scores.bestPractices ?? '–'} seo ${scores.seo ?? '–'}${scores.error ? ` (${scores.error})` : ''}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

/** What one search on the search page downloads from the index. */
interface SearchCost {
  query: string;
  district?: string;
  requests: number;
  bytes: number;
  ms: number;
  results: number;
}

/**
 * Opens the search page in Chromium (served from 127.0.0.1) for `托位` over everything, then narrowed
 * to one district of the last part of the index, and sums what the page fetched under `pagefind/`
 * (a fresh browser context each, so nothing comes from the cache).
 */
async function searchCost(site: string): Promise<SearchCost[]> {
  const server = await serve(site);
  const browser = await launchChromium();
  const costs: SearchCost[] = [];
  try {
    const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'parts.json'), 'utf8')) as { parts: { districts: string[] }[] };
    const district = manifest.parts.at(-1)?.districts[0];
    for (const filters of [{}, ...(district ? [{ district }] : [])] as Record<string, string>[]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.includes('/pagefind/')) sizes.push(r.body().then((b) => b.length, () => 0));
      });
      const query = '托位';
      const t0 = performance.now();
      await page.goto(`${server.origin}/search/?${new URLSearchParams({ q: query, ...filters }).toString()}`);
      await page.waitForFunction(() => /找到|没有找到|没有加载/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 120_000 });
      const ms = performance.now() - t0;
      const status = (await page.locator('[data-search-status]').textContent()) ?? '';
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      costs.push({ query, ...(filters.district ? { district: filters.district } : {}), requests: sizes.length, bytes, ms, results: Number(/找到 (\d+) 个/u.exec(status)?.[1] ?? 0) });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return costs;
}

// ---------------------------------------------------------------------------
// One corpus size

interface SizeResult {
  notices: number;
  /** For the built-in content: its name; synthetic sizes have a seed. */
  corpus: string;
  commitments: number;
  generate?: { seconds: number; bytes: number };
  ingest?: Run & { commitmentsPerSecond?: number };
  build?: Run & { pages?: number; pagesPerSecond?: number; astroReportedSeconds?: number; slowestRoutes: { path: string; seconds: number }[]; phases: Record<string, number> };
  site?: ReturnType<typeof siteSize> & { bytesPerPage: number };
  search?: Run & { indexBytes?: number; indexFiles?: number; pagesIndexed?: number; parts?: number; cost?: SearchCost[] };
  /** Hugo on the same commitments (minimal templates): its run and the HTML pages it wrote. */
  hugo?: Run & { pages: number; version: string };
}

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

/** Renders the corpus's commitments with Hugo (minimal templates, src/lib/bench/hugo.ts) into `<work>/hugo-<name>`; fills `result.hugo`. */
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

/** The routes Astro took longest to render, from its log (`├─ /path (+1.23s)`). */
function slowestRoutes(buildLog: string): { path: string; seconds: number }[] {
  return [...buildLog.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/gu)]
    .map((m) => ({ path: m[1] ?? '', seconds: Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 10);
}

/** Seconds of the build's phases as Astro logs them (content sync, static entrypoints, route generation). */
function phases(buildLog: string): Record<string, number> {
  const clock = [...buildLog.matchAll(/^(\d\d):(\d\d):(\d\d) (.*)$/gmu)].map((m) => ({ t: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]), text: m[4] ?? '' }));
  const at = (re: RegExp): number | undefined => clock.find((c) => re.test(c.text))?.t;
  const out: Record<string, number> = {};
  const sync0 = at(/\[content\] Syncing content/u);
  const sync1 = at(/\[content\] Synced content/u);
  const vite0 = at(/Building static entrypoints/u);
  const routes0 = at(/Rearranging server assets/u);
  const end = clock.at(-1)?.t;
  if (sync0 !== undefined && sync1 !== undefined) out.contentSync = sync1 - sync0;
  if (vite0 !== undefined && routes0 !== undefined) out.viteBundle = routes0 - vite0;
  if (routes0 !== undefined && end !== undefined) out.routes = end - routes0;
  return out;
}

const heapEnv = (): Record<string, string> => (opt.heapMb > 0 ? { NODE_OPTIONS: `--max-old-space-size=${opt.heapMb}` } : {});

/** Builds a content directory into `site` in the shadow project, with Pagefind after it; fills `result`. */
async function buildAndIndex(name: string, content: string, site: string, shadow: string, result: SizeResult): Promise<void> {
  const env = { MINSHENG_CONTENT_DIR: content, ...heapEnv() };
  log(`  astro build …`);
  const build = await measure(`${name}-build`, node, [join(shadow, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site], shadow, env);
  const buildLog = readFileSync(build.logFile, 'utf8');
  const reported = /\[build\] (\d+) page\(s\) built in (?:(\d+)m\s*)?([\d.]+)(m?s)/u.exec(buildLog);
  result.build = { ...build, slowestRoutes: slowestRoutes(buildLog), phases: phases(buildLog) };
  if (reported) {
    result.build.pages = Number(reported[1]);
    result.build.astroReportedSeconds = Number(reported[2] ?? 0) * 60 + Number(reported[3]) / (reported[4] === 'ms' ? 1000 : 1);
  }
  if (!ok(build)) {
    log(`  astro build ${build.timedOut ? `TIMED OUT after ${opt.timeoutMin} min` : `FAILED (exit ${build.exitCode ?? build.signal})`}, peak ${peakMiB(build).toFixed(0)} MiB:\n${build.tail.replace(/^/gmu, '    ')}`);
    return;
  }
  const size = siteSize(site);
  result.build.pagesPerSecond = size.pages / build.wallSeconds;
  result.site = { ...size, bytesPerPage: size.bytes / Math.max(1, size.pages) };
  log(`  astro build: ${size.pages} pages in ${formatSeconds(build.wallSeconds)} (cpu ${formatSeconds(cpuSeconds(build))}), ${(size.pages / build.wallSeconds).toFixed(1)} pages/s, peak ${peakMiB(build).toFixed(0)} MiB, ${formatBytes(size.bytes)} (${formatBytes(size.bytes / Math.max(1, size.pages))}/page)`);
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
  const indexed = /(\d+) pages indexed/u.exec(search.tail);
  if (indexed) result.search.pagesIndexed = Number(indexed[1]);
  const parts = /in (\d+) part\(s\)/u.exec(search.tail);
  if (parts) result.search.parts = Number(parts[1]);
  log(`  pagefind: ${result.search.pagesIndexed ?? '?'} pages in ${result.search.parts ?? '?'} part(s) in ${formatSeconds(search.wallSeconds)}, index ${formatBytes(after.pagefindBytes)} in ${after.pagefindFiles} files, peak ${peakMiB(search).toFixed(0)} MiB`);
  const files = indexFiles(site);
  if (files) log(`  pagefind ${breakdownLine(indexBreakdown(files), formatBytes)}`);
  try {
    result.search.cost = await searchCost(site);
    for (const c of result.search.cost) log(`  search page, “${c.query}”${c.district ? ` in ${c.district}` : ''}: ${c.results} results, ${c.requests} index requests, ${formatBytes(c.bytes)}, ${(c.ms / 1000).toFixed(1)} s`);
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
  const gen = await measure(`${notices}-corpus`, node, [join(project, 'scripts', 'corpus.ts'), '--notices', String(notices), '--seed', opt.seed, '--per-notice', String(opt.perNotice), '--out', dir, '--force'], project, {});
  if (!ok(gen)) {
    log(`  corpus FAILED:\n${gen.tail}`);
    return result;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { commitments: number };
  result.commitments = manifest.commitments;
  result.generate = { seconds: (performance.now() - t0) / 1000, bytes: filesBelow(join(dir, 'notices')).reduce((n, f) => n + statSync(join(dir, 'notices', f)).size, 0) };
  log(`  corpus: ${manifest.commitments} commitments, ${formatBytes(result.generate.bytes)} of notices`);

  log(`  ingest …`);
  const ingest = await measure(`${notices}-ingest`, node, [join(project, 'scripts', 'ingest.ts')], project, { MINSHENG_CONTENT_DIR: dir, ...heapEnv() });
  result.ingest = { ...ingest };
  if (!ok(ingest)) {
    log(`  ingest ${ingest.timedOut ? 'TIMED OUT' : 'FAILED'}:\n${ingest.tail}`);
    return result;
  }
  result.ingest.commitmentsPerSecond = manifest.commitments / ingest.wallSeconds;
  log(`  ingest: ${formatSeconds(ingest.wallSeconds)} (cpu ${formatSeconds(cpuSeconds(ingest))}), ${(manifest.commitments / ingest.wallSeconds).toFixed(0)} commitments/s, peak ${peakMiB(ingest).toFixed(0)} MiB`);

  await buildAndIndex(String(notices), dir, site, shadow, result);
  if (opt.hugo) {
    const version = hugoVersion();
    if (version === undefined) log('  hugo: not installed, comparison skipped (apt-get install -y hugo)');
    else await buildWithHugo(String(notices), dir, result, version);
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
  heapLimitMiB: Math.round(((await import('node:v8')).getHeapStatistics().heap_size_limit / 2 ** 20)),
  astro: (JSON.parse(readFileSync(join(project, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version,
  pagefind: (JSON.parse(readFileSync(join(project, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version,
  gnuTime: hasGnuTime,
  loadAtStart: loadavg(),
};
log(`# minsheng bench — ${machine.date}`);
log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node} (heap limit ${machine.heapLimitMiB} MiB${opt.heapMb ? `, children --max-old-space-size=${opt.heapMb}` : ''}), Astro ${machine.astro}, Pagefind ${machine.pagefind}`);
log(`sizes: ${sizes.join(', ')} notices × ~${opt.perNotice} commitments (seed ${JSON.stringify(opt.seed)}); cap ${opt.timeoutMin} min per step; work dir ${work}`);

const shadow = shadowProject();
const results: { machine: typeof machine; options: typeof opt; sizes: SizeResult[]; builtIn?: SizeResult; pageWeights: PageWeight[]; lighthouse: LighthouseScores[]; fits: Record<string, Fit | undefined> } = {
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
  const builtIn: SizeResult = { notices: filesBelow(join(project, 'content', 'notices')).filter((f) => f.endsWith('.txt')).length, corpus: 'built-in', commitments: filesBelow(join(project, 'content', 'commitments')).filter((f) => f.endsWith('.md')).length };
  await buildAndIndex('builtin', join(project, 'content'), builtInSite, shadow, builtIn);
  results.builtIn = builtIn;
  if (builtIn.build && ok(builtIn.build)) {
    for (const [type, path] of pageTypes) {
      const w = pageWeight(builtInSite, type, path);
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
  results.fits.buildSecondsPerPage = fitLine(built.map((s) => s.site?.pages ?? 0), built.map((s) => s.build?.wallSeconds ?? 0));
  results.fits.buildCpuSecondsPerPage = fitLine(built.map((s) => s.site?.pages ?? 0), built.map((s) => (s.build ? cpuSeconds(s.build) : 0)));
  results.fits.buildPeakMiBPerPage = fitLine(built.map((s) => s.site?.pages ?? 0), built.map((s) => (s.build ? peakMiB(s.build) : 0)));
  const ingested = results.sizes.filter((s) => s.ingest && ok(s.ingest));
  results.fits.ingestSecondsPerCommitment = fitLine(ingested.map((s) => s.commitments), ingested.map((s) => s.ingest?.wallSeconds ?? 0));
  const indexed = results.sizes.filter((s) => s.search && ok(s.search) && s.site);
  results.fits.searchSecondsPerPage = fitLine(indexed.map((s) => s.site?.pages ?? 0), indexed.map((s) => s.search?.wallSeconds ?? 0));
  save();
} finally {
  if (!opt.keep) rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// The report

// The parser on its pathological inputs at 10 K, 100 K and 1 M characters (scripts/bench-parse.ts).
const parseBench = spawnSync(process.execPath, [join(project, 'scripts', 'bench-parse.ts')], { encoding: 'utf8', timeout: opt.timeoutMin * 60_000 });
log(parseBench.status === 0 ? parseBench.stdout.trimEnd() : `\n## Parser on pathological inputs\n\nfailed: ${parseBench.stderr.trim() || parseBench.signal}`);

const status = (r: Run | undefined): string => (r === undefined ? '–' : r.timedOut ? `timeout (${opt.timeoutMin} min)` : r.exitCode !== 0 ? `failed (${r.exitCode ?? r.signal})` : formatSeconds(r.wallSeconds));
const rows = [...(results.builtIn ? [results.builtIn] : []), ...results.sizes].map((s) => [
  s.corpus === 'built-in' ? `built-in (${s.notices})` : String(s.notices),
  String(s.commitments),
  status(s.ingest),
  s.ingest && ok(s.ingest) ? `${(s.commitments / s.ingest.wallSeconds).toFixed(0)}/s` : '–',
  s.ingest ? `${peakMiB(s.ingest).toFixed(0)} MiB` : '–',
  String(s.site?.pages ?? s.build?.pages ?? '–'),
  status(s.build),
  s.build ? formatSeconds(cpuSeconds(s.build)) : '–',
  s.build?.pagesPerSecond !== undefined ? s.build.pagesPerSecond.toFixed(1) : '–',
  s.build ? `${peakMiB(s.build).toFixed(0)} MiB` : '–',
  s.site ? formatBytes(s.site.bytes) : '–',
  s.site ? formatBytes(s.site.bytesPerPage) : '–',
  status(s.search),
  s.search?.indexBytes !== undefined ? `${formatBytes(s.search.indexBytes)}${s.search.parts !== undefined && s.search.parts > 1 ? ` (${s.search.parts} parts)` : ''}` : '–',
  s.build ? `${s.build.load[0].toFixed(1)}→${s.build.load[1].toFixed(1)}` : '–',
]);
log('\n## Build at scale\n');
log(markdownTable(['notices', 'commitments', 'ingest', 'ingest rate', 'ingest peak', 'pages', 'build (wall)', 'build (cpu)', 'pages/s', 'build peak RSS', 'output', 'per page', 'pagefind', 'index', 'load 1 min'], rows));
const fitText = (name: string, f: Fit | undefined, unit: string, scale = 1): string =>
  f ? `${name}: ${f.intercept.toFixed(1)} s fixed + ${(f.slope * scale).toFixed(2)} ${unit} (R² ${Number.isNaN(f.r2) ? '–' : f.r2.toFixed(3)}, ${f.points} sizes)` : `${name}: not enough finished sizes to fit`;
log('');
log(fitText('build wall time', results.fits.buildSecondsPerPage, 'ms/page', 1000));
log(fitText('build cpu time', results.fits.buildCpuSecondsPerPage, 'ms/page', 1000));
log(fitText('ingest wall time', results.fits.ingestSecondsPerCommitment, 'ms/commitment', 1000));
log(fitText('pagefind wall time', results.fits.searchSecondsPerPage, 'ms/page', 1000));
const costRows = [...(results.builtIn ? [results.builtIn] : []), ...results.sizes].flatMap((s) =>
  (s.search?.cost ?? []).map((c) => [
    s.corpus === 'built-in' ? `built-in (${s.notices})` : String(s.notices),
    String(s.search?.parts ?? 1),
    s.search ? `${peakMiB(s.search).toFixed(0)} MiB` : '–',
    c.district ? `“${c.query}” in ${c.district}` : `“${c.query}”, everywhere`,
    String(c.results),
    String(c.requests),
    formatBytes(c.bytes),
    `${(c.ms / 1000).toFixed(1)} s`,
  ]),
);
if (costRows.length > 0) {
  log('\n## Search: indexing peak and what one search downloads (search page in Chromium, 127.0.0.1, empty cache)\n');
  log(markdownTable(['notices', 'index parts', 'indexing peak RSS', 'search', 'results', 'index requests', 'index bytes', 'time to results'], costRows));
  log('');
}
const compared = results.sizes.filter((s) => s.hugo && ok(s.hugo) && s.build && ok(s.build) && s.site);
if (compared.length > 0) {
  log(`\n## Against Hugo on the same commitments (${compared[0]?.hugo?.version ?? 'hugo'}, minimal templates)\n`);
  log('whole build: ingest + `astro build` + search index, as `npm run build` runs them.\n');
  log(
    markdownTable(
      ['notices', 'hugo pages', 'hugo', 'hugo pages/s', 'astro pages', 'astro build', 'astro pages/s', 'ratio (astro / hugo)', 'whole build', 'whole pages/s', 'ratio (whole / hugo)'],
      compared.map((s) => {
        const hugoRate = (s.hugo?.pages ?? 0) / (s.hugo?.wallSeconds ?? 1);
        const pages = s.site?.pages ?? 0;
        const astroRate = pages / (s.build?.wallSeconds ?? 1);
        const whole = (s.ingest?.wallSeconds ?? 0) + (s.build?.wallSeconds ?? 0) + (s.search && ok(s.search) ? s.search.wallSeconds : Number.NaN);
        const wholeRate = pages / whole;
        return [
          String(s.notices),
          String(s.hugo?.pages ?? 0),
          formatSeconds(s.hugo?.wallSeconds ?? 0),
          hugoRate.toFixed(1),
          String(pages),
          formatSeconds(s.build?.wallSeconds ?? 0),
          astroRate.toFixed(1),
          (astroRate / hugoRate).toFixed(2),
          Number.isNaN(whole) ? '–' : formatSeconds(whole),
          Number.isNaN(wholeRate) ? '–' : wholeRate.toFixed(1),
          Number.isNaN(wholeRate) ? '–' : (wholeRate / hugoRate).toFixed(2),
        ];
      }),
    ),
  );
}
const mem = results.fits.buildPeakMiBPerPage;
if (mem) log(`build peak memory: ${mem.intercept.toFixed(0)} MiB + ${(mem.slope * 1000).toFixed(1)} MiB per 1000 pages (R² ${Number.isNaN(mem.r2) ? '–' : mem.r2.toFixed(3)})`);
for (const s of [...(results.builtIn ? [results.builtIn] : []), ...results.sizes]) {
  if (!s.build) continue;
  const p = s.build.phases;
  log(
    `${s.corpus === 'built-in' ? 'built-in' : `${s.notices} notices`}: phases (wall) content sync ${p.contentSync ?? '–'} s, vite ${p.viteBundle ?? '–'} s, routes ${p.routes ?? '–'} s; ` +
      `slowest routes: ${s.build.slowestRoutes.slice(0, 6).map((r) => `${r.path} ${r.seconds.toFixed(1)} s`).join(', ') || '–'}`,
  );
}
const withSites = [...(results.builtIn ? [results.builtIn] : []), ...results.sizes].filter((s) => s.site);
if (withSites.length > 0) {
  log('\n## Pages that aggregate a whole year (largest of each kind)\n');
  const kinds = ['index.html', '<year>/index.html', '<year>/categories/<topic>/', '<year>/units/', '<year>/feed.xml', 'data/<year>.json', 'data/<year>.csv', 'data/index.html', 'sitemap file'];
  const kindOf = (p: string): string =>
    p === 'index.html' ? kinds[0] ?? p
      : /^\d{4}\/index\.html$/u.test(p) ? kinds[1] ?? p
        : p.includes('/categories/') ? kinds[2] ?? p
          : p.includes('/units/') ? kinds[3] ?? p
            : p.endsWith('feed.xml') ? kinds[4] ?? p
              : p.endsWith('.json') ? kinds[5] ?? p
                : p.endsWith('.csv') ? kinds[6] ?? p
                  : p.startsWith('data/') ? kinds[7] ?? p
                    : kinds[8] ?? p;
  log(
    markdownTable(
      ['notices', ...kinds, 'sitemap URLs (parts, largest)'],
      withSites.map((s) => [
        s.corpus === 'built-in' ? `built-in (${s.notices})` : String(s.notices),
        ...kinds.map((k) => {
          const a = s.site?.aggregates.find((x) => kindOf(x.path) === k);
          return a ? formatBytes(a.bytes) : '–';
        }),
        `${s.site?.sitemapUrls ?? 0} (${s.site?.sitemapParts ?? 0}, ${s.site?.sitemapLargestPart ?? 0}${(s.site?.sitemapLargestPart ?? 0) > 50_000 ? ', over the 50 000 limit' : ''})`,
      ]),
    ),
  );
}

if (results.pageWeights.length > 0) {
  log('\n## Page weight (built-in site)\n');
  const kb = (w: Weight): string => `${formatBytes(w.raw)} / ${formatBytes(w.gzip)} / ${formatBytes(w.brotli)}`;
  log(
    markdownTable(
      ['page type', 'HTML raw / gz / br', 'inline CSS', 'CSS files', 'JS on load raw / gz / br', 'lazy JS (chart) raw / gz / br', 'requests (+lazy)', 'total gz / br', 'zero JS', 'HTML ≤ 14.6 KB (gz / br)'],
      results.pageWeights.map((p) => [
        `${p.type} \`${p.path}\``,
        kb(p.html),
        formatBytes(p.inlineCssBytes),
        p.css.raw > 0 ? kb(p.css) : '0',
        p.js.raw > 0 ? kb(p.js) : '0',
        p.lazyJs.raw > 0 ? kb(p.lazyJs) : '0',
        `${p.requests}${p.lazyRequests > 0 ? ` (+${p.lazyRequests})` : ''}`,
        `${formatBytes(p.total.gzip)} / ${formatBytes(p.total.brotli)}`,
        p.zeroJs ? 'yes' : 'no',
        `${p.fitsFirstRoundTripGzip ? 'yes' : 'no'} / ${p.fitsFirstRoundTripBrotli ? 'yes' : 'no'}`,
      ]),
    ),
  );
}
if (results.lighthouse.length > 0) {
  log('\n## Lighthouse (mobile, built-in site, served from 127.0.0.1)\n');
  log(
    markdownTable(
      ['page type', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
      results.lighthouse.map((l) => [
        `${l.type} \`${l.path}\``,
        String(l.performance ?? '–'),
        String(l.accessibility ?? '–'),
        String(l.bestPractices ?? '–'),
        String(l.seo ?? '–'),
        l.firstContentfulPaintMs !== undefined ? `${(l.firstContentfulPaintMs / 1000).toFixed(1)} s` : '–',
        l.largestContentfulPaintMs !== undefined ? `${(l.largestContentfulPaintMs / 1000).toFixed(1)} s` : '–',
        l.totalBlockingTimeMs !== undefined ? `${Math.round(l.totalBlockingTimeMs)} ms` : '–',
        l.cumulativeLayoutShift !== undefined ? l.cumulativeLayoutShift.toFixed(3) : '–',
      ]),
    ),
  );
}
log(`\nraw results: ${outFile}`);
