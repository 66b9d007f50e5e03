/**
 * Reading a built page the way the search index does: the text inside the
 * `data-pagefind-body` element, without `data-pagefind-ignore` parts, scripts
 * and styles. Enough HTML for what Astro writes (well-formed, quoted
 * attributes); not a general parser.
 *
 * Pure: no I/O.
 */

/** Elements that never have an end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Elements whose boundaries do not break a run of text (`托<mark>位</mark>` reads 托位). */
const inlineElements = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** Elements whose content is not text. */
const rawElements = new Set(['script', 'style', 'template', 'svg', 'canvas']);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };

/** Decodes the character references Astro writes (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#') && entities[lower] === undefined) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return entities[lower] ?? whole;
  });
}

/** Returns the text of the page's `data-pagefind-body` element (undefined when it has none), white space squashed. */
export function indexedText(html: string): string | undefined {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gu;
  const parts: string[] = [];
  /** Open elements from the body down: name and whether text in it is skipped. */
  const stack: { name: string; skip: boolean }[] = [];
  let last = 0;
  let inBody = false;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const [whole, slash = '', rawName = '', attrs = ''] = m;
    const name = rawName.toLowerCase();
    const skipping = stack.length > 0 && stack[stack.length - 1]?.skip === true;
    if (inBody && !skipping) parts.push(decodeEntities(html.slice(last, m.index)));
    last = m.index + whole.length;
    if (!inBody) {
      if (slash === '' && /\sdata-pagefind-body(?:[\s=/]|$)/u.test(attrs)) {
        inBody = true;
        stack.push({ name, skip: false });
      }
      continue;
    }
    if (rawElements.has(name) && slash === '' && !attrs.trimEnd().endsWith('/')) {
      // Skip to the end tag: nothing inside counts, and it may hold `<` that is not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      const close = end < 0 ? html.length : html.indexOf('>', end) + 1;
      tag.lastIndex = close;
      last = close;
      continue;
    }
    if (!inlineElements.has(name)) parts.push(' ');
    if (voidElements.has(name) || attrs.trimEnd().endsWith('/')) continue;
    if (slash === '') {
      stack.push({ name, skip: skipping || /\sdata-pagefind-ignore(?:[\s=/]|$)/u.test(attrs) });
      continue;
    }
    // An end tag closes the nearest open element of that name (and any left open inside it).
    const at = stack.map((e) => e.name).lastIndexOf(name);
    if (at >= 0) stack.length = at;
    if (stack.length === 0) break;
  }
  if (!inBody) return undefined;
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Returns the text of the page's first `<h1>` (what Pagefind takes as the result's title), or ''. */
export function firstHeading(html: string): string {
  const inner = /<h1\b[^>]*>([^]*?)<\/h1>/u.exec(html)?.[1] ?? '';
  return decodeEntities(inner.replace(/<[^>]*>/gu, '')).replace(/\s+/gu, ' ').trim();
}

/**
 * Returns the page's Pagefind filters as the layout writes them
 * (`<span data-pagefind-filter="district[data-value]" data-value="淮北市相山区">`): name → values.
 */
export function pageFilters(html: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const m of html.matchAll(/<[a-z]+\s[^>]*data-pagefind-filter="([^"[]+)\[data-value\]"[^>]*>/gu)) {
    const key = m[1] ?? '';
    const value = /\sdata-value="([^"]*)"/u.exec(m[0])?.[1];
    if (value === undefined) continue;
    (filters[key] ??= []).push(decodeEntities(value));
  }
  return filters;
}

/**
 * Returns the page's Pagefind metadata as the page marks it (`<p data-pagefind-meta="summary">…</p>`):
 * name → the element's text, white space squashed. Enough for what the pages write: the element
 * holds no element of its own name.
 */
export function pageMeta(html: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\s[^>]*data-pagefind-meta="([^":[\]]+)"[^>]*>/gu)) {
    const [whole, name = '', key = ''] = m;
    const start = (m.index ?? 0) + whole.length;
    const end = html.indexOf(`</${name}>`, start);
    if (end < 0 || key in meta) continue;
    meta[key] = decodeEntities(html.slice(start, end).replace(/<[^>]*>/gu, '')).replace(/\s+/gu, ' ').trim();
  }
  return meta;
}
