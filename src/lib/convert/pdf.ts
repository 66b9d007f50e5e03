/**
 * PDF → notice text, with pdf.js (Mozilla's reader, the `pdfjs-dist` legacy
 * build that runs in Node without a browser): the text items of every page
 * are laid out in reading order by `pdf-layout.ts`. A PDF without a text
 * layer (a scan) is refused: it needs OCR first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { layoutLines, type TextItem } from './pdf-layout.ts';
import type { Converted } from './types.ts';

/** Returns the text items of every page of a PDF, or throws when pdf.js cannot read it. */
export async function pdfItems(bytes: Uint8Array): Promise<TextItem[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: TextItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
        items.push({ str: item.str, x, y, width: item.width, size });
      }
      pages.push(items);
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Converts a PDF to the notice's text; a PDF with no text at all is a scan and needs OCR. */
export async function convertPdf(bytes: Uint8Array): Promise<Converted> {
  let pages: TextItem[][];
  try {
    pages = await pdfItems(bytes);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const reason = name === 'PasswordException' ? 'the PDF is encrypted with a password' : 'the file is a damaged or incomplete PDF';
    return { ok: false, error: { line: 0, message: reason } };
  }
  const lines = layoutLines(pages);
  if (!lines.some((l) => l.trim() !== '')) {
    return { ok: false, error: { line: 0, message: `the PDF has no text layer (a scanned PDF of ${pages.length} page${pages.length === 1 ? '' : 's'}); it needs OCR before it can be read` } };
  }
  return { ok: true, text: `${lines.join('\n')}\n` };
}
