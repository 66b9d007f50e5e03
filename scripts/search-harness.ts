/**
 * The I/O edge of search checks: serve a built site on 127.0.0.1 and run
 * Pagefind searches in headless Chromium through the site's own
 * `pagefind/pagefind.js`, exactly as a visitor's browser would.
 *
 * Also reads the commitments' texts from the content collection, for the
 * expected results. Used by `scripts/search-recall.ts` and `test/search.test.ts`.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { CommitmentEntry } from '../src/lib/schema.ts';

/** Where Debian's Chromium lives; `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Content types for what a built site holds. */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server. */
export interface Served {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** Serves the directory `root` on 127.0.0.1 at a free port: files as they are, `dir/` as `dir/index.html`. */
export function serve(root: string): Promise<Served> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Launches headless Chromium, or throws saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}: the search checks run Pagefind in a real browser. ` +
        'Install it with `apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

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
 * Runs `query` (with `filters`) through `<origin>/pagefind/pagefind.js` in `page`, which must be
 * showing a page of the same site, and returns every result (all of them, not a first screenful).
 */
export async function runSearch(page: Page, query: string | null, filters: Filters = {}): Promise<SearchHit[]> {
  return page.evaluate(
    async ({ query, filters }) => {
      type Hit = { url: string; filters: Record<string, string[]> };
      type Result = { id: string; data: () => Promise<{ url: string; filters: Record<string, string[]> }> };
      type Api = { search: (q: string | null, o: object) => Promise<{ results: Result[] } | null> };
      const w = window as unknown as { __pagefind?: Promise<Api>; __hits?: Map<string, Promise<Hit>> };
      // import() from a string: test runners rewrite import() in code they transform, and this runs in the page.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Api>;
      w.__pagefind ??= load('/pagefind/pagefind.js');
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
