/**
 * Making a built site serve from any path prefix: root-relative URLs
 * (`/2023/x/`) in HTML become relative to the page (`../x/`), so an archive
 * works under `/archive/2023/` as well as at a host's root. Pure.
 */

/** Returns the relative prefix from a file's folder to the site root: `2023/x/index.html` → `../../`. */
export function rootPrefix(file: string): string {
  const depth = file.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** Attributes whose value is a URL. */
const urlAttributes = '(?:href|src|action|poster|formaction|data-pagefind-base)';

/** Returns the HTML of `file` with every root-relative URL in attributes and `url()` made relative. */
export function relativizeHtml(html: string, file: string): string {
  const prefix = rootPrefix(file);
  const attr = new RegExp(`(\\s${urlAttributes}\\s*=\\s*)(["'])\\/(?!\\/)`, 'gu');
  return html.replace(attr, (_m, head: string, quote: string) => `${head}${quote}${prefix}`).replace(/url\(\s*(["']?)\/(?!\/)/gu, (_m, q: string) => `url(${q}${prefix}`);
}
