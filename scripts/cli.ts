/**
 * The thin I/O edge shared by the command-line scripts: reading a notice
 * file, and failing with one clear line (never a stack trace).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeNotice } from '../src/lib/decode.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import type { Notice } from '../src/lib/schema.ts';
import { completeFile, indexDir, indexProblems, searchPage } from '../src/lib/search/complete.ts';

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
export function loadNotice(file: string): { ok: true; notice: Notice; bytes: Uint8Array } | { ok: false; message: string } {
  const read = readBytes(file);
  if (!read.ok) return read;
  const decoded = decodeNotice(read.bytes);
  if (!decoded.ok) return { ok: false, message: `${where(file, decoded.error.line)}: error: ${decoded.error.message}` };
  const parsed = parseNotice(decoded.text);
  if (!parsed.ok) return { ok: false, message: `${where(file, parsed.error.line)}: error: ${parsed.error.message}` };
  return { ok: true, notice: parsed.notice, bytes: read.bytes };
}

/** Reads and parses a notice file, or fails naming the file (and line). */
export function readNoticeFile(file: string): Notice {
  const loaded = loadNotice(file);
  if (!loaded.ok) fail(loaded.message);
  return loaded.notice;
}

/**
 * Returns why the search index of the build in `dir` is missing or incomplete (empty when it is
 * whole, or when the build has no search page to need one): `src/lib/search/complete.ts`.
 */
export function searchIndexProblems(dir: string): string[] {
  const index = join(dir, indexDir);
  const sizes = new Map<string, number>();
  if (existsSync(index)) {
    for (const d of readdirSync(index, { recursive: true, withFileTypes: true }) as Dirent[]) {
      if (d.isFile()) sizes.set(relative(index, join(d.parentPath, d.name)).split(sep).join('/'), statSync(join(d.parentPath, d.name)).size);
    }
  }
  const record = existsSync(join(index, completeFile)) ? readFileSync(join(index, completeFile), 'utf8') : undefined;
  return indexProblems(existsSync(join(dir, searchPage)), sizes, record);
}
