/**
 * Serving a built site on 127.0.0.1 like a plain static host, and launching
 * Debian's Chromium: the I/O edge shared by the browser tests, the search
 * checks and the benchmarks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Where Debian's Chromium lives (`apt-get install -y chromium`); `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** What every browser check says when there is no Chromium: it fails, it never skips. */
export const chromiumMissing = `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (CI does this in .ci/run)`;

/** Content types for what a built site holds; anything else (Pagefind's `.pf_*` and `.pagefind` files) is binary. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
};

/** Returns the content type of a file by its name. */
export function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A running static server. */
export interface Served {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close: () => Promise<void>;
}

/** Returns whether `path` is a file. */
function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Serves `root` on 127.0.0.1 at a free port, like a plain static host: a folder serves its
 * `index.html` (and a folder without its trailing slash redirects to it), a miss serves
 * `404.html` with status 404.
 */
export function serve(root: string): Promise<Served> {
  const base = resolve(root);
  const notFound = join(base, '404.html');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = join(base, path);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = isFile(file);
    const body = found ? readFileSync(file) : isFile(notFound) ? readFileSync(notFound) : Buffer.from('not found');
    res.writeHead(found ? 200 : 404, {
      'content-type': found ? contentType(file) : 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

/**
 * Launches headless Chromium from `/usr/bin/chromium`, or throws `chromiumMissing`. Host names
 * other than 127.0.0.1 do not resolve, so a request to another origin fails at once (the tests
 * record every such request and fail on it).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(chromiumMissing);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
