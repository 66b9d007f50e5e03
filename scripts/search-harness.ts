/**
 * The I/O edge of search checks: serve a built site on 127.0.0.1 and run
 * Pagefind searches in headless Chromium through the site's own
 * `pagefind/pagefind.js`, exactly as a visitor's browser would.
 *
 * Also reads the commitments' texts from the content collection, for the
 * expected results. Used by `scripts/search-recall.ts` and `test/search.test.ts`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { CommitmentEntry } from '../src/lib/schema.ts';
import { phraseQueries } from '../src/lib/search/terms.ts';
import { indexKind } from '../src/lib/search/size.ts';
import { completeFile, indexDir } from '../src/lib/search/complete.ts';
import { partFilter, partFilterValue } from '../src/lib/search/parts.ts';
import type { PartsManifest } from '../src/lib/search/parts.ts';
import { partPathsHolding, queryKeys, shardsFor } from '../src/lib/search/directory.ts';
import type { DirectoryShard } from '../src/lib/search/directory.ts';
import type { IndexRecord } from '../src/lib/search/complete.ts';

export { chromiumPath, launchChromium, serve } from './serve.ts';
export type { Served } from './serve.ts';

/** What one search returned. */
export interface SearchHit {
  /** The result's URL, as Pagefind gives it (`/2023/huaibei-xiangshan/5/`). */
  url: string;
  /** Its filter values (type, year, district, topic, unit). */
  filters: Record<string, string[]>;
  /** The part of the index that found it (its path relative to `pagefind/`, '' for the first). */
  part: string;
}

/** Filters in Pagefind's form: filter name → value(s) that must all hold. */
export type Filters = Record<string, string | string[]>;

/** Result data a search loads at a time (`runSearch`). */
const dataAtOnce = 64;

/**
 * Runs `query` (with `filters`) through `<origin>/pagefind/pagefind.js` (every part of the index
 * merged) in `page`, which must be showing a page of the same site, and returns every result (all of
 * them, not a first screenful). The query is searched as the search page searches it
 * (`controller.ts`): each part alone (its `partFilter`; each hit names its part), an exact
 * phrase per run (`src/lib/search/terms.ts`), the pages every phrase finds. A page is known by its
 * part and its id: Pagefind names a page by a short hash of its own part's, and two parts of a
 * national index can give two pages one name (20 pairs at 3,000 notices, BENCHMARKS.md).
 */
export async function runSearch(page: Page, query: string | null, filters: Filters = {}): Promise<SearchHit[]> {
  const phrases = query === null ? [null] : phraseQueries(query);
  if (phrases.length === 0) return [];
  const manifest = (await page.evaluate(async () => (await fetch('/pagefind/parts.json')).json())) as { parts: { path: string }[] };
  const parts = manifest.parts.map((p): [path: string, value: string] => [p.path, partFilterValue(p.path)]);
  return page.evaluate(
    async ({ phrases, filters, atOnce, partFilter, parts }) => {
      type Hit = { url: string; filters: Record<string, string[]>; part: string };
      type Result = { id: string; data: () => Promise<{ url: string; filters: Record<string, string[]> }> };
      type Api = {
        options: (o: object) => Promise<void>;
        search: (q: string | null, o: object) => Promise<{ results: Result[] } | null>;
        mergeIndex: (url: string, o: object) => Promise<void>;
      };
      const w = window as unknown as { __pagefind?: Promise<Api>; __hits?: Map<string, Promise<Hit>> };
      // import() from a string: test runners rewrite import() in code they transform, and this runs in the page.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Api>;
      // Every part of the index (src/lib/search/parts.ts), merged as the search page merges them.
      w.__pagefind ??= (async () => {
        const api = await load('/pagefind/pagefind.js');
        for (const [path, value] of parts) {
          if (path === '') await api.options({ baseUrl: '/', mergeFilter: { [partFilter]: value } });
          else await api.mergeIndex(`${location.origin}/pagefind/${path}`, { baseUrl: '/', mergeFilter: { [partFilter]: value } });
        }
        return api;
      })();
      const api = await w.__pagefind;
      const found: [path: string, result: Result][] = [];
      for (const [path, value] of parts) {
        const lists = await Promise.all(phrases.map((p) => api.search(p, { filters: { ...filters, [partFilter]: value } })));
        if (lists.some((l) => l === null)) return [];
        const [first, ...rest] = lists as { results: Result[] }[];
        const others = rest.map((l) => new Set(l.results.map((r) => r.id)));
        for (const r of first?.results ?? []) if (others.every((ids) => ids.has(r.id))) found.push([path, r]);
      }
      // A page's data (its URL and filters) is the same in every search: load each page's once. At
      // most `atOnce` at a time: a common word finds thousands of pages at national scale, and
      // Chromium fails fetches it cannot keep open (“Failed to fetch”) when asked for all at once.
      const hits = (w.__hits ??= new Map());
      const out: Hit[] = [];
      for (let start = 0; start < found.length; start += atOnce) {
        const slice = found.slice(start, start + atOnce).map(([part, r]) => {
          const key = `${part} ${r.id}`;
          let hit = hits.get(key);
          if (hit === undefined) {
            hit = r.data().then((d) => ({ url: d.url, filters: d.filters, part }));
            hit.catch(() => hits.delete(key));
            hits.set(key, hit);
          }
          return hit;
        });
        out.push(...(await Promise.all(slice)));
      }
      return out;
    },
    { phrases, filters, atOnce: dataAtOnce, partFilter, parts },
  );
}

/**
 * Returns the directory of the index at `pagefind` (its folder; `manifest` its parts' manifest), read
 * from its files as the search page reads them (`src/lib/search/directory.ts`): `holding` gives the
 * parts (their paths) it names for a query. Undefined when the index has no directory.
 */
export function directoryOf(pagefind: string, manifest: PartsManifest): { holding: (query: string) => Set<string> } | undefined {
  const summary = manifest.directory;
  if (summary === undefined) return undefined;
  const shards = new Map<string, DirectoryShard>();
  const shard = (path: string): DirectoryShard => {
    let read = shards.get(path);
    if (read === undefined) shards.set(path, (read = JSON.parse(readFileSync(join(pagefind, path), 'utf8')) as DirectoryShard));
    return read;
  };
  return {
    holding(query) {
      const keys = queryKeys(query);
      return partPathsHolding(keys, manifest, summary, new Map(shardsFor(keys, summary).map((path) => [path, shard(path)])));
    },
  };
}

/** Returns every commitment entry under `<content>/commitments/`, validated, in path order. */
export function loadCommitments(content: string): CommitmentEntry[] {
  const dir = join(content, 'commitments');
  return filesBelow(dir, '.md')
    .map((f) => join(dir, f))
    .map((file) => {
      const front = /^---\n([^]*?)\n---(?:\n|$)/u.exec(readFileSync(file, 'utf8'))?.[1];
      if (front === undefined) throw new Error(`${file}: no frontmatter`);
      return CommitmentEntry.parse(parseYaml(front));
    });
}

/** What the first screenful of one search on the search page downloads from the index. */
export interface SearchPageCost {
  /** Requests under `pagefind/`. */
  requests: number;
  /** Their bytes, as served (Pagefind's files are compressed already). */
  bytes: number;
  /** The status line's count (`找到 N 个页面`; the pages found so far when more may follow). */
  results: number;
  /** Bytes by kind of index file (`src/lib/search/size.ts`). */
  byKind: Record<string, number>;
  /** Each request: its path relative to `pagefind/` and its bytes, in the order the responses came. */
  files: [string, number][];
}

/**
 * Opens `<origin>/search/?q=<query>&…filters` in a fresh context of `browser` (nothing cached) and
 * sums what the page fetched under `pagefind/` until its first screenful of results is shown.
 */
export async function searchPageCost(browser: Browser, origin: string, query: string, filters: Record<string, string> = {}): Promise<SearchPageCost> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes: Promise<[string, number]>[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      const at = path.indexOf('/pagefind/');
      if (at >= 0)
        sizes.push(
          r.body().then(
            (b): [string, number] => [path.slice(at + '/pagefind/'.length), b.length],
            (): [string, number] => [path, 0],
          ),
        );
    });
    await page.goto(`${origin}/search/?${new URLSearchParams({ q: query, ...filters }).toString()}`);
    await page.waitForFunction(() => /找到|没有找到|没有加载/u.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    const fetched = await Promise.all(sizes);
    const byKind: Record<string, number> = {};
    for (const [path, bytes] of fetched) byKind[indexKind(path)] = (byKind[indexKind(path)] ?? 0) + bytes;
    return { requests: fetched.length, bytes: fetched.reduce((n, [, b]) => n + b, 0), results: Number(/找到 (\d+) 个/u.exec(status)?.[1] ?? 0), byKind, files: fetched };
  } finally {
    await context.close();
  }
}

/** Returns every file of a build's search index with its size (path relative to `pagefind/`), from its completion record and the record itself; undefined when the index is not whole. */
export function indexFiles(site: string): Record<string, number> | undefined {
  const file = join(site, indexDir, completeFile);
  if (!existsSync(file)) return undefined;
  const record = JSON.parse(readFileSync(file, 'utf8')) as IndexRecord;
  return { ...record.files, [completeFile]: statSync(file).size };
}
