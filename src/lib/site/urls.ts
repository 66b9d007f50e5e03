/**
 * Public paths under the site's base path (set once in astro.config.mjs).
 */
import { WebUrl } from '../schema.ts';

/** Returns `path` (absolute from the site root, e.g. `/2023/`) under `base` (e.g. `/` or `/minsheng/`). */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//u, '')}`;
}

/** Returns the absolute URL of `path` (from the site root) on `site` (e.g. `https://example.org`) under `base` (e.g. `/minsheng/`). */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/**
 * Returns `url` when it is safe to link to from a page: an absolute `http://` or `https://` address
 * (the `WebUrl` schema). Anything else (`javascript:`, `data:`, `//host`, `https:host`, an
 * unparsable string) returns undefined, so a page never emits it as an `href`: the schema refuses
 * such URLs at ingest; this is the second line of defence.
 */
export function externalHref(url: string | null | undefined): string | undefined {
  return url && WebUrl.safeParse(url).success ? url : undefined;
}
