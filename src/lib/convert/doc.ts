/**
 * Word 97–2003 `.doc` → notice text, with word-extractor (pure JavaScript,
 * reads the OLE compound file and its piece table). The body text only:
 * automatic list numbering is not in a `.doc`'s text stream and is not
 * rendered. Table cells, which Word ends with a cell mark, become the
 * canonical tab-led table lines (`table-text.ts`).
 */
import WordExtractor from 'word-extractor';
import { tableLines } from './table-text.ts';
import type { Converted } from './types.ts';

/**
 * Returns the lines of a `.doc` body text, tables as canonical table text.
 * word-extractor ends every cell with a tab and every row with one more
 * character, a tab or a line break; so a table is a run of lines holding
 * tabs, its width is the commonest count of cells on a line, and its cells
 * are re-read as rows of that many cells, each row followed by its end mark.
 * Merged cells come out empty in the slots they cover (a `.doc`'s text does
 * not say which cell spans them).
 */
export function docBodyLines(body: string): string[] {
  const out: string[] = [];
  const lines = body.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '').split(/\r\n|\r|\n/u);
  for (let i = 0; i < lines.length;) {
    if (!(lines[i] ?? '').includes('\t')) {
      out.push((lines[i] ?? '').trim());
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] ?? '').includes('\t')) j++;
    out.push(...tableLines(docTableRows(lines.slice(i, j))));
    i = j;
  }
  while (out.at(-1) === '') out.pop();
  while (out[0] === '') out.shift();
  return out;
}

/** Returns the rows of a `.doc` table's lines (cells ended by tabs, rows by one more tab or a line break). */
function docTableRows(lines: readonly string[]): string[][] {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const cells = line.split('\t').length - 1;
    counts.set(cells, (counts.get(cells) ?? 0) + 1);
  }
  const width = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  const text = lines.join('\n');
  for (let k = 0; k < text.length; k++) {
    const c = text.charAt(k);
    if (row.length === width && (c === '\t' || c === '\n')) {
      rows.push(row);
      row = [];
      continue;
    }
    if (c === '\t') {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n') {
      // A line break inside a cell: one wrapped text.
      continue;
    } else cell += c;
  }
  if (cell.trim() !== '') row.push(cell.trim());
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Converts a Word 97–2003 `.doc` to the notice's text. */
export async function convertDoc(bytes: Uint8Array): Promise<Converted> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    body = doc.getBody();
  } catch {
    return { ok: false, error: { line: 0, message: 'the file is not a readable Word 97–2003 .doc document (damaged or incomplete)' } };
  }
  const lines = docBodyLines(body);
  if (!lines.some((l) => l !== '')) return { ok: false, error: { line: 0, message: 'the Word document has no text' } };
  return { ok: true, text: `${lines.join('\n')}\n` };
}
