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
    const at = firstInvalidUtf8(bytes);
    return { ok: false, error: { line: lineAt(bytes, at), message: 'the file is not valid UTF-8 (convert it, e.g. from GBK, with iconv -f GBK -t UTF-8)' } };
  }
}

/** Returns the 1-based line of byte offset `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Returns the offset of the first byte that does not decode as UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix (a cut inside a sequence only moves the cut by < 4 bytes).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
