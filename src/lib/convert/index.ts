/**
 * A published notice file → its canonical text. The format is sniffed from
 * the bytes (`sniff.ts`); the file name only sharpens the error when the
 * bytes are not what the name says (a `.html` file without markup is read as
 * text, so its lines are kept). Each format has its converter: text
 * (`../decode.ts`), HTML (`html.ts`), Word `.docx` (`docx.ts`), Word 97–2003
 * `.doc` (`doc.ts`) and PDF (`pdf.ts`). Every converter is deterministic:
 * the same bytes give the same text.
 */
import { decodeText } from '../decode.ts';
import { convertDoc } from './doc.ts';
import { convertDocx } from './docx.ts';
import { convertHtml } from './html.ts';
import { convertPdf } from './pdf.ts';
import { claimedFormat, sniffFormat } from './sniff.ts';
import type { Converted, SourceFormat } from './types.ts';

export type { Converted, ConvertError, SourceFormat } from './types.ts';

/** What the file names call each format, for messages. */
const formatNames: Record<SourceFormat, string> = {
  text: 'a text file',
  html: 'an HTML page',
  docx: 'a Word .docx document',
  doc: 'a Word 97–2003 .doc document',
  pdf: 'a PDF',
};

/** Returns the canonical text of a notice file's bytes and the format they were in, or why they cannot be read. */
export async function convertNotice(bytes: Uint8Array, name: string): Promise<(Converted & { ok: true; format: SourceFormat }) | (Converted & { ok: false })> {
  if (bytes.length === 0) return { ok: false, error: { line: 0, message: 'the file is empty' } };
  const sniffed = sniffFormat(bytes);
  const claimed = claimedFormat(name);
  const format: SourceFormat | undefined =
    sniffed === 'zip' ? 'docx' : sniffed === 'ole' ? 'doc' : (sniffed ?? (claimed === 'pdf' || claimed === 'docx' || claimed === 'doc' ? undefined : 'text'));
  if (format === undefined) {
    const what = claimed ? formatNames[claimed] : 'a notice';
    return { ok: false, error: { line: 0, message: `the file is not ${what}: its bytes do not start the way such a file does (damaged, or misnamed)` } };
  }
  const converted = await convertAs(format, bytes);
  return converted.ok ? { ...converted, format } : converted;
}

/** Converts bytes known to be in `format`. */
async function convertAs(format: SourceFormat, bytes: Uint8Array): Promise<Converted> {
  switch (format) {
    case 'pdf':
      return convertPdf(bytes);
    case 'docx':
      return convertDocx(bytes);
    case 'doc':
      return convertDoc(bytes);
    case 'html':
      return convertHtml(bytes);
    case 'text': {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return decoded;
      // Canonical text: UTF-8, `\n` line ends, no BOM.
      const text = decoded.text.replace(/\r\n?/gu, '\n');
      return { ok: true, text };
    }
  }
}

/** The file name extension an original in `format` is kept with. */
export function originalExtension(format: SourceFormat, name: string): string {
  if (format === 'html') return /\.htm$/iu.test(name) ? 'htm' : 'html';
  return format === 'text' ? 'txt' : format;
}
