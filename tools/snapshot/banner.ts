/**
 * What every page of a yearly snapshot says of itself: 存档版本, the year the snapshot keeps and a link to
 * the live page. The archive's writer adds it to each page as it writes the archive, so the pages a
 * snapshot is built with are the live site's own, byte for byte, and a build whose content is one year's
 * can publish the pages its snapshot was made from (`scripts/build.ts`). Pure.
 *
 * The banner says nothing that changes from one capture of the year to the next: an archived page is the
 * same bytes as long as its page is, so an incremental capture keeps the gzip members of the pages that did
 * not change (`member-cache.ts`). The dates are elsewhere: when the page's content last changed in its
 * footer ("本页内容更新于", as on the live site), when the archive was captured in its `snapshot.json` and
 * on `/archive/`.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { relativizeHtml } from './relative.ts';

/** What an archived page says of itself: the live site's address and the year the snapshot keeps. */
export interface ArchiveCopy {
  site: string;
  year: number;
}

/** Returns the URL path of a built page file: `2023/x/index.html` → `/2023/x/`, `404.html` → `/404`. */
export function pagePath(file: string): string {
  if (file === 'index.html' || file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file.replace(/\.html$/u, '')}`;
}

/** Returns the live page of an archived page file: its path on the live site's address. */
export function livePage(file: string, site: string): string {
  return new URL(pagePath(file).slice(1), site.endsWith('/') ? site : `${site}/`).href;
}

/** Returns the banner of an archived page file, as HTML. */
export function archiveBanner(file: string, copy: ArchiveCopy): string {
  return toHtml(
    h('div', { className: ['archived'], role: 'note' }, [
      h('div', { className: ['wrap'] }, [
        h('strong', '存档版本'),
        `：本页是${copy.year}年度存档中的副本，内容不再更新。 `,
        h('a', { href: livePage(file, copy.site) }, '查看本页的最新版本'),
      ]),
    ]),
  );
}

/** The skip link every page starts its body with (`src/layouts/Base.astro`): the banner goes right after it. */
const skipLink = /<a class="skip"[^>]*>[^<]*<\/a>/u;
const bodyOpen = /<body(?:\s[^>]*)?>/u;

/**
 * Returns an archived page's HTML with its banner: after the skip link (the first thing a keyboard
 * reaches stays the way to the text), else at the start of the body; a file with neither is returned
 * as it is (not a page).
 */
export function withArchiveBanner(html: string, file: string, copy: ArchiveCopy): string {
  const at = skipLink.exec(html) ?? bodyOpen.exec(html);
  if (!at) return html;
  const end = at.index + at[0].length;
  return `${html.slice(0, end)}${archiveBanner(file, copy)}${html.slice(end)}`;
}

/**
 * Returns a built page as the archive holds it: its banner added (`withArchiveBanner`) and its links made
 * relative (`relativizeHtml`), so it serves from any path prefix. Any other file is its bytes as built.
 */
export function archivedFile(file: string, bytes: Uint8Array, copy: ArchiveCopy): Uint8Array {
  if (!file.endsWith('.html')) return bytes;
  return Buffer.from(relativizeHtml(withArchiveBanner(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'), file, copy), file));
}
