/**
 * HTML → notice text: a saved government page or WeChat article, or the HTML
 * a Word converter writes. Parsed with rehype-parse (the unified family the
 * project already uses for Markdown); then
 *
 * 1. the character set is read from a byte-order mark, else from
 *    `<meta charset>` / `<meta http-equiv content="…charset=…">`, else the
 *    bytes are detected like a text file (UTF-8, else GB18030);
 * 2. the article body is found ({@link findArticle});
 * 3. the body becomes lines: each block element (paragraph, heading, list
 *    item, `div`…) and each `<br>` ends a line; white space collapses as a
 *    browser shows it (a line break in the source between two CJK
 *    characters disappears, CSS Text's segment-break rule); a data table (one
 *    without tables inside it) becomes the canonical table text of
 *    `table-text.ts`, merged cells filled in; a layout table (one row, or
 *    headings, `div`s, lists or tables in its cells: `isLayoutTable`) is
 *    read as blocks.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { bomEncoding, decodeText, tryDecode } from '../decode.ts';
import { findArticle, isHidden, isLayoutTable } from './html-article.ts';
import { fillSpans, flatCell, tableLines } from './table-text.ts';
import type { Converted } from './types.ts';

/** Elements that are never text. */
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'head',
  'title',
  'meta',
  'link',
  'object',
  'embed',
  'audio',
  'video',
  'img',
  'map',
]);
/** Elements that start and end a line. */
const blocks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'tfoot',
]);

/** Returns the character set an HTML document's bytes declare in a `<meta>` (lower case), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Returns the decoded text of HTML bytes, or why they cannot be read. */
function decodeHtml(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  const declared = bomEncoding(bytes) ? undefined : declaredCharset(bytes);
  if (declared && !/^utf-?8$/u.test(declared)) {
    // GBK and GB2312 pages are decoded as GB18030, their superset.
    const label = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/u.test(declared) ? 'gb18030' : declared;
    let text: string | undefined;
    try {
      text = tryDecode(label, bytes);
    } catch {
      return { ok: false, message: `the page declares the unknown character set "${declared}"` };
    }
    if (text !== undefined) return { ok: true, text };
    return { ok: false, message: `the page declares the character set ${declared} but is not valid ${declared}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.error.message };
  return { ok: true, text: decoded.text };
}

/** Returns the lines of an HTML document's article. */
export function htmlToLines(html: string): string[] {
  const tree = unified().use(rehypeParse).parse(html);
  const { body, title } = findArticle(tree);
  const out = new LineWriter();
  if (title) {
    out.text(title);
    out.flush();
  }
  writeNode(body, out);
  out.flush();
  return tidy(out.lines);
}

/** Converts HTML bytes to the notice's text. */
export function convertHtml(bytes: Uint8Array): Converted {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return { ok: false, error: { line: 0, message: decoded.message } };
  return htmlTextToNotice(decoded.text);
}

/** Converts decoded HTML to the notice's text, or says the page holds no text. */
export function htmlTextToNotice(html: string): Converted {
  const lines = htmlToLines(html);
  if (!lines.some((l) => l.trim() !== '')) return { ok: false, error: { line: 0, message: 'the page has no text in its body' } };
  return { ok: true, text: `${lines.join('\n')}\n` };
}

/** Collects inline text into lines. */
class LineWriter {
  lines: string[] = [];
  private current = '';

  /** Appends inline text (white space already collapsed by the caller). */
  text(s: string): void {
    this.current += s;
  }

  /** Ends the current line, if it has any text. */
  flush(): void {
    const line = this.current.replace(/[ \u00a0\u3000]+/gu, ' ').trim();
    if (line !== '') this.lines.push(line);
    this.current = '';
  }

  /** Ends the current line and adds raw lines (a table) as they are. */
  raw(lines: readonly string[]): void {
    this.flush();
    this.lines.push(...lines);
  }

  /** Ends the current line at a `<br>` (a `<br>` on an empty line adds nothing: blank lines carry no text). */
  br(): void {
    this.flush();
  }
}

/** Writes a node and its descendants into `out`. */
function writeNode(node: Root | RootContent | ElementContent, out: LineWriter): void {
  if (node.type === 'text') {
    out.text(collapse(node.value));
    return;
  }
  if (node.type === 'root') {
    for (const child of node.children) writeNode(child, out);
    return;
  }
  if (node.type !== 'element') return;
  const name = node.tagName;
  if (dropped.has(name) || isHidden(node)) return;
  if (name === 'br') return out.br();
  if (name === 'table' && !isLayoutTable(node)) return out.raw(tableLines(tableGrid(node)));
  const block = blocks.has(name);
  if (block) out.flush();
  for (const child of node.children) writeNode(child, out);
  if (block) out.flush();
}

/** Collapses white space as a browser shows it; a break between two CJK characters disappears. */
function collapse(s: string): string {
  return s
    .replace(/([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])[\t\n\r\f ]*[\n\r][\t\n\r\f ]*(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/gu, '$1')
    .replace(/[\t\n\r\f ]+/gu, ' ');
}

/** Returns a data table's grid of cell texts, merged cells filled. */
function tableGrid(table: Element): string[][] {
  const rows: Element[] = [];
  const collect = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element' || isHidden(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
    }
  };
  collect(table);
  const cells = rows.map((tr) =>
    tr.children
      .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') && !isHidden(c))
      .map((cell) => ({ text: cellText(cell), rowSpan: span(cell.properties['rowSpan']), colSpan: span(cell.properties['colSpan']) })),
  );
  return fillSpans(cells);
}

/** Returns a span attribute as a whole number ≥ 1. */
function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/** Returns the text of a table cell: its lines joined as one wrapped text. */
function cellText(cell: Element): string {
  const out = new LineWriter();
  for (const child of cell.children) writeNode(child, out);
  out.flush();
  return flatCell(out.lines);
}

/** Returns lines without runs of more than two blank lines, without leading or trailing blank lines. */
function tidy(lines: readonly string[]): string[] {
  const out: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      if (blanks <= 2 && out.length > 0) out.push('');
    } else {
      blanks = 0;
      out.push(line);
    }
  }
  while (out.at(-1) === '') out.pop();
  return out;
}
