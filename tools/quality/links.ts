/**
 * Every URL a built page refers to, and every anchor it offers: extraction
 * from HTML, CSS and JavaScript modules, and resolution against the page's
 * own URL under the site's base path. Pure: text in, data out.
 */
import { attribute, scanTags } from './html.ts';
import type { Tag } from './html.ts';

/**
 * What a reference is for:
 * - `link`: a reader follows it (`<a href>`, `<area href>`, `<form action>`, `formaction`, a meta refresh);
 * - `resource`: the browser loads it with the page (`<script src>`, `<link rel=stylesheet href>`, `<img src>`,
 *   `srcset`, CSS `url()`, a module's `import`);
 * - `metadata`: it only describes the page (`<link rel=canonical>`, `og:url`, `<blockquote cite>`).
 */
export type ReferenceKind = 'link' | 'resource' | 'metadata';

/** One URL written in a page (or in a file it loads). */
export interface Reference {
  /** The URL as written (character references decoded). */
  readonly url: string;
  /** Where it is written: `a[href]`, `img[srcset]`, `style[url()]`, `[style][url()]`, `import`… */
  readonly where: string;
  readonly kind: ReferenceKind;
  /** Whether it is a link (`<a>`, `<area>`) in the page's own content (inside `<main>`), such as a notice's source URL. */
  readonly inContent: boolean;
  /** Offset in the text it was read from. */
  readonly offset: number;
}

/** The `<link rel>` values whose `href` the browser loads with the page. */
const loadedRels = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload', 'modulepreload', 'prefetch']);
/** The `<link rel>` values whose `href` only describes the page. */
const metadataRels = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'search', 'prev', 'next', 'me']);
/** Meta properties whose content is a URL. */
const metaUrls = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:audio', 'og:video', 'twitter:image']);

/** Returns `what` for a tag's attribute: `a[href]`. */
const at = (tag: Tag, name: string): string => `${tag.name}[${name}]`;

/** Returns the URLs of a `srcset` value (descriptors dropped), following the HTML parsing algorithm. */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/u.test(value[i] ?? '')) i++;
    if (i >= value.length) break;
    let j = i;
    while (j < value.length && !/\s/u.test(value[j] ?? '')) j++;
    let url = value.slice(i, j);
    i = j;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/u, '');
    } else {
      // Skip the descriptors, up to the next comma outside parentheses.
      let depth = 0;
      while (i < value.length) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** Returns the URLs in CSS text (`url(…)` and `@import "…"`) with their offsets; comments are skipped. */
export function cssUrls(css: string): Array<{ url: string; offset: number }> {
  const blanked = css.replace(/\/\*[^]*?\*\//gu, (c) => ' '.repeat(c.length));
  const found: Array<{ url: string; offset: number }> = [];
  for (const m of blanked.matchAll(/\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/giu)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/\\(.)/gu, '$1');
    if (url !== '') found.push({ url, offset: m.index });
  }
  return found;
}

/**
 * Returns the module specifiers a JavaScript module loads by path or URL: static `import … from`,
 * `export … from`, side-effect `import "…"`, and dynamic `import("…")` with a literal argument (a
 * computed specifier cannot be checked statically and is left out). Bare specifiers (`chart.js`) are
 * left out too: they cannot be told apart from text in strings.
 */
export function moduleSpecifiers(js: string): Array<{ url: string; offset: number }> {
  const found: Array<{ url: string; offset: number }> = [];
  const patterns = [/\bfrom\s*(["'])([^"'\n]+)\1/gu, /\bimport\s*(["'])([^"'\n]+)\1/gu, /\bimport\s*\(\s*(["'`])([^"'`\n$]+)\1\s*\)/gu];
  for (const pattern of patterns) {
    for (const m of js.matchAll(pattern)) {
      const url = m[2] ?? '';
      if (/^(?:\.{1,2}\/|\/|https?:)/u.test(url)) found.push({ url, offset: m.index });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Returns the URL of a meta refresh's `content` (`0;url=/2023/`), or undefined. */
export function refreshUrl(content: string): string | undefined {
  const m = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(["']?)(.+?)\1\s*$/iu.exec(content);
  return m?.[2];
}

/** Returns every URL `html` refers to, in document order. */
export function htmlReferences(html: string): Reference[] {
  const refs: Reference[] = [];
  const add = (url: string, where: string, kind: ReferenceKind, offset: number, inContent = false): void => {
    refs.push({ url: url.trim(), where, kind, inContent, offset });
  };
  for (const tag of scanTags(html)) {
    const isLink = tag.name === 'a' || tag.name === 'area';
    for (const attr of tag.attributes) {
      switch (attr.name) {
        case 'href':
        case 'xlink:href': {
          if (isLink) add(attr.value, at(tag, attr.name), 'link', attr.offset, tag.inMain);
          else if (tag.name === 'link') {
            const rels = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/u);
            const kind = rels.some((r) => metadataRels.has(r)) && !rels.some((r) => loadedRels.has(r)) ? 'metadata' : 'resource';
            add(attr.value, at(tag, attr.name), kind, attr.offset);
          } else if (tag.name !== 'base') add(attr.value, at(tag, attr.name), 'resource', attr.offset);
          break;
        }
        case 'src':
        case 'poster':
          add(attr.value, at(tag, attr.name), 'resource', attr.offset);
          break;
        case 'data':
          if (tag.name === 'object') add(attr.value, at(tag, attr.name), 'resource', attr.offset);
          break;
        case 'srcset':
        case 'imagesrcset':
          for (const url of srcsetUrls(attr.value)) add(url, at(tag, attr.name), 'resource', attr.offset);
          break;
        case 'action':
        case 'formaction':
          // An empty action submits to the page itself.
          if (attr.value.trim() !== '') add(attr.value, at(tag, attr.name), 'link', attr.offset);
          break;
        case 'cite':
          if (['blockquote', 'q', 'del', 'ins'].includes(tag.name)) add(attr.value, at(tag, attr.name), 'metadata', attr.offset);
          break;
        case 'style':
          for (const u of cssUrls(attr.value)) add(u.url, `[style][url()]`, 'resource', attr.offset);
          break;
        case 'content': {
          if (tag.name !== 'meta') break;
          if ((attribute(tag, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
            const url = refreshUrl(attr.value);
            if (url !== undefined) add(url, 'meta[http-equiv=refresh]', 'link', attr.offset);
          }
          const property = (attribute(tag, 'property') ?? attribute(tag, 'name') ?? '').toLowerCase();
          if (metaUrls.has(property)) add(attr.value, `meta[${property}]`, 'metadata', attr.offset);
          break;
        }
        default:
          break;
      }
    }
    if (tag.name === 'style' && tag.text !== undefined) {
      for (const u of cssUrls(tag.text)) add(u.url, 'style[url()]', 'resource', (tag.textOffset ?? 0) + u.offset);
    }
  }
  return refs;
}

/** Returns the `href` of the page's `<base>` element, if it has one. */
export function baseHref(html: string): string | undefined {
  const tag = scanTags(html).find((t) => t.name === 'base' && attribute(t, 'href') !== undefined);
  return tag ? attribute(tag, 'href') : undefined;
}

/**
 * Returns the files a page loads that can load files in turn: the targets of `<script src>` and of
 * `<link href>` with rel `stylesheet` or `modulepreload`, as written.
 */
export function loadedCode(html: string): string[] {
  const urls: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.name === 'script') {
      const src = attribute(tag, 'src');
      if (src !== undefined && src.trim() !== '') urls.push(src.trim());
    } else if (tag.name === 'link') {
      const rels = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/u);
      const href = attribute(tag, 'href');
      if (href !== undefined && href.trim() !== '' && (rels.includes('stylesheet') || rels.includes('modulepreload'))) urls.push(href.trim());
    }
  }
  return urls;
}

/** Returns the anchors a page offers to fragments: every `id`, and the `name` of every `<a>`. */
export function anchorsOf(html: string): Set<string> {
  const anchors = new Set<string>();
  for (const tag of scanTags(html)) {
    const id = attribute(tag, 'id');
    if (id !== undefined && id !== '') anchors.add(id);
    const name = tag.name === 'a' ? attribute(tag, 'name') : undefined;
    if (name !== undefined && name !== '') anchors.add(name);
  }
  return anchors;
}

/** Where a reference leads. */
export type Target =
  /** A file of the site: `path` from the site root (decoded, `''` for the root), and the fragment if any. */
  | { readonly kind: 'internal'; readonly path: string; readonly fragment: string | undefined }
  /** Another origin (`https://www.gov.cn/…`). */
  | { readonly kind: 'external'; readonly url: string; readonly origin: string }
  /** The site's origin, but outside its base path. */
  | { readonly kind: 'outside-base'; readonly url: string }
  /** Not a web address (`mailto:`, `tel:`, `data:`, `javascript:`…). */
  | { readonly kind: 'other'; readonly scheme: string }
  /** Not a URL at all, or a path that cannot be decoded. */
  | { readonly kind: 'invalid'; readonly reason: string };

/** Returns the URL of the page stored as `file` (posix path in the build) under `root` (the site's URL with its base path, ending in `/`). */
export function pageUrl(root: URL, file: string): URL {
  const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return new URL(path.split('/').map(encodeURIComponent).join('/'), root);
}

/** Returns where `ref`, written in a page at `from`, leads on the site rooted at `root`. */
export function resolveReference(ref: string, from: URL, root: URL): Target {
  let url: URL;
  try {
    url = new URL(ref, from);
  } catch {
    return { kind: 'invalid', reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other', scheme: url.protocol.slice(0, -1) };
  if (url.origin !== root.origin) return { kind: 'external', url: url.href, origin: url.origin };
  if (!url.pathname.startsWith(root.pathname)) return { kind: 'outside-base', url: url.pathname };
  let path: string;
  let fragment: string | undefined;
  try {
    path = decodeURIComponent(url.pathname.slice(root.pathname.length));
    fragment = url.hash === '' ? (ref.endsWith('#') ? '' : undefined) : decodeURIComponent(url.hash.slice(1));
  } catch {
    return { kind: 'invalid', reason: 'has a malformed percent-encoding' };
  }
  return { kind: 'internal', path, fragment };
}

/**
 * Returns the files that can serve `path` (from the site root), best first: a folder (`2023/`, or the
 * root `''`) is served by its `index.html`; a path without a trailing slash by the file itself or, on
 * hosts that add the slash, by the folder's `index.html`.
 */
export function candidateFiles(path: string): string[] {
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}/index.html`];
}

/** Returns whether a fragment needs no anchor: empty (`#`), `#top`, or a text fragment (`#:~:text=…`). */
export function fragmentNeedsNoAnchor(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');
}

/** Returns the site's root URL (origin and base path) from the home page's `<link rel="canonical">`, if it has one. */
export function siteRootOf(homeHtml: string): URL | undefined {
  for (const tag of scanTags(homeHtml)) {
    if (tag.name !== 'link' || !(attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/u).includes('canonical')) continue;
    try {
      const url = new URL(attribute(tag, 'href') ?? '');
      url.hash = '';
      url.search = '';
      if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
      return url;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
