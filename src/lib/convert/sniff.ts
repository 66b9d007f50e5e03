/**
 * Which format a file is, from its bytes (magic numbers and markup), never
 * from its name alone: a `.txt` that holds HTML is read as HTML, and a `.pdf`
 * that does not start like a PDF is refused as one.
 */
import type { SourceFormat } from './types.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);

/** The OLE compound file signature of Word 97–2003 (and other old Office) files. */
const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Returns the format the bytes are in, as far as their content shows. */
export function sniffFormat(bytes: Uint8Array): SourceFormat | 'zip' | 'ole' | undefined {
  const head = bytes.subarray(0, 1024);
  // A PDF's header may follow a little junk; readers look in the first 1024 bytes.
  if (latin1(head).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, ole)) return 'ole';
  if (looksLikeHtml(bytes)) return 'html';
  return undefined;
}

/** Returns bytes as Latin-1 text (every byte one character). */
function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/**
 * True when the file is HTML: it starts (after a BOM and white space) with a
 * doctype, a comment or a tag, and holds an HTML element (`<html>`, `<body>`,
 * `<p>`, `<div>`, `<table>`, `<br>`…) in its first kilobytes. A text notice
 * never starts with `<`.
 */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    head = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, 8192));
  } else {
    head = latin1(bytes.subarray(0, 4096));
  }
  const start = head
    .replace(/^(\u00ef\u00bb\u00bf|\ufeff)/u, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<') && /<(html|head|body|meta|title|p|div|section|article|table|br|span|h[1-6])[\s>/]/u.test(start);
}

/** Returns the format a file name's extension claims, if it is one of ours. */
export function claimedFormat(name: string): SourceFormat | undefined {
  const ext = /\.([a-z0-9]+)$/iu.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
      return 'text';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'docx':
      return 'docx';
    case 'doc':
      return 'doc';
    case 'pdf':
      return 'pdf';
    default:
      return undefined;
  }
}
