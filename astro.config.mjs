// @ts-check
import { defineConfig } from 'astro/config';

/**
 * The site's public address and base path, in one place. Override them for a
 * deployment with SITE_URL (e.g. https://example.org) and BASE_PATH (e.g.
 * /minsheng/ for GitHub Pages under a project path).
 */
const site = process.env.SITE_URL || 'https://minsheng.example.org';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  build: { format: 'directory', inlineStylesheets: 'always' },
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // No telemetry, no dev toolbar: nothing calls out of the machine.
  devToolbar: { enabled: false },
});
