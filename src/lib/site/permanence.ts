/**
 * Permanent URLs: the committed manifest of every public URL, the redirects
 * declared in data, and the check that a build still serves every URL ever
 * published. Pure.
 */
import YAML from 'yaml';
import { z } from 'zod';

/** A redirect from a URL that is no longer built to its new place. */
export const Redirect = z.object({
  /** The old path, from the site root, e.g. `/2023/old-slug/`. */
  from: z.string().regex(/^\/\S*$/),
  /** The new path, from the site root. */
  to: z.string().regex(/^\/\S*$/),
  /** Why the URL moved, for reviewers. */
  reason: z.string().min(1),
});
export type Redirect = z.output<typeof Redirect>;

/** The redirects file (`<content>/redirects.yaml`). */
export const RedirectsFile = z.object({ redirects: z.array(Redirect) });

/** Returns the redirects a YAML text declares (an empty or missing file declares none). */
export function readRedirects(text: string | undefined): Redirect[] {
  if (!text || text.trim() === '') return [];
  return RedirectsFile.parse(YAML.parse(text)).redirects;
}

/** Folders of the build that hold build artefacts, not public URLs (hashed assets, the search index). */
const artefacts = ['_astro/', 'pagefind/'];

/** Returns the public URL paths of a build's files (paths relative to the build folder, `/` separators). */
export function publicUrls(files: readonly string[]): string[] {
  const urls = files
    .filter((f) => !artefacts.some((a) => f.startsWith(a)) && f !== '404.html')
    .map((f) => (f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`));
  return [...new Set(urls)].sort();
}

/** Returns the manifest's URLs: one path per line; blank lines and `#` comments ignored. */
export function readManifest(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Returns the manifest text for `urls` (sorted, unique), with its header. */
export function writeManifest(urls: readonly string[]): string {
  const header = [
    '# 本站发布过的每一个公开网址。构建不再生成其中任何一个时，测试失败，',
    '# 除非在 redirects.yaml 中为它声明了跳转。新增网址用 `npm run urls -- --update` 加入，像代码一样审阅。',
  ];
  return `${[...header, ...[...new Set(urls)].sort()].join('\n')}\n`;
}

/** What checking a build against the manifest found. */
export interface PermanenceReport {
  /** Manifest URLs the build no longer serves and no redirect covers. */
  missing: string[];
  /** Redirects whose old URL has no redirect page in the build. */
  redirectsWithoutPage: string[];
  /** Redirects whose target the build does not serve. */
  redirectsToNowhere: string[];
  /** URLs the build serves that the manifest does not list yet. */
  unlisted: string[];
}

/** Returns how a build's URLs stand against the manifest and the redirects. */
export function checkPermanence(manifest: readonly string[], built: readonly string[], redirects: readonly Redirect[]): PermanenceReport {
  const served = new Set(built);
  const redirected = new Set(redirects.map((r) => r.from));
  return {
    missing: manifest.filter((u) => !served.has(u) && !redirected.has(u)),
    redirectsWithoutPage: redirects.filter((r) => !served.has(r.from)).map((r) => r.from),
    redirectsToNowhere: redirects.filter((r) => !served.has(r.to)).map((r) => `${r.from} → ${r.to}`),
    unlisted: built.filter((u) => !manifest.includes(u) && !redirected.has(u)),
  };
}
