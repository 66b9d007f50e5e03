/**
 * A small, forgiving scanner for the start tags of built HTML pages: enough to
 * read every attribute that holds a URL or an anchor, with where it stands.
 * It is not a full HTML parser: comments, doctypes and end tags are skipped,
 * and the text of raw-text elements (`<script>`, `<style>`, `<textarea>`,
 * `<title>`) is kept whole, so markup-like text inside them is never read as
 * tags. Pure.
 */

/** One attribute of a start tag; `value` has its character references decoded (`''` for a bare attribute). */
export interface Attribute {
  readonly name: string;
  readonly value: string;
  /** Offset of the attribute's name in the page. */
  readonly offset: number;
}

/** One start tag. */
export interface Tag {
  /** Lower-case element name. */
  readonly name: string;
  readonly attributes: readonly Attribute[];
  /** Offset of the `<` in the page. */
  readonly offset: number;
  /** Whether the element stands inside `<main>` (the page's own content), or is `<main>` itself. */
  readonly inMain: boolean;
  /** The raw text of a `<script>`, `<style>`, `<textarea>` or `<title>` element (undefined for other elements). */
  readonly text?: string;
  /** Offset of that raw text in the page. */
  readonly textOffset?: number;
}

/** The end tag of each raw-text element, found case-insensitively. */
const rawTextEnd: ReadonlyMap<string, RegExp> = new Map(['script', 'style', 'textarea', 'title'].map((n) => [n, new RegExp(`</${n}`, 'giu')]));
const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Returns `text` with numeric and the common named character references decoded (others are left as written). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/gu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref] ?? whole;
  });
}

/** Returns the 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Returns every start tag of `html`, in document order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let mainDepth = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (next === '/') {
      const end = html.indexOf('>', lt);
      const name = /^<\/([a-zA-Z][^\s/>]*)/u.exec(html.slice(lt, lt + 64))?.[1]?.toLowerCase();
      if (name === 'main' && mainDepth > 0) mainDepth--;
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/u.test(next)) {
      i = lt + 1;
      continue;
    }
    // The element name.
    let j = lt + 1;
    while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    // The attributes.
    const attributes: Attribute[] = [];
    while (j < html.length) {
      while (isSpace(html[j]) || html[j] === '/') j++;
      if (j >= html.length || html[j] === '>') break;
      const nameStart = j;
      j++; // an attribute name may start with '=' (a parse error, kept as a name)
      while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
      const attrName = html.slice(nameStart, j).toLowerCase();
      let k = j;
      while (isSpace(html[k])) k++;
      let value = '';
      if (html[k] === '=') {
        k++;
        while (isSpace(html[k])) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, k + 1);
          const end = close === -1 ? html.length : close;
          value = html.slice(k + 1, end);
          j = end + 1;
        } else {
          const start = k;
          while (k < html.length && !isSpace(html[k]) && html[k] !== '>') k++;
          value = html.slice(start, k);
          j = k;
        }
      }
      attributes.push({ name: attrName, value: decodeEntities(value), offset: nameStart });
    }
    const tagEnd = Math.min(j + 1, html.length);
    if (name === 'main') mainDepth++;
    const inMain = mainDepth > 0;
    const endTag = rawTextEnd.get(name);
    if (endTag) {
      endTag.lastIndex = tagEnd;
      const end = endTag.exec(html)?.index ?? html.length;
      tags.push({ name, attributes, offset: lt, inMain, text: html.slice(tagEnd, end), textOffset: tagEnd });
      i = end;
    } else {
      tags.push({ name, attributes, offset: lt, inMain });
      i = tagEnd;
    }
  }
  return tags;
}

/** Returns the value of attribute `name` of `tag` (the first one, as browsers do), or undefined. */
export function attribute(tag: Tag, name: string): string | undefined {
  return tag.attributes.find((a) => a.name === name)?.value;
}

/**
 * Returns the offset of the first thing (other than white space and comments) after `</html>`, or
 * undefined. Browsers move such content into `<body>`, but it is a parse error in HTML: it usually
 * means an element was placed outside the layout.
 */
export function contentAfterHtml(html: string): number | undefined {
  const close = [...html.matchAll(/<\/html/giu)].at(-1)?.index;
  if (close === undefined) return undefined;
  const end = html.indexOf('>', close);
  if (end === -1) return undefined;
  const rest = /^(?:\s|<!--[^]*?-->)*/u.exec(html.slice(end + 1))?.[0].length ?? 0;
  const at = end + 1 + rest;
  return at < html.length ? at : undefined;
}
