/**
 * Turning the bytes of a notice file into text, with the checks a text file
 * must pass: not empty, not binary, and in one of the encodings Chinese
 * notices are saved in — UTF-8 (with or without a byte-order mark), UTF-16
 * with a byte-order mark, or GB18030 (which includes GBK and GB2312).
 *
 * The encoding is detected from the bytes, never guessed from a file name:
 * 1. a byte-order mark names UTF-8, UTF-16 LE or UTF-16 BE;
 * 2. otherwise bytes that are valid UTF-8 are UTF-8 (GBK text is almost never
 *    valid UTF-8: its two-byte characters do not have UTF-8's bit patterns);
 * 3. otherwise bytes that are valid GB18030 *and* whose two-byte characters lie
 *    mostly (≥ 90%) in the GB2312 block (the 6,763 common hanzi and the
 *    full-width punctuation every Chinese text is made of) are GB18030.
 *    Random bytes, Big5 or Latin-1 text can be valid GB18030 by accident; they
 *    do not keep to that block.
 */

/** Why bytes are not a notice's text. */
export interface DecodeError {
  /** The 1-based line where the problem is, or 0 for the whole file. */
  line: number;
  /** What is wrong. */
  message: string;
}

/** An encoding a notice's bytes were read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Returns the text of `bytes` (without a byte-order mark) and its encoding, or why it is not text. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: TextEncoding } | { ok: false; error: DecodeError } {
  if (bytes.length === 0) return { ok: false, error: { line: 0, message: 'the file is empty' } };
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    try {
      const text = new TextDecoder(bom, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text, encoding: bom };
    } catch {
      return { ok: false, error: { line: 0, message: `the file starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()}` } };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const hint = looksLikeBomlessUtf16(bytes) ? ' (it looks like UTF-16 without a byte-order mark: save it as UTF-8, or as UTF-16 with a BOM)' : '';
    return { ok: false, error: { line: lineAt(bytes, nul), message: `the file is binary (it contains a NUL byte), not a text notice${hint}` } };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  if (bom !== 'utf-8') {
    const gb = tryDecode('gb18030', bytes);
    if (gb !== undefined && mostlyGb2312(bytes)) return { ok: true, text: gb, encoding: 'gb18030' };
  }
  return {
    ok: false,
    error: { line: firstInvalidLine(bytes), message: 'the file is not valid UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK text' },
  };
}

/** Returns the text of `bytes` (without a byte-order mark), or why it is not text. */
export function decodeNotice(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: DecodeError } {
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
}

/** Returns the encoding a byte-order mark at the start of `bytes` names, if any. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Returns the text of `bytes` in `encoding` (a BOM dropped), or undefined when they are not valid in it. */
export function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * True when at least 90% of the two-byte characters of GB18030 `bytes` lie
 * in the GB2312 block (lead and trail bytes 0xA1–0xFE).
 */
export function mostlyGb2312(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      // A four-byte GB18030 sequence: rare characters.
      pairs++;
      i += 3;
      continue;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xfe && next >= 0xa1 && next <= 0xfe) common++;
    i++;
  }
  return pairs > 0 && common / pairs >= 0.9;
}

/** True when one of every two bytes is mostly NUL: ASCII written as UTF-16 without a byte-order mark. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return Math.max(even, odd) >= n / 4 && Math.min(even, odd) === 0;
}

/** Returns the 1-based line of byte offset `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Returns the 1-based line holding the first bytes that do not decode as UTF-8. */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end < 0) break;
    line++;
    start = end + 1;
  }
  return line;
}
