/**
 * Turning the bytes of a notice file into text, with the checks a text file
 * must pass: not empty, not binary, valid UTF-8.
 */

/** Why bytes are not a notice's text. */
export interface DecodeError {
  /** The 1-based line where the problem is, or 0 for the whole file. */
  line: number;
  /** What is wrong. */
  message: string;
}

/** Returns the UTF-8 text of `bytes` (without a byte-order mark), or why it is not text. */
export function decodeNotice(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: DecodeError } {
  if (bytes.length === 0) return { ok: false, error: { line: 0, message: 'the file is empty' } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, error: { line: lineAt(bytes, nul), message: 'the file is binary (it contains a NUL byte), not a text notice' } };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, error: { line: firstInvalidLine(bytes), message: 'the file is not valid UTF-8 (convert it, e.g. from GBK, with iconv -f GBK -t UTF-8)' } };
  }
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
