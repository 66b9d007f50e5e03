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

/** Returns the lines of a `.doc` body text: table rows (cells separated by tabs) as canonical table text. */
export function docBodyLines(body: string): string[] {
  const out: string[] = [];
  let rows: string[][] = [];
  const endTable = (): void => {
    out.push(...tableLines(rows));
    rows = [];
  };
  for (const raw of body.split(/\r\n|\r|\n/u)) {
    const line = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '');
    if (line.includes('\t')) {
      // A row: its cells, then the row-end mark's empty cell.
      const cells = line.split('\t');
      while (cells.length > 1 && cells.at(-1)?.trim() === '') cells.pop();
      rows.push(cells.map((c) => c.trim()));
      continue;
    }
    if (rows.length > 0) endTable();
    out.push(line.trim());
  }
  if (rows.length > 0) endTable();
  while (out.at(-1) === '') out.pop();
  while (out[0] === '') out.shift();
  return out;
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
