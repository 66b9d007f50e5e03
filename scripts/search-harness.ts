/**
 * The I/O edge of search checks: serve a built site on 127.0.0.1 and run
 * Pagefind searches in headless Chromium through the site's own
 * `pagefind/pagefind.js`, exactly as a visitor's browser would.
 *
 * Also reads the commitments' texts from the content collection, for the
 * expected results. Used by `scripts/search-recall.ts` and `test/search.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { CommitmentEntry } from '../src/lib/schema.ts';

export { chromiumPath, launchChromium, serve } from './serve.ts';
export type { Served } from './serve.ts';

/** What one search returned. */
export interface SearchHit {
  /** The result's URL, as Pagefind gives it (`/2023/huaibei-xiangshan/5/`). */
  url: string;
  /** Its filter values (type, year, district, topic, unit). */
  filters: Record<string, string[]>;
}

/** Filters in Pagefind's form: filter name → value(s) that must all hold. */
export type Filters = Record<string, string | string[]>;

/**
 * Runs `query` (with `filters`) through `<origin>/pagefind/pagefind.js` (every part of the index
 * merged) in `page`, which must be showing a page of the same site, and returns every result (all of
 * them, not a first screenful).
 */
export async function runSearch(page: Page, query: string | null, filters: Filters = {}): Promise<SearchHit[]> {
  return page.evaluate(
    async ({ query, filters }) => {
      type Hit = { url: string; filters: Record<string, string[]> };
      type Result = { id: string; data: () => Promise<{ url: string; filters: Record<string, string[]> }> };
      type Api = {
        search: (q: string | null, o: object) => Promise<{ results: Result[] } | null>;
        mergeIndex: (url: string, o: object) => Promise<void>;
      };
      const w = window as unknown as { __pagefind?: Promise<Api>; __hits?: Map<string, Promise<Hit>> };
      // import() from a string: test runners rewrite import() in code they transform, and this runs in the page.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Api>;
      // Every part of the index (src/lib/search/parts.ts), merged as the search page merges them.
      w.__pagefind ??= (async () => {
        const api = await load('/pagefind/pagefind.js');
        const manifest = (await (await fetch('/pagefind/parts.json')).json()) as { parts: { path: string }[] };
        for (const { path } of manifest.parts) if (path !== '') await api.mergeIndex(`${location.origin}/pagefind/${path}`, { baseUrl: '/' });
        return api;
      })();
      const pagefind = await w.__pagefind;
      const found = await pagefind.search(query, { filters });
      if (found === null) return [];
      // A page's data (its URL and filters) is the same in every search: load each page's once.
      const hits = (w.__hits ??= new Map());
      return Promise.all(
        found.results.map((r) => {
          let hit = hits.get(r.id);
          if (hit === undefined) {
            hit = r.data().then((d) => ({ url: d.url, filters: d.filters }));
            hits.set(r.id, hit);
          }
          return hit;
        }),
      );
    },
    { query, filters },
  );
}

/** Returns every commitment entry under `<content>/commitments/`, validated, in path order. */
export function loadCommitments(content: string): CommitmentEntry[] {
  const dir = join(content, 'commitments');
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.md'))
    .map((d) => join(d.parentPath, d.name))
    .sort()
    .map((file) => {
      const front = /^---\n([^]*?)\n---(?:\n|$)/u.exec(readFileSync(file, 'utf8'))?.[1];
      if (front === undefined) throw new Error(`${file}: no frontmatter`);
      return CommitmentEntry.parse(parseYaml(front));
    });
}
