/**
 * PDF → notice text, with pdf.js (Mozilla's reader, the `pdfjs-dist` legacy
 * build that runs in Node without a browser): the text items of every page
 * are laid out in reading order by `pdf-layout.ts`. A PDF without a text
 * layer (a scan) is refused: it needs OCR first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { layoutLines, type PageContent, type Segment, type TextItem } from './pdf-layout.ts';
import type { Converted } from './types.ts';

/** A transformation matrix [a b c d e f]. */
type Matrix = [number, number, number, number, number, number];

/** Returns m × n (apply n, then m). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Returns the straight segments a page's painted paths draw (table rulings
 * among them), in page space: the operator list's paths, through the
 * current transformation matrix. Curves are skipped; clipping paths are not
 * painted and are skipped too.
 */
function pathSegments(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Record<string, number>): Segment[] {
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const painted = new Set([
    OPS['stroke'],
    OPS['closeStroke'],
    OPS['fill'],
    OPS['eoFill'],
    OPS['fillStroke'],
    OPS['eoFillStroke'],
    OPS['closeFillStroke'],
    OPS['closeEOFillStroke'],
  ]);
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS['save']) stack.push(ctm);
    else if (fn === OPS['restore']) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS['transform'] && args) ctm = multiply(ctm, args.map(Number) as Matrix);
    else if (fn === OPS['constructPath'] && args && painted.has(Number(args[0]))) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) return;
      const at = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      let start: [number, number] | undefined;
      let here: [number, number] | undefined;
      for (let k = 0; k < data.length;) {
        const op = data[k] ?? -1;
        if (op === 0) {
          here = start = at(data[k + 1] ?? 0, data[k + 2] ?? 0);
          k += 3;
        } else if (op === 1) {
          const to = at(data[k + 1] ?? 0, data[k + 2] ?? 0);
          if (here) segments.push({ x1: here[0], y1: here[1], x2: to[0], y2: to[1] });
          here = to;
          k += 3;
        } else if (op === 2) {
          here = at(data[k + 5] ?? 0, data[k + 6] ?? 0);
          k += 7;
        } else if (op === 3) {
          here = at(data[k + 3] ?? 0, data[k + 4] ?? 0);
          k += 5;
        } else if (op === 4) {
          if (here && start) segments.push({ x1: here[0], y1: here[1], x2: start[0], y2: start[1] });
          here = start;
          k += 1;
        } else break;
      }
    }
  });
  return segments;
}

/** Returns the text items and ruling segments of every page of a PDF, or throws when pdf.js cannot read it. */
async function pdfPages(bytes: Uint8Array): Promise<PageContent[]> {
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
    const pages: PageContent[] = [];
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
      const ops = await page.getOperatorList();
      pages.push({ items, segments: pathSegments(ops.fnArray, ops.argsArray, pdfjs.OPS as Record<string, number>) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Converts a PDF to the notice's text; a PDF with no text at all is a scan and needs OCR. */
export async function convertPdf(bytes: Uint8Array): Promise<Converted> {
  let pages: PageContent[];
  try {
    pages = await pdfPages(bytes);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const reason = name === 'PasswordException' ? 'the PDF is encrypted with a password' : 'the file is a damaged or incomplete PDF';
    return { ok: false, error: { line: 0, message: reason } };
  }
  const lines = layoutLines(pages);
  if (!lines.some((l) => l.trim() !== '')) {
    return {
      ok: false,
      error: { line: 0, message: `the PDF has no text layer (a scanned PDF of ${pages.length} page${pages.length === 1 ? '' : 's'}); it needs OCR before it can be read` },
    };
  }
  return { ok: true, text: `${lines.join('\n')}\n` };
}
