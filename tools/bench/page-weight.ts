/**
 * The weight of a built page as a phone downloads it: its HTML, stylesheets and the scripts it loads
 * with their static imports (gzip and brotli), the chunks it loads later apart, the requests, and
 * whether the HTML fits the first round trip. The build's files are read through `read`, so this is
 * testable on a few files in memory.
 */
import { posix } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { PageWeight, Weight } from './results.ts';
import { moduleImports, pageAssets } from './stats.ts';

/** One page of each type of the built-in site (paths that exist in the committed content). */
export const pageTypes: readonly (readonly [type: string, path: string])[] = [
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

/** The first round trip of a new TCP connection: 10 segments × 1460 bytes. */
export const firstRoundTrip = 14_600;

/** Returns the weight of some bytes: raw, gzip (level 9), brotli (quality 11). */
export function weigh(bytes: Uint8Array): Weight {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Returns the sum of two weights. */
export function addWeights(a: Weight, b: Weight): Weight {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** No bytes. */
export const noWeight: Weight = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Returns the weight of the page at `path` (`/2023/`), or undefined when the build has no such page.
 *
 * @param read returns the bytes of a build file by its path from the site root (`2023/index.html`,
 *   `_astro/chart.js`), or undefined when there is none
 */
export function pageWeight(read: (file: string) => Uint8Array | undefined, type: string, path: string): PageWeight | undefined {
  const fileOf = (url: string): string => posix.normalize(url).replace(/^\/+/u, '');
  const bytes = read(fileOf(posix.join(path, 'index.html')));
  if (bytes === undefined) return undefined;
  const assets = pageAssets(Buffer.from(bytes).toString('utf8'));
  let css = noWeight;
  for (const href of assets.stylesheets) {
    const sheet = read(fileOf(href));
    if (sheet) css = addWeights(css, weigh(sheet));
  }
  // Scripts and their static imports load with the page; dynamic imports later.
  const loaded = new Map<string, Uint8Array>();
  const lazy = new Map<string, Uint8Array>();
  const visit = (url: string, into: Map<string, Uint8Array>): void => {
    if (loaded.has(url) || lazy.has(url)) return;
    const script = read(fileOf(url));
    if (script === undefined) return;
    into.set(url, script);
    const imports = moduleImports(Buffer.from(script).toString('utf8'));
    for (const s of imports.static) visit(posix.join(posix.dirname(url), s), into);
    for (const d of imports.dynamic) visit(posix.join(posix.dirname(url), d), lazy);
  };
  for (const src of assets.scripts) visit(src.startsWith('/') ? src : posix.join(path, src), loaded);
  const sum = (files: Map<string, Uint8Array>): Weight => [...files.values()].reduce((w, b) => addWeights(w, weigh(b)), noWeight);
  const js = sum(loaded);
  const html = weigh(bytes);
  return {
    type,
    path,
    html,
    inlineCssBytes: assets.inlineCssBytes,
    css,
    js,
    inlineJsBytes: assets.inlineJsBytes,
    lazyJs: sum(lazy),
    requests: 1 + assets.stylesheets.length + loaded.size,
    lazyRequests: lazy.size,
    total: addWeights(addWeights(html, css), js),
    zeroJs: loaded.size === 0 && assets.inlineJsBytes === 0,
    fitsFirstRoundTripGzip: html.gzip <= firstRoundTrip,
    fitsFirstRoundTripBrotli: html.brotli <= firstRoundTrip,
  };
}
