/**
 * Word `.docx` → notice text. The numbering of list paragraphs is first
 * written into the text (`docx-numbering.ts`); then mammoth converts the
 * document to HTML (paragraphs, headings, tables with `rowspan`/`colspan`
 * from Word's merged cells), and the HTML path (`html.ts`) makes the lines.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { readNumbering, renderNumbering } from './docx-numbering.ts';
import { htmlTextToNotice } from './html.ts';
import type { Converted } from './types.ts';

/** Returns the docx with its list numbers written as text, or undefined when it is not a readable Word document. */
async function numberedDocx(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    return undefined;
  }
  const read = async (path: string): Promise<Document | undefined> => {
    const file = zip.file(path);
    if (!file) return undefined;
    const xml = await file.async('string');
    return parseXml(xml);
  };
  let document: Document | undefined;
  try {
    document = await read('word/document.xml');
    if (!document) return undefined;
    const numbering = readNumbering(await read('word/numbering.xml'), await read('word/styles.xml'));
    renderNumbering(document, numbering);
  } catch {
    return undefined;
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(document as never));
  // The rewritten archive only goes to mammoth, in memory: its bytes are never kept.
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** Returns the XML document in `xml`, or throws on malformed XML. */
function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  }).parseFromString(xml, 'application/xml');
  if (errors.length > 0) throw new Error(errors[0]);
  return doc as unknown as Document;
}

/** Converts a Word `.docx` to the notice's text. */
export async function convertDocx(bytes: Uint8Array): Promise<Converted> {
  const numbered = await numberedDocx(bytes);
  if (!numbered) return { ok: false, error: { line: 0, message: 'the file is not a readable Word .docx document (a damaged or incomplete ZIP, or no word/document.xml)' } };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(numbered) },
      // Images carry no notice text; leave them out rather than inline them.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    return { ok: false, error: { line: 0, message: 'the file is not a readable Word .docx document' } };
  }
  return htmlTextToNotice(`<!doctype html><html><body><article>${html}</article></body></html>`);
}
