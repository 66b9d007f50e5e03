/**
 * PDF text items and ruling lines → lines in reading order, tables kept in
 * columns. Pure: the items and segments come from pdf.js (`pdf.ts`); this
 * module only does geometry (PDF units, y pointing up).
 *
 * 1. **Ruled tables** (the usual case: Chinese official tables are drawn
 *    with borders). Horizontal and vertical ruling segments that touch form
 *    a grid; its distinct x and y positions cut it into slots; two adjacent
 *    slots with no ruling between them are one merged cell, whose text fills
 *    every slot it covers (as `rowspan`/`colspan` are filled in HTML). Each
 *    text item goes to the slot its middle falls in, so wrapped and
 *    vertically centred cell text stays in its cell. A table that goes on at
 *    the top of the next page with as many columns is one table.
 * 2. **Lines**: the other items whose baselines lie within 0.4 of a font size
 *    of each other are one line, read left to right; lines and tables are
 *    read top to bottom, page after page.
 * 3. **Unruled tables**: inside a line, a gap wider than 1.5 characters
 *    separates cells; a line of two or more cells is a table row of its own.
 * 4. **Paragraphs**: a line that runs to the right edge of the text, followed
 *    closely by a line at the left margin that does not start with a list
 *    marker, continues on that line (a wrapped paragraph is one line).
 */
import { readMarker } from '../parse/markers.ts';
import { joinWrapped, tableLines } from './table-text.ts';

/** A run of text on a page: its left baseline point, width and font size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A straight ruling segment drawn on a page. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One page: its text items and its ruling segments. */
export interface PageContent {
  items: TextItem[];
  segments: Segment[];
}

/** A line of text on a page: its cells left to right. */
interface Line {
  y: number;
  size: number;
  cells: Array<{ x: number; right: number; text: string }>;
}

/** A piece of a page in reading order. */
type Block = { kind: 'line'; page: number; line: Line } | { kind: 'table'; page: number; top: number; rows: string[][] };

const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** How close (PDF units) two rulings must be to count as the same line or as touching. */
const tol = 2;

/** Returns items grouped into lines, top to bottom, each split into cells at gaps wider than `gap` characters. */
function groupLines(items: readonly TextItem[], gap: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '' && i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= 0.4 * Math.min(first.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      const byX = [...group].sort((a, b) => a.x - b.x || b.y - a.y);
      const size = Math.max(...byX.map((i) => i.size));
      const cells: Line['cells'] = [];
      for (const item of byX) {
        const cell = cells.at(-1);
        const space = cell ? item.x - cell.right : Infinity;
        const text = item.str.replace(/\s+/gu, ' ');
        if (!cell || space > gap * size) {
          cells.push({ x: item.x, right: item.x + item.width, text: text.trim() });
          continue;
        }
        const spaced = space > 0.25 * size && !cjk.test(cell.text.slice(-1)) && !cjk.test(text.trimStart().charAt(0));
        cell.text = (spaced ? `${cell.text.trimEnd()} ${text.trimStart()}` : cell.text + text).replace(/ {2,}/gu, ' ');
        cell.right = Math.max(cell.right, item.x + item.width);
      }
      for (const c of cells) c.text = c.text.trim();
      return { y: byX[0]?.y ?? 0, size, cells: cells.filter((c) => c.text !== '') };
    })
    .filter((l) => l.cells.length > 0);
}

/** Returns distinct values, sorted, those within `tol` of each other made one. */
function cluster(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last === undefined || v - last > tol) out.push(v);
  }
  return out;
}

/** A ruled grid: the x positions of its vertical rulings, the y positions of its horizontal ones (top first). */
interface Grid {
  xs: number[];
  ys: number[];
  horizontal: Segment[];
  vertical: Segment[];
}

/** Returns the ruled grids of a page: connected sets of horizontal and vertical segments. */
function findGrids(segments: readonly Segment[]): Grid[] {
  const lines = segments
    .map((s) => ({ x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2), y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) }))
    .filter((s) => s.x2 - s.x1 > tol || s.y2 - s.y1 > tol)
    .map((s) => ({ ...s, horizontal: s.y2 - s.y1 <= tol }));
  // Thin filled rectangles are rulings too: as long as they are thin in one direction.
  const usable = lines.filter((s) => (s.horizontal ? s.y2 - s.y1 <= tol : s.x2 - s.x1 <= tol));
  const parent = usable.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const touch = (a: (typeof usable)[number], b: (typeof usable)[number]): boolean => a.x1 - tol <= b.x2 && b.x1 - tol <= a.x2 && a.y1 - tol <= b.y2 && b.y1 - tol <= a.y2;
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const a = usable[i];
      const b = usable[j];
      if (a && b && a.horizontal !== b.horizontal && touch(a, b)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, typeof usable>();
  usable.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const horizontal = group.filter((s) => s.horizontal);
    const vertical = group.filter((s) => !s.horizontal);
    const xs = cluster(vertical.map((s) => (s.x1 + s.x2) / 2));
    const ys = cluster(horizontal.map((s) => (s.y1 + s.y2) / 2)).reverse();
    if (xs.length >= 2 && ys.length >= 2) grids.push({ xs, ys, horizontal, vertical });
  }
  return grids.sort((a, b) => (b.ys[0] ?? 0) - (a.ys[0] ?? 0));
}

/** True when a ruling of `segments` covers the span from `from` to `to` at position `at` (along the other axis). */
function ruled(segments: readonly Segment[], horizontal: boolean, at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return segments.some((s) =>
    horizontal
      ? Math.abs((s.y1 + s.y2) / 2 - at) <= tol && s.x1 - tol <= mid && mid <= s.x2 + tol
      : Math.abs((s.x1 + s.x2) / 2 - at) <= tol && s.y1 - tol <= mid && mid <= s.y2 + tol,
  );
}

/** Returns the rows of a ruled grid with the text items inside it; merged cells fill every slot they cover. */
function gridRows(grid: Grid, items: readonly TextItem[]): string[][] {
  const { xs, ys } = grid;
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const slot = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const top = ys[r] ?? 0;
      const bottom = ys[r + 1] ?? 0;
      const left = xs[c] ?? 0;
      const right = xs[c + 1] ?? 0;
      if (c + 1 < cols && !ruled(grid.vertical, false, right, bottom, top)) parent[find(slot(r, c))] = find(slot(r, c + 1));
      if (r + 1 < rows && !ruled(grid.horizontal, true, bottom, left, right)) parent[find(slot(r, c))] = find(slot(r + 1, c));
    }
  }
  const inside = new Map<number, TextItem[]>();
  for (const item of items.flatMap((i) => splitAt(i, xs))) {
    const mx = item.x + item.width / 2;
    const my = item.y + item.size / 3;
    const c = xs.findIndex((x, i) => i < cols && x <= mx && mx <= (xs[i + 1] ?? x));
    const r = ys.findIndex((y, i) => i < rows && (ys[i + 1] ?? y) <= my && my <= y);
    if (c < 0 || r < 0) continue;
    const root = find(slot(r, c));
    inside.set(root, [...(inside.get(root) ?? []), item]);
  }
  const text = new Map<number, string>();
  for (const [root, its] of inside) text.set(root, joinWrapped(groupLines(its, Infinity).map((l) => l.cells.map((x) => x.text).join(' '))));
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => text.get(find(slot(r, c))) ?? ''));
}

/**
 * Returns an item cut where vertical rulings cross it: pdf.js may join the
 * texts of neighbouring cells into one item. Character positions are
 * estimated from the item's width, a CJK character counting as two Latin
 * ones.
 */
export function splitAt(item: TextItem, xs: readonly number[]): TextItem[] {
  const cuts = xs.filter((x) => x > item.x + tol && x < item.x + item.width - tol);
  if (cuts.length === 0) return [item];
  const chars = Array.from(item.str);
  const weights = chars.map((c) => (cjk.test(c) ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pieces: TextItem[] = [];
  let x = item.x;
  let current: TextItem = { ...item, str: '', width: 0 };
  chars.forEach((c, i) => {
    const w = ((weights[i] ?? 1) / total) * item.width;
    const mid = x + w / 2;
    if (cuts.some((cut) => cut > current.x && cut <= mid) && current.str !== '') {
      pieces.push(current);
      current = { ...item, str: '', x, width: 0 };
    }
    if (current.str === '') current.x = x;
    current.str += c;
    current.width += w;
    x += w;
  });
  if (current.str !== '') pieces.push(current);
  return pieces;
}

/** True when the item's middle lies inside the grid. */
function inGrid(item: TextItem, grid: Grid): boolean {
  const mx = item.x + item.width / 2;
  const my = item.y + item.size / 3;
  return (grid.xs[0] ?? 0) <= mx && mx <= (grid.xs.at(-1) ?? 0) && (grid.ys.at(-1) ?? 0) <= my && my <= (grid.ys[0] ?? 0);
}

/** Returns a page's blocks (lines and tables), top to bottom. */
function pageBlocks(page: PageContent, n: number): Block[] {
  const grids = findGrids(page.segments);
  const free: TextItem[] = [];
  const owned = new Map<Grid, TextItem[]>();
  for (const item of page.items) {
    const grid = grids.find((g) => inGrid(item, g));
    if (grid) owned.set(grid, [...(owned.get(grid) ?? []), item]);
    else free.push(item);
  }
  const blocks: Array<Block & { top: number }> = [];
  for (const grid of grids) {
    const rows = gridRows(grid, owned.get(grid) ?? []);
    if (rows.some((r) => r.some((c) => c !== ''))) blocks.push({ kind: 'table', page: n, top: grid.ys[0] ?? 0, rows });
  }
  for (const line of groupLines(free, 1.5)) {
    if (line.cells.length > 1) blocks.push({ kind: 'table', page: n, top: line.y, rows: [line.cells.map((c) => c.text)] });
    else blocks.push({ kind: 'line', page: n, line, top: line.y });
  }
  return blocks.sort((a, b) => b.top - a.top);
}

/** Returns the lines of a document's pages, tables as canonical table text. */
export function layoutLines(pages: readonly PageContent[]): string[] {
  const blocks = pages.flatMap((page, n) => pageBlocks(page, n));
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    if (!block) break;
    if (block.kind === 'table') {
      const rows = [...block.rows];
      let j = i + 1;
      // Rows of one width that follow each other (unruled rows, or a ruled table going on over a page break) are one table.
      for (; j < blocks.length; j++) {
        const next = blocks[j];
        if (!next || next.kind !== 'table' || next.rows[0]?.length !== rows[0]?.length) break;
        rows.push(...next.rows);
      }
      out.push(...tableLines(rows));
      i = j;
      continue;
    }
    const run: Line[] = [block.line];
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const next = blocks[j];
      const prev = run.at(-1);
      if (!next || !prev || next.kind !== 'line' || next.page !== block.page || !continues(prev, next.line, pageLinesOf(blocks, block.page))) break;
      run.push(next.line);
    }
    out.push(joinWrapped(run.map((l) => l.cells[0]?.text ?? '')));
    i = j;
  }
  return tidy(out);
}

/** Returns the one-cell lines of page `n`. */
function pageLinesOf(blocks: readonly Block[], n: number): Line[] {
  return blocks.flatMap((b) => (b.kind === 'line' && b.page === n ? [b.line] : []));
}

/** True when `next` continues the paragraph of `line`: `line` runs to the right edge, `next` starts at the left margin, close below. */
function continues(line: Line, next: Line, page: readonly Line[]): boolean {
  if (Math.abs(line.size - next.size) > 0.1 * line.size || line.y - next.y > 1.9 * line.size) return false;
  const right = Math.max(...page.map((l) => l.cells[0]?.right ?? 0));
  const left = Math.min(...page.map((l) => l.cells[0]?.x ?? 0));
  const cell = line.cells[0];
  const nextCell = next.cells[0];
  if (!cell || !nextCell) return false;
  if (cell.right < right - 1.5 * line.size) return false;
  if (nextCell.x > left + 0.5 * line.size) return false;
  return readMarker(nextCell.text) === undefined;
}

/** Returns lines without runs of more than two blank lines and without blank lines at either end. */
function tidy(lines: readonly string[]): string[] {
  const out: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    blanks = line === '' ? blanks + 1 : 0;
    if (line === '' && (blanks > 2 || out.length === 0)) continue;
    out.push(line);
  }
  while (out.at(-1) === '') out.pop();
  return out;
}
