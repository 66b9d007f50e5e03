// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import { contentDir, siteUrl } from './src/lib/config.ts';
import { readRedirects } from './src/lib/site/permanence.ts';
import { redirectsPath } from './src/lib/content/paths.ts';
import { cspDirectives } from './src/lib/site/csp.ts';
import { dataStoreFile } from './src/lib/content/data-store-module.ts';

/**
 * The site's public address and base path, in one place. Override them for a
 * deployment with SITE_URL (e.g. https://example.org) and BASE_PATH (e.g.
 * /minsheng/ for GitHub Pages under a project path).
 */
const site = siteUrl();
const base = process.env.BASE_PATH || '/';

/** Redirects for URLs that moved: declared in data (`<content>/redirects.yaml`), each one a generated page. */
const redirectsFile = join(contentDir(), redirectsPath);
/** @type {import('./src/lib/site/permanence.ts').Redirect[]} */
let redirects;
try {
  redirects = readRedirects(existsSync(redirectsFile) ? readFileSync(redirectsFile, 'utf8') : undefined);
} catch (error) {
  // One line naming the file (`npm run ingest` refuses the same file first).
  throw new Error(`${redirectsFile}: ${error instanceof Error ? error.message : String(error)}`);
}

export default defineConfig({
  redirects: Object.fromEntries(redirects.map((r) => [r.from, r.to])),
  // Four pages at a time: while one page's file is written the next renders (BENCHMARKS.md, “What
  // `astro build` spent its time on”). Every page's bytes are its own, whatever the order: the headers step rewrites each
  // page's style hashes from the page itself.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // A Content-Security-Policy on every page, as a <meta http-equiv> (src/lib/site/csp.ts says why each directive).
  security: { csp: { directives: [...cspDirectives] } },
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // No telemetry, no dev toolbar: nothing calls out of the machine.
  devToolbar: { enabled: false },
  // The collections' data store read from a file, not bundled as code (src/lib/content/data-store-module.ts says why).
  integrations: [dataStoreFile()],
});
