/**
 * Permanent URLs: the committed manifest of every public URL, the redirects
 * declared in data, and the check that a build still serves every URL ever
 * published. Pure.
 */
import { z } from 'zod';
import { SitePath } from '../schema.ts';
import { readYaml } from '../yaml.ts';

/** A redirect from a URL that is no longer built to its new place. */
export const Redirect = z.object({
  /** The old path, from the site root, e.g. `/2023/old-slug/`. */
  from: SitePath,
  /** The new path, from the site root. */
  to: SitePath,
  /** Why the URL moved, for reviewers. */
  reason: z.string().min(1),
});
export type Redirect = z.output<typeof Redirect>;

/** The redirects file (`<content>/redirects.yaml`). */
export const RedirectsFile = z.object({ redirects: z.array(Redirect) });

/**
 * Returns the redirects a YAML text declares (an empty or missing file declares none); throws an
 * error with a one-line message (invalid YAML with its line, or the first field that is wrong).
 */
export function readRedirects(text: string | undefined): Redirect[] {
  if (!text || text.trim() === '') return [];
  const read = readYaml(text);
  if (!read.ok) throw new Error(read.line > 0 ? `line ${read.line}: ${read.message}` : read.message);
  const result = RedirectsFile.safeParse(read.value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`field “${issue?.path.join('.') || '(root)'}”: ${issue?.message ?? 'invalid'}`);
  }
  return result.data.redirects;
}

/** Files and folders of the build that are build artefacts, not public URLs (hashed assets, the search index, the hosts' headers file). */
const artefacts = ['_astro/', 'pagefind/', '_headers'];

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
