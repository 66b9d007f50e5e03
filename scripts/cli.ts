/**
 * The thin I/O edge shared by the command-line scripts: reading a notice
 * file, and failing with one clear line (never a stack trace) — for bad input,
 * a file that cannot be read or written (symbolic link loop, over 2 GiB, full
 * disk) and standard output closed early (`| head`: exit quietly).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNotice } from '../src/lib/decode.ts';
import { filesBelow } from '../src/lib/files.ts';
import type { ParseOptions } from '../src/lib/parse/index.ts';
import { parseNotice } from '../src/lib/parse/index.ts';
import type { Notice } from '../src/lib/schema.ts';
import { completeFile, indexDir, indexProblems, searchPage } from '../src/lib/search/complete.ts';

/** Prints `message` on stderr and exits with `code`. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * A failure to report in one line, thrown rather than exiting at once so that `finally` blocks
 * (temporary folders) run first; the script's top level catches it and calls `fail`.
 */
/** The signals that stop a command, each with the exit code a shell reports for it (128 + its number). */
const stopSignals = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

/**
 * Runs `stop` when the command is interrupted (Ctrl-C, SIGTERM, SIGHUP), then exits with the signal's
 * code: what a long command (a build) uses to stop its children and remove what it half wrote.
 */
export function onInterrupt(stop: (signal: NodeJS.Signals) => void): void {
  for (const [signal, code] of stopSignals) {
    process.on(signal, () => {
      stop(signal);
      process.exit(code);
    });
  }
}

export class Failure extends Error {
  /** The exit code. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Why a file operation failed, in words, for the system error codes a reader can act on. */
const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links (a symbolic link loop)',
  ENAMETOOLONG: 'the file name is too long',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than 2 GiB',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  EPIPE: 'the output was closed',
};

/** Returns a one-line reason for an error from a file operation: its code in words, else its first line. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in reasons) return `${reasons[code] ?? ''} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'unknown error';
}

/** Writes `data` to `file`, or throws a `Failure` naming the file and saying why (a full disk: ENOSPC). */
export function writeFileOrFail(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (error) {
    throw new Failure(`${file}: error: cannot be written: ${reasonOf(error)}`);
  }
}

/**
 * Standard output that cannot be written: a reader that stopped early (`parse … | head`, EPIPE) is
 * not an error, the script just stops quietly; a full disk (`> /dev/full`, ENOSPC) is one line.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`error: cannot write the output: ${reasonOf(error)}\n`);
  process.exit(1);
});

/** Runs a script's body; a `Failure` (or any error) it throws becomes one line on stderr and the exit code. */
export async function runCli(body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Failure) fail(error.message, error.exitCode);
    fail(`error: ${reasonOf(error)}`);
  }
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
    return { ok: false, message: `${file}: error: cannot be read: ${reasonOf(error)}` };
  }
}

/** Returns the parsed notice of `file`'s bytes, already read, or a one-line error naming the file (and line). */
export function parseNoticeBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): { ok: true; notice: Notice; bytes: Uint8Array } | { ok: false; message: string } {
  const decoded = decodeNotice(bytes);
  if (!decoded.ok) return { ok: false, message: `${where(file, decoded.error.line)}: error: ${decoded.error.message}` };
  const parsed = parseNotice(decoded.text, options);
  if (!parsed.ok) return { ok: false, message: `${where(file, parsed.error.line)}: error: ${parsed.error.message}` };
  return { ok: true, notice: parsed.notice, bytes };
}

/**
 * Returns why the search index of the build in `dir` is missing or incomplete (empty when it is
 * whole, or when the build has no search page to need one): `src/lib/search/complete.ts`.
 */
export function searchIndexProblems(dir: string): string[] {
  const index = join(dir, indexDir);
  const sizes = new Map(filesBelow(index).map((f) => [f, statSync(join(index, f)).size] as const));
  const record = existsSync(join(index, completeFile)) ? readFileSync(join(index, completeFile), 'utf8') : undefined;
  return indexProblems(existsSync(join(dir, searchPage)), sizes, record);
}
