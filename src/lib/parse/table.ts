/**
 * Word tables flattened to text: each cell starts on a line led by a tab, and
 * a cell's text wrapped in the table continues on the following untabbed
 * lines (often with blank lines between). This module rebuilds cells, rows
 * and columns from such lines.
 */
import type { Warning } from '../schema.ts';
import type { SourceLine } from './lines.ts';
import { isClosingLine } from './lines.ts';
import { fold, numeral, squash } from './text.ts';

/** A table cell: its text fragments (one per source line) and the lines it took. */
export interface Cell {
  fragments: string[];
  lines: number[];
}

/** What a column holds. */
export type ColumnRole = 'number' | 'title' | 'text' | 'lead' | 'co' | 'other';

/** A table rebuilt from flattened lines. */
export interface Table {
  /** Header cells, when the table has a header row. */
  header: Cell | undefined;
  /** The role of each column. */
  roles: ColumnRole[];
  /** Body rows, each as many cells as there are columns. */
  rows: Cell[][];
  /** Line numbers the table covers (first to last). */
  startLine: number;
  endLine: number;
  warnings: Warning[];
}

const headerWords: Array<[ColumnRole, RegExp]> = [
  ['number', /序号|编号|^序$/u],
  ['lead', /主办|牵头|责任|负责|主责/u],
  ['co', /协办|配合|参与|协助/u],
  ['title', /名称|项目$|事项$|标题/u],
  ['text', /内容|目标|任务|措施|标准/u],
];

/** Returns the role a header cell's text names. */
export function roleOf(text: string): ColumnRole {
  const t = text.replace(/\s+/gu, '');
  for (const [role, re] of headerWords) if (re.test(t)) return role;
  return 'other';
}

/** Returns the text of a cell: its fragments joined without spaces (they are one wrapped text). */
export function cellText(cell: Cell): string {
  return cell.fragments.join('');
}

const isNumberCell = (c: Cell): boolean => /^\d{1,3}$/u.test(fold(cellText(c)));

/**
 * Returns the index just past the table that starts at `lines[start]` (a
 * tab-led line): the table runs over tab-led lines and the untabbed lines
 * that continue their cells, and ends before an untabbed line that is a
 * closing line (抄送…) or that `stop` accepts (the outline reader passes the
 * appendix start), or untabbed text after two blank lines.
 */
export function tableEnd(lines: readonly SourceLine[], start: number, stop: (l: SourceLine) => boolean): number {
  let end = start;
  let blanks = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.text === '' && !line.tab) {
      blanks++;
      continue;
    }
    if (!line.tab && (isClosingLine(line.text) || stop(line) || blanks >= 2)) break;
    blanks = 0;
    end = i + 1;
  }
  return end;
}

/** Returns the cells of flattened table lines, in order. */
function readCells(lines: readonly SourceLine[]): Cell[] {
  const cells: Cell[] = [];
  for (const line of lines) {
    if (line.tab) {
      const parts = line.raw.split('\t');
      const lead = squash(parts[0] ?? '');
      if (lead && cells.length > 0) {
        cells.at(-1)?.fragments.push(lead);
        cells.at(-1)?.lines.push(line.no);
      }
      for (const part of parts.slice(1)) {
        const text = squash(part);
        cells.push({ fragments: text ? [text] : [], lines: [line.no] });
      }
    } else if (line.text !== '') {
      const last = cells.at(-1);
      if (last) {
        last.fragments.push(line.text);
        last.lines.push(line.no);
      }
    }
  }
  return cells;
}

/** Returns the table that `lines` (from a tab-led line to the table's end) hold. */
export function readTable(lines: readonly SourceLine[]): Table {
  const cells = readCells(lines);
  const warnings: Warning[] = [];
  const startLine = lines[0]?.no ?? 0;
  const endLine = lines.at(-1)?.no ?? startLine;
  const firstNumber = cells.findIndex(isNumberCell);
  let header: Cell | undefined;
  let roles: ColumnRole[];
  let body: Cell[];
  if (firstNumber > 0) {
    const head = cells.slice(0, firstNumber);
    roles = head.map((c) => roleOf(cellText(c)));
    header = { fragments: head.map(cellText), lines: head.flatMap((c) => c.lines) };
    body = cells.slice(firstNumber);
  } else {
    // No header: the distance between the first two numbered cells gives the column count.
    const second = cells.findIndex((c, i) => i > 0 && isNumberCell(c));
    const width = second > 0 ? second : cells.length;
    roles = Array.from({ length: width }, (_, i): ColumnRole => (i === 0 ? 'number' : i === 1 ? 'title' : i === 2 ? 'text' : i === 3 ? 'lead' : i === 4 ? 'co' : 'other'));
    body = cells;
  }
  if (!roles.includes('text')) {
    // No header names the content: the first unnamed column is taken as it (as `withText` in readers/cells.ts does).
    const first = roles.indexOf('other');
    if (first >= 0) roles[first] = 'text';
  }
  const width = Math.max(1, roles.length);
  const rows: Cell[][] = [];
  for (let i = 0; i < body.length; i += width) rows.push(body.slice(i, i + width));
  const lastRow = rows.at(-1);
  if (lastRow && lastRow.length < width) {
    warnings.push({
      line: lastRow[0]?.lines[0] ?? endLine,
      message: `表格最后一行只有 ${lastRow.length} 个单元格，少于表头的 ${width} 列`,
    });
  }
  return { header, roles, rows, startLine, endLine, warnings };
}

/** Returns the row's number, or undefined for a row that continues the previous one. */
export function rowNumber(row: readonly Cell[], roles: readonly ColumnRole[]): number | undefined {
  const i = roles.indexOf('number');
  const cell = i >= 0 ? row[i] : undefined;
  if (!cell) return undefined;
  const text = cellText(cell);
  return text ? numeral(text) : undefined;
}
