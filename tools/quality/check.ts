/**
 * The link checks over a whole build: every internal link and asset of every
 * page resolves to a file, every fragment to an anchor of its page, the
 * scripts and stylesheets the pages load refer only to files that exist, and
 * nothing but a link in a page's own content goes to another origin.
 *
 * Pure given its reader: the build is passed in as a list of files and a
 * function that reads one (the CLI reads the disk, the tests may pass text).
 */
import { lineColumn } from './html.ts';
import { anchorsOf, baseHref, candidateFiles, cssUrls, fragmentNeedsNoAnchor, htmlReferences, loadedCode, moduleSpecifiers, pageUrl, resolveReference } from './links.ts';
import type { Reference, ReferenceKind } from './links.ts';
import type { Problem } from './problem.ts';

/** A build, as files. */
export interface SiteFiles {
  /** Every file of the build, as posix paths from its root (`2023/index.html`, `_astro/x.js`). */
  readonly files: readonly string[];
  /** Returns the text of one of `files`. */
  read(file: string): string;
}

/** A reference to another origin, kept so a test can say which ones are allowed. */
export interface ExternalReference {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly url: string;
  readonly origin: string;
  readonly where: string;
  readonly kind: ReferenceKind;
  readonly inContent: boolean;
}

/** What the link checks read, and what they found. */
export interface LinkReport {
  /** HTML pages read. */
  readonly pages: number;
  /** URLs read in pages and in the files they load. */
  readonly references: number;
  /** References that lead into the site, each checked against the build's files. */
  readonly internal: number;
  /** Fragments (`#c18`) checked against the anchors of their page. */
  readonly fragments: number;
  /** Anchors (`id`, `<a name>`) offered by all pages together. */
  readonly anchors: number;
  /** The scripts and stylesheets the pages load, which were read in turn (sorted). */
  readonly loaded: readonly string[];
  /** Every reference to another origin. */
  readonly external: readonly ExternalReference[];
  readonly problems: readonly Problem[];
}

const isHtml = (file: string): boolean => file.endsWith('.html');
const isCode = (file: string): boolean => /\.(?:m?js|css)$/u.test(file);

/** Runs the link checks over `site`, whose pages are served under `root` (origin and base path, ending in `/`). */
export function checkLinks(site: SiteFiles, root: URL): LinkReport {
  const files = new Set(site.files);
  const pages = site.files.filter(isHtml).sort();
  const problems: Problem[] = [];
  const external: ExternalReference[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      anchors = anchorsOf(site.read(file));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };
  let references = 0;
  let internal = 0;
  let fragments = 0;
  const loaded = new Set<string>();
  const queue: string[] = [];

  /** Checks one reference written in `file` (whose text is `text`), resolved against `from`; returns the file it leads to, if any. */
  const check = (file: string, text: string, from: URL, ref: Reference): string | undefined => {
    references++;
    const { line, column } = lineColumn(text, ref.offset);
    const report = (rule: string, message: string): void => {
      problems.push({ file, line, column, rule, message });
    };
    const target = resolveReference(ref.url, from, root);
    switch (target.kind) {
      case 'invalid':
        report('invalid-url', `${ref.where} "${ref.url}" ${target.reason}`);
        return undefined;
      case 'other':
        if (target.scheme === 'javascript') report('javascript-url', `${ref.where} "${ref.url}" runs script from a URL; use a button and a listener`);
        return undefined;
      case 'external':
        external.push({ file, line, column, url: target.url, origin: target.origin, where: ref.where, kind: ref.kind, inContent: ref.inContent });
        if (!ref.inContent) {
          const what = ref.kind === 'resource' ? 'loads' : ref.kind === 'link' ? 'links to' : 'points to';
          report('third-party', `${ref.where} ${what} ${target.url} on another origin (${target.origin}) outside the page's content`);
        }
        return undefined;
      case 'outside-base':
        report('outside-base', `${ref.where} "${ref.url}" leads to ${target.url}, outside the site's base path ${root.pathname}`);
        return undefined;
      case 'internal': {
        internal++;
        const served = candidateFiles(target.path).find((f) => files.has(f));
        if (served === undefined) {
          report('missing-target', `${ref.where} "${ref.url}": no file ${candidateFiles(target.path).join(' or ')} in the build`);
          return undefined;
        }
        if (target.fragment !== undefined && isHtml(served) && !fragmentNeedsNoAnchor(target.fragment)) {
          fragments++;
          if (!anchorsIn(served).has(target.fragment)) report('missing-fragment', `${ref.where} "${ref.url}": no id "${target.fragment}" on ${served}`);
        }
        return served;
      }
    }
  };

  for (const page of pages) {
    const html = site.read(page);
    const base = baseHref(html);
    let from = pageUrl(root, page);
    if (base !== undefined) {
      try {
        from = new URL(base, from);
      } catch {
        // An unusable <base> is reported by html-validate; resolve against the page itself.
      }
    }
    for (const ref of htmlReferences(html)) check(page, html, from, ref);
    for (const url of loadedCode(html)) {
      const target = resolveReference(url, from, root);
      if (target.kind !== 'internal') continue;
      const served = candidateFiles(target.path).find((f) => files.has(f));
      if (served !== undefined && isCode(served) && !loaded.has(served)) {
        loaded.add(served);
        queue.push(served);
      }
    }
  }

  // The scripts and stylesheets the pages load, and what those load in turn.
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    const text = site.read(file);
    const from = pageUrl(root, file);
    const refs: Reference[] = file.endsWith('.css')
      ? cssUrls(text).map((u) => ({ url: u.url, where: 'url()', kind: 'resource', inContent: false, offset: u.offset }))
      : moduleSpecifiers(text).map((u) => ({ url: u.url, where: 'import', kind: 'resource', inContent: false, offset: u.offset }));
    for (const ref of refs) {
      const served = check(file, text, from, ref);
      if (served !== undefined && isCode(served) && !loaded.has(served)) {
        loaded.add(served);
        queue.push(served);
      }
    }
  }

  let anchors = 0;
  for (const page of pages) anchors += anchorsIn(page).size;
  return { pages: pages.length, references, internal, fragments, anchors, loaded: [...loaded].sort(), external, problems };
}
