/**
 * The canonical text form of a table, shared by every converter (HTML, Word,
 * PDF), in the form the parser's table reader (`src/lib/parse/table.ts`)
 * reads: one line per row, each cell led by a tab —
 *
 * ```text
 * (blank line)
 * \t序号\t项目名称\t牵头单位
 * \t1\t新增托位100个\t区教育局
 * (blank line)
 * (blank line)
 * ```
 *
 * A cell's own line breaks are joined (a cell is one wrapped text), tabs
 * inside a cell become spaces, an empty cell stays an empty cell (`\t\t`),
 * and two blank lines end the table, so that the text after it is not read
 * as the continuation of its last cell.
 */

/** Returns the text of one cell, flat: its lines joined, tabs and runs of white space made one space. */
export function flatCell(lines: readonly string[]): string {
  return joinWrapped(lines.map((l) => l.replace(/[\t\s\u00a0]+/gu, ' ').trim()).filter((l) => l !== ''));
}

/** Returns lines joined as one wrapped text: no separator between CJK text, one space between Latin words. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (out !== '' && /[A-Za-z0-9]$/u.test(out) && /^[A-Za-z0-9]/u.test(part)) out += ' ';
    out += part;
  }
  return out;
}

/** Returns the lines of a table of cell texts (rows of equal or unequal length), framed by blank lines. */
export function tableLines(rows: readonly (readonly string[])[]): string[] {
  const body = rows.filter((row) => row.some((c) => c.trim() !== '')).map((row) => row.map((c) => `\t${c.replace(/\t/gu, ' ')}`).join(''));
  if (body.length === 0) return [];
  return ['', ...body, '', ''];
}

/**
 * Returns the grid of a table whose cells may span rows and columns, every
 * spanned slot filled with the text of the cell that spans it (a merged cell
 * reads the same in each row and column it covers). Rows are padded with
 * empty cells to the widest row.
 */
export function fillSpans(rows: readonly (readonly { text: string; rowSpan: number; colSpan: number }[])[]): string[][] {
  const grid: (string | undefined)[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = cell.text;
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}
