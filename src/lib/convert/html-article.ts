/**
 * Finding the article in a saved web page, and leaving the site's chrome out.
 *
 * General rules, in order (none names a site):
 * 1. **Known article containers** that publishing systems write: WeChat's
 *    `#js_content`, TRS's `.TRS_Editor`, and the common `#zoom`,
 *    `.article-content`, `[itemprop=articleBody]`, `<article>`, `<main>`.
 *    The one with the most text wins.
 * 2. Otherwise **text density**: chrome is removed (`nav`, `header`,
 *    `footer`, `aside`, and elements whose `id`/`class` names navigation,
 *    breadcrumbs, share widgets, related links, footers, sidebars…), then the
 *    deepest container (`div`, `section`…, or a cell of a layout table; never
 *    a paragraph, list or data table) that still holds ≥ 85% of the page's
 *    text outside links is the article (menus and link lists are mostly link
 *    text, so they fall out).
 * 3. When the chosen body has no `<h1>`, the page's first `<h1>` outside the
 *    chrome (where WeChat and most government sites put the notice's title,
 *    above the article container) becomes the first line.
 */
import type { Element, ElementContent, Root } from 'hast';

/** Selectors of known article containers, as [attribute, value] tests. */
const known: Array<(e: Element) => boolean> = [
  (e) => idOf(e) === 'js_content',
  (e) => classes(e).includes('rich_media_content'),
  (e) => classes(e).some((c) => c.toLowerCase() === 'trs_editor'),
  (e) => idOf(e) === 'zoom',
  (e) => classes(e).some((c) => /^(article|news|detail|pages?)[-_]?(content|body|text)$/iu.test(c)),
  (e) => e.properties['itemProp'] !== undefined && String(e.properties['itemProp']).includes('articleBody'),
  (e) => e.tagName === 'article',
  (e) => e.tagName === 'main',
];

/** Whole `id`/`class` tokens, or `-`/`_` parts of them, that name page chrome. */
const chromeWords = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'location',
  'position',
  'share',
  'sharing',
  'footer',
  'sidebar',
  'aside',
  'related',
  'relate',
  'recommend',
  'friendlink',
  'links',
  'copyright',
  'toolbar',
  'comment',
  'comments',
  'pagination',
  'pager',
  'qrcode',
  'ewm',
  'reward',
  'skip',
  'search',
  'byline',
  'dateline',
]);
/** Whole tokens only (as parts they are too common: `article-header` holds the title). */
const chromeTokens = new Set(['header', 'head', 'top', 'bottom', 'foot', 'info', 'meta']);
const chromeTags = new Set(['nav', 'header', 'footer', 'aside']);

/** Returns an element's `id`. */
function idOf(e: Element): string {
  return typeof e.properties['id'] === 'string' ? e.properties['id'] : '';
}

/** Returns an element's classes. */
function classes(e: Element): string[] {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

/** True when the element is hidden (`hidden`, `display:none`, `visibility:hidden`). */
export function isHidden(e: Element): boolean {
  if (e.properties['hidden'] !== undefined && e.properties['hidden'] !== false) return true;
  const style = typeof e.properties['style'] === 'string' ? e.properties['style'].replace(/\s+/gu, '').toLowerCase() : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** True when the element is page chrome (navigation, breadcrumbs, share widgets, footers…). */
function isChrome(e: Element): boolean {
  if (chromeTags.has(e.tagName)) return true;
  const role = typeof e.properties['role'] === 'string' ? e.properties['role'] : '';
  if (/^(navigation|banner|contentinfo|complementary|search)$/u.test(role)) return true;
  for (const token of [idOf(e), ...classes(e)]) {
    const t = token.toLowerCase();
    if (t === '') continue;
    if (chromeTokens.has(t) || chromeWords.has(t)) return true;
    if (t.split(/[-_]/u).some((part) => chromeWords.has(part))) return true;
  }
  return false;
}

/** Returns the text of a node (all descendant text, hidden and script content excluded). */
function textOf(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && (isHidden(node) || node.tagName === 'script' || node.tagName === 'style')) return '';
  return node.children.map((c) => textOf(c as ElementContent)).join('');
}

/** Returns the length of the text of a node outside links, chrome and hidden elements. */
function ownText(node: Root | ElementContent, memo: Map<Element, number>): number {
  if (node.type === 'text') return node.value.replace(/\s+/gu, '').length;
  if (node.type !== 'element' && node.type !== 'root') return 0;
  if (node.type === 'element') {
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    if (node.tagName === 'a' || node.tagName === 'script' || node.tagName === 'style' || isHidden(node) || isChrome(node)) {
      memo.set(node, 0);
      return 0;
    }
  }
  let n = 0;
  for (const c of node.children) n += ownText(c as ElementContent, memo);
  if (node.type === 'element') memo.set(node, n);
  return n;
}

/** Returns every element under `node` in document order. */
function elements(node: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type === 'element') {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
}

/** True when `inner` is `outer` or inside it. */
function contains(outer: Element, inner: Element): boolean {
  return outer === inner || outer.children.some((c) => c.type === 'element' && contains(c, inner));
}

/** Returns the article body of a page, and the title to put before it when the body lacks one. */
export function findArticle(tree: Root): { body: Root | Element; title: string | undefined } {
  const all = elements(tree);
  const memo = new Map<Element, number>();
  let body: Root | Element | undefined;
  for (const test of known) {
    const candidates = all.filter((e) => test(e) && !isHidden(e));
    const best = candidates.reduce<Element | undefined>((a, e) => (a && ownText(a, memo) >= ownText(e, memo) ? a : e), undefined);
    if (best && ownText(best, memo) >= 20) {
      body = best;
      break;
    }
  }
  body ??= densest(tree, memo);
  const hasH1 = body.type === 'element' ? elements(body).some((e) => e.tagName === 'h1') || body.tagName === 'h1' : true;
  let title: string | undefined;
  if (!hasH1 && body.type === 'element') {
    const inBody = body;
    const h1 = all.find((e) => e.tagName === 'h1' && !contains(inBody, e) && !insideChrome(tree, e));
    const text = h1 ? textOf(h1).replace(/\s+/gu, ' ').trim() : '';
    if (text !== '') title = text;
  }
  return { body: body.type === 'element' ? withoutChrome(body) : body, title };
}

/** Elements that hold a page's sections (a paragraph, list or data table is a part of the article, never all of it). */
const containers = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'center', 'form', 'font', 'span']);

/** True when the element can be the article: a container, or a layout table and its parts. */
function isContainer(e: Element): boolean {
  if (containers.has(e.tagName)) return true;
  if (e.tagName === 'td' || e.tagName === 'th') return true;
  if (['table', 'tbody', 'thead', 'tfoot', 'tr'].includes(e.tagName)) return e.tagName !== 'table' || isLayoutTable(e);
  return false;
}

/** Elements a data table's cell does not hold, but a page laid out in a table does. */
const layoutInside = new Set(['table', 'div', 'section', 'article', 'nav', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'form', 'iframe']);

/**
 * True when a table lays out a page rather than holding data: it has
 * `role="presentation"`, a single row, or a table, `div`, heading, list or
 * form inside it. (Word's data tables hold only paragraphs and text.)
 */
export function isLayoutTable(table: Element): boolean {
  if (table.properties['role'] === 'presentation' || table.properties['role'] === 'none') return true;
  let rows = 0;
  let layout = false;
  const walk = (n: Element, inRow: boolean): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (inRow && layoutInside.has(c.tagName)) layout = true;
      if (c.tagName === 'tr' && !inRow) rows++;
      walk(c, inRow || c.tagName === 'tr');
    }
  };
  walk(table, false);
  return layout || rows <= 1;
}

/** Returns the deepest container holding at least 85% of the page's text outside links and chrome. */
function densest(tree: Root, memo: Map<Element, number>): Root | Element {
  const total = ownText(tree, memo);
  let best: Root | Element = tree;
  for (;;) {
    const kids: ReadonlyArray<Root['children'][number]> = best.children;
    const children: Element[] = kids.filter((c): c is Element => c.type === 'element');
    const next: Element | undefined = children.find((c) => isContainer(c) && ownText(c, memo) >= 0.85 * total);
    if (!next || total === 0) break;
    best = next;
  }
  return best.type === 'root' ? withoutChromeRoot(best) : best;
}

/** True when `target` is inside a chrome element of `tree`. */
function insideChrome(tree: Root, target: Element): boolean {
  const path: Element[] = [];
  const find = (n: Root | Element): boolean => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      path.push(c);
      if (c === target || find(c)) return true;
      path.pop();
    }
    return false;
  };
  find(tree);
  return path.some(isChrome);
}

/** Returns a copy of an element without its chrome descendants. */
function withoutChrome(e: Element): Element {
  return {
    ...e,
    children: e.children.filter((c) => c.type !== 'element' || !isChrome(c)).map((c) => (c.type === 'element' ? withoutChrome(c) : c)),
  };
}

/** Returns a copy of a root without its chrome descendants. */
function withoutChromeRoot(r: Root): Root {
  return { ...r, children: r.children.filter((c) => c.type !== 'element' || !isChrome(c)).map((c) => (c.type === 'element' ? withoutChrome(c) : c)) };
}
