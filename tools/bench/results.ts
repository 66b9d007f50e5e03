/**
 * What `npm run bench` measures, as the records it writes to its raw-results JSON and prints from: a
 * measured child process (`Run`), one corpus size (`SizeResult`), a built site's size, a page's weight,
 * Lighthouse's scores and what one search downloads. Types and small pure readings of them.
 */
import type { TimeReport } from './stats.ts';

/** What one measured child process did. */
export interface Run {
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

/** Returns whether the run finished with exit code 0 within its time cap. */
export function succeeded(r: Run): boolean {
  return r.exitCode === 0 && !r.timedOut;
}

/** Returns the run's CPU seconds (user + system; NaN without GNU time). */
export function cpuSeconds(r: Run): number {
  return (r.time.userSeconds ?? Number.NaN) + (r.time.systemSeconds ?? 0);
}

/** Returns the run's peak memory in MiB: the larger of GNU time's largest process and the polled process tree. */
export function peakMiB(r: Run): number {
  return Math.max(r.time.maxRssKiB ?? 0, r.treePeakRssKiB) / 1024;
}

/** A file of a built site and its size. */
export interface SizedFile {
  path: string;
  bytes: number;
}

/** Files, bytes, HTML pages and the largest pages of a built site (its search index apart). */
export interface SiteSize {
  files: number;
  bytes: number;
  /** `index.html` files: one per page. */
  pages: number;
  htmlBytes: number;
  /** The eight largest files. */
  largest: SizedFile[];
  /** The largest file of each aggregate kind (`aggregateKinds`) the site has. */
  aggregates: (SizedFile & { kind: string })[];
  sitemapUrls: number;
  sitemapParts: number;
  sitemapLargestPart: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

/** Bytes as served: raw, gzip (level 9) and brotli (quality 11). */
export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The weight of one page of the built-in site, and what it loads. */
export interface PageWeight {
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

/** Lighthouse's scores (0–100) and metrics for one page. */
export interface LighthouseScores {
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

/** What one search on the search page downloads from the index. */
export interface SearchCost {
  query: string;
  district?: string;
  requests: number;
  bytes: number;
  ms: number;
  results: number;
}

/** A route Astro took long to render, from its log. */
export interface RouteTime {
  path: string;
  seconds: number;
}

/** Seconds of an `astro build`'s phases, from its log (those it logged). */
export interface BuildPhases {
  contentSync?: number;
  viteBundle?: number;
  routes?: number;
}

/** The figures of one corpus size (or of the built-in content). */
export interface SizeResult {
  notices: number;
  /** For the built-in content: its name; synthetic sizes have a seed. */
  corpus: string;
  commitments: number;
  generate?: { seconds: number; bytes: number };
  ingest?: Run & { commitmentsPerSecond?: number };
  build?: Run & { pages?: number; pagesPerSecond?: number; astroReportedSeconds?: number; slowestRoutes: RouteTime[]; phases: BuildPhases };
  site?: SiteSize & { bytesPerPage: number };
  search?: Run & { indexBytes?: number; indexFiles?: number; pagesIndexed?: number; parts?: number; cost?: SearchCost[] };
  /** The whole `npm run build` on the same content (ingest, snapshots, `astro build` beside the search index, headers). */
  whole?: Run & { pages?: number };
  /** Hugo on the same commitments (minimal templates): its run and the HTML pages it wrote. */
  hugo?: Run & { pages: number; version: string };
  /** Astro on the same commitments with the same minimal templates (tools/bench/astro-floor.ts): its run and the HTML pages it wrote. */
  astroFloor?: Run & { pages: number };
}
