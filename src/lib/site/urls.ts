/**
 * Public paths under the site's base path (set once in astro.config.mjs).
 */

/** Returns `path` (absolute from the site root, e.g. `/2023/`) under `base` (e.g. `/` or `/minsheng/`). */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//u, '')}`;
}

/** Returns the absolute URL of `path` (from the site root) on `site` (e.g. `https://example.org`) under `base` (e.g. `/minsheng/`). */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
