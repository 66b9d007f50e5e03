/**
 * The I/O edge for a notice file in any published format (text, HTML, Word,
 * PDF): read it, convert it to canonical text, parse it — or fail with one
 * line naming the file (and line).
 */
import { convertNotice, type SourceFormat } from '../src/lib/convert/index.ts';
import { parseNotice, type ParseOptions } from '../src/lib/parse/index.ts';
import type { Notice } from '../src/lib/schema.ts';
import { fail, readBytes, where } from './cli.ts';

/** A notice file read, converted and parsed. */
export interface LoadedSource {
  /** The file's bytes as published. */
  bytes: Uint8Array;
  /** The format its bytes are in. */
  format: SourceFormat;
  /** The canonical text it converts to. */
  text: string;
  /** The parsed notice. */
  notice: Notice;
}

/** A file read and converted to canonical text, not yet parsed. */
export type ConvertedSource = Omit<LoadedSource, 'notice'>;

/** Returns the file read and converted to canonical text, or a one-line error naming the file (and line). */
export async function convertSource(file: string): Promise<{ ok: true; source: ConvertedSource } | { ok: false; message: string }> {
  const read = readBytes(file);
  if (!read.ok) return read;
  const converted = await convertNotice(read.bytes, file);
  if (!converted.ok) return { ok: false, message: `${where(file, converted.error.line)}: error: ${converted.error.message}` };
  return { ok: true, source: { bytes: read.bytes, format: converted.format, text: converted.text } };
}

/** Returns the converted file parsed as a notice, or a one-line error naming the file (and line). */
export function parseSource(file: string, converted: ConvertedSource, options: ParseOptions = {}): { ok: true; source: LoadedSource } | { ok: false; message: string } {
  const parsed = parseNotice(converted.text, options);
  if (!parsed.ok) {
    // Lines of a converted file are lines of its text, not of the original: say so.
    const of = converted.format === 'text' ? '' : ` (line ${parsed.error.line} of its converted text)`;
    const at = converted.format === 'text' ? where(file, parsed.error.line) : file;
    return { ok: false, message: `${at}: error: ${parsed.error.message}${parsed.error.line > 0 ? of : ''}` };
  }
  return { ok: true, source: { ...converted, notice: parsed.notice } };
}

/** Returns the file converted and parsed, or a one-line error naming the file (and line). */
export async function loadSource(file: string, options: ParseOptions = {}): Promise<{ ok: true; source: LoadedSource } | { ok: false; message: string }> {
  const converted = await convertSource(file);
  return converted.ok ? parseSource(file, converted.source, options) : converted;
}

/** Reads, converts and parses a notice file in any format, or fails naming the file (and line). */
export async function readSourceFile(file: string, options: ParseOptions = {}): Promise<Notice> {
  const loaded = await loadSource(file, options);
  if (!loaded.ok) fail(loaded.message);
  return loaded.source.notice;
}
