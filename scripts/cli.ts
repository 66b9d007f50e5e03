/**
 * The thin I/O edge shared by the command-line scripts: reading a notice
 * file, and failing with one clear line (never a stack trace).
 */
import { readFileSync } from 'node:fs';
import { decodeNotice } from '../src/lib/decode.ts';
import type { ParseOptions } from '../src/lib/parse/notice.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { Notice } from '../src/lib/schema.ts';

/** Prints `message` on stderr and exits with `code`. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Returns `file:line` (or `file` when the line is 0). */
export function where(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

/** Returns the bytes of a file, or a one-line reason it cannot be read. */
export function readBytes(file: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    return { ok: false, message: `${file}: error: ${reason}` };
  }
}

/** Returns the parsed notice in `file` with its text, or a one-line error naming the file (and line). */
export function loadNotice(file: string, options: ParseOptions = {}): { ok: true; notice: Notice; bytes: Uint8Array } | { ok: false; message: string } {
  const read = readBytes(file);
  if (!read.ok) return read;
  const decoded = decodeNotice(read.bytes);
  if (!decoded.ok) return { ok: false, message: `${where(file, decoded.error.line)}: error: ${decoded.error.message}` };
  const parsed = parseNotice(decoded.text, options);
  if (!parsed.ok) return { ok: false, message: `${where(file, parsed.error.line)}: error: ${parsed.error.message}` };
  return { ok: true, notice: parsed.notice, bytes: read.bytes };
}

/** Reads and parses a notice file, or fails naming the file (and line). */
export function readNoticeFile(file: string, options: ParseOptions = {}): Notice {
  const loaded = loadNotice(file, options);
  if (!loaded.ok) fail(loaded.message);
  return loaded.notice;
}
