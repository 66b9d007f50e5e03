/**
 * The site's Content-Security-Policy and referrer policy: defined once, used
 * by `astro.config.mjs` (Astro writes a `<meta http-equiv>` on every page,
 * adding the hashes of the scripts and styles it inlines) and by the deploy
 * headers (`_headers`, written by the build, and the nginx snippet in the README).
 */
import { createHash } from 'node:crypto';

/**
 * Directives for every page, beside the `script-src` and `style-src` Astro writes itself. Nothing
 * loads from another origin; no plugin, no `<base>` to another site, forms only to the site itself.
 */
export const cspDirectives = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] as const;

/** What the search page adds to `script-src`: Pagefind runs its search as WebAssembly, which needs it. */
export const searchScriptSource = "'wasm-unsafe-eval'";

/** The referrer policy: other sites learn the origin, never the page (no search query leaves the site). */
export const referrerPolicy = 'strict-origin-when-cross-origin';

/** Headers no `<meta>` can send: the site is never framed by another, and nothing is sniffed as another type. */
const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** Returns the Content-Security-Policy a page's `<meta http-equiv>` declares, or undefined. */
export function pagePolicy(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/iu.exec(html);
  return meta?.[1]?.replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/**
 * Returns one policy that allows what any of `policies` allows, directive by directive (sources in
 * the order first seen), plus the header-only directives. Sent as a header beside each page's own
 * `<meta>` policy, the browser enforces both, so each page keeps exactly its own (stricter) policy
 * and gains what only a header can say.
 */
export function mergePolicies(policies: Iterable<string>): string {
  const directives = new Map<string, string[]>();
  for (const policy of [...policies, ...headerOnlyDirectives]) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/u);
      if (!name) continue;
      const known = directives.get(name) ?? [];
      for (const source of sources) if (!known.includes(source)) known.push(source);
      directives.set(name, known);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Returns the `_headers` file (read by Netlify and Cloudflare Pages, among others) that sends the
 * policy, the referrer policy and `X-Content-Type-Options` for every path of the site.
 */
export function headersFile(policy: string): string {
  return ['/*', `  Content-Security-Policy: ${policy}`, `  Referrer-Policy: ${referrerPolicy}`, '  X-Content-Type-Options: nosniff', ''].join('\n');
}

/** Returns the CSP source that allows one inline `<style>` or `<script>` of this exact text: `'sha256-…'`. */
export function sourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy's `<meta>`, its `content` captured. */
const policyMeta = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/iu;

/**
 * Returns the page with its policy's `style-src` naming exactly the hashes of its own inline
 * `<style>` elements (in the order they appear, each once), its other sources kept; a page
 * without a policy is returned as it is. Astro lists the inline styles of every page of the build
 * on each page, so the list depended on what else was built with it (a shard, an incremental
 * build, the whole site); from the page alone, it is the same whatever the build, and stricter.
 */
export function withOwnStyleHashes(html: string): string {
  const meta = policyMeta.exec(html);
  if (!meta) return html;
  const own = [...new Set([...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/giu)].map((m) => sourceHash(m[1] ?? '')))];
  const written = meta[2] ?? '';
  // Astro writes the quotes plain; a policy written with HTML-escaped quotes keeps them escaped.
  const escaped = written.includes('&#39;');
  const policy = escaped ? written.replaceAll('&#39;', "'") : written;
  const rewritten = policy.replace(/(^|;)(\s*)style-src\b([^;]*)/iu, (_all, lead: string, space: string, sources: string) => {
    const kept = sources
      .trim()
      .split(/\s+/u)
      .filter((s) => s !== '' && !/^'sha(?:256|384|512)-/u.test(s));
    return `${lead}${space}${['style-src', ...kept, ...own].join(' ')}`;
  });
  const content = escaped ? rewritten.replaceAll("'", '&#39;') : rewritten;
  if (content === written) return html;
  return html.slice(0, meta.index) + meta[1] + content + meta[3] + html.slice(meta.index + meta[0].length);
}
