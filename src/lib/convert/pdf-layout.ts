/**
 * PDF text items → lines in reading order, tables kept in columns. Pure: the
 * items come from pdf.js (`pdf.ts`); this module only does geometry.
 *
 * 1. **Lines**: items whose baselines lie within 0.4 of a font size of each
 *    other are one line, read left to right; lines are read top to bottom,
 *    page after page.
 * 2. **Cells**: inside a line, a horizontal gap wider than 1.5 characters
 *    separates two cells (a table's columns are drawn apart; words of
 *    running text, even justified, are not that far apart).
 * 3. **Tables**: a run of lines with two or more cells is a table, together
 *    with the one-cell lines under it that start at one of its columns but
 *    not the first (the wrapped text of a cell). Column starts are the
 *    clustered left edges of the cells; a table that goes on at the top of
 *    the next page with as many columns is one table. A line with text in
 *    the first column starts a new row when the row already has text there;
 *    other lines continue the row's cells (cells are read top-aligned: text
 *    centred vertically in a tall row is attached to the row above).
 * 4. **Paragraphs**: a line that runs to the right edge of the text, followed
 *    closely by a line at the left margin that does not start with a list
 *    marker, continues on that line (a wrapped paragraph is one line).
 */
import { readMarker } from '../parse/markers.ts';
import { joinWrapped, tableLines } from './table-text.ts';

/** A run of text on a page: its left baseline point, width and font size (PDF units, y up). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of a page: its cells left to right. */
interface Line {
  page: number;
  y: number;
  size: number;
  cells: Array<{ x: number; right: number; text: string }>;
}

const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Returns a page's lines, top to bottom, each split into cells at wide gaps. */
function pageLines(items: readonly TextItem[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '' && i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= 0.4 * Math.min(first.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const byX = [...group].sort((a, b) => a.x - b.x || b.y - a.y);
    const size = Math.max(...byX.map((i) => i.size));
    const cells: Line['cells'] = [];
    for (const item of byX) {
      const cell = cells.at(-1);
      const gap = cell ? item.x - cell.right : Infinity;
      const text = item.str.replace(/\s+/gu, ' ');
      if (!cell || gap > 1.5 * size) {
        cells.push({ x: item.x, right: item.x + item.width, text: text.trim() });
        continue;
      }
      const spaced = gap > 0.25 * size && !cjk.test(cell.text.slice(-1)) && !cjk.test(text.trimStart().charAt(0));
      cell.text = (spaced ? `${cell.text.trimEnd()} ${text.trimStart()}` : cell.text + text).replace(/ {2,}/gu, ' ');
      cell.right = Math.max(cell.right, item.x + item.width);
    }
    for (const c of cells) c.text = c.text.trim();
    return { page, y: byX[0]?.y ?? 0, size, cells: cells.filter((c) => c.text !== '') };
  }).filter((l) => l.cells.length > 0);
}

/** Returns the column starts of table lines: their cells' left edges, clustered within a character. */
function columnStarts(lines: readonly Line[]): number[] {
  const xs = lines.filter((l) => l.cells.length > 1).flatMap((l) => l.cells.map((c) => c.x)).sort((a, b) => a - b);
  const size = Math.min(...lines.map((l) => l.size));
  const starts: number[] = [];
  for (const x of xs) {
    const last = starts.at(-1);
    if (last === undefined || x - last > size) starts.push(x);
  }
  return starts;
}

/** Returns the column a cell starting at `x` falls in. */
function columnOf(x: number, starts: readonly number[], size: number): number {
  let col = 0;
  starts.forEach((s, i) => {
    if (s <= x + size / 2) col = i;
  });
  return col;
}

/** Returns the rows of a table's lines, each a list of cell texts. */
function tableRows(lines: readonly Line[]): string[][] {
  const starts = columnStarts(lines);
  const rows: string[][][] = [];
  for (const line of lines) {
    const parts: string[][] = starts.map(() => []);
    for (const cell of line.cells) parts[columnOf(cell.x, starts, line.size)]?.push(cell.text);
    const row = rows.at(-1);
    const newRow = !row || ((parts[0]?.length ?? 0) > 0 && (row[0]?.length ?? 0) > 0);
    if (newRow) rows.push(parts);
    else parts.forEach((p, i) => row[i]?.push(...p));
  }
  return rows.map((row) => row.map((fragments) => joinWrapped(fragments)));
}

/** True when `line` continues a table whose column starts are `starts` (a wrapped cell in a later column). */
function continuesTable(line: Line, prev: Line, starts: readonly number[]): boolean {
  if (line.cells.length > 1) return true;
  if (line.page !== prev.page || prev.y - line.y > 2.5 * line.size) return false;
  const x = line.cells[0]?.x ?? 0;
  return starts.slice(1).some((s) => Math.abs(s - x) <= line.size);
}

/** Returns the lines of a document's pages of text items, tables as canonical table text. */
export function layoutLines(pages: readonly (readonly TextItem[])[]): string[] {
  const lines = pages.flatMap((items, page) => pageLines(items, page));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    if (line.cells.length > 1) {
      const block: Line[] = [line];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const next = lines[j];
        const prev = block.at(-1);
        if (!next || !prev || !continuesTable(next, prev, columnStarts(block))) break;
        block.push(next);
      }
      out.push(...tableLines(tableRows(block)));
      i = j;
      continue;
    }
    out.push(...paragraph(lines, i));
    i += paragraphLength(lines, i);
  }
  return tidy(out);
}

/** Returns how many lines from `start` make one wrapped paragraph. */
function paragraphLength(lines: readonly Line[], start: number): number {
  let n = 1;
  while (joinsNext(lines, start + n - 1)) n++;
  return n;
}

/** Returns the paragraph that starts at `start`, as one line. */
function paragraph(lines: readonly Line[], start: number): string[] {
  const n = paragraphLength(lines, start);
  return [joinWrapped(lines.slice(start, start + n).map((l) => l.cells.map((c) => c.text).join(' ')))];
}

/** True when the one-cell line at `i` runs to the right edge and the next line continues it. */
function joinsNext(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || !next || line.cells.length !== 1 || next.cells.length !== 1 || line.page !== next.page) return false;
  if (Math.abs(line.size - next.size) > 0.1 * line.size || line.y - next.y > 1.9 * line.size) return false;
  const pageText = lines.filter((l) => l.page === line.page && l.cells.length === 1);
  const right = Math.max(...pageText.map((l) => l.cells[0]?.right ?? 0));
  const left = Math.min(...pageText.map((l) => l.cells[0]?.x ?? 0));
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
