/**
 * Writing a snapshot's `.tar.gz` from bytes in memory, one file at a time: the
 * archive is made straight from what the caller reads (a built page made
 * relative, a source notice), never from a copy of the files on disk. The tar
 * entries are written by the `tar` package (`ReadEntry` → `WriteEntryTar`),
 * exactly as `tar.create({ portable: true, mtime: new Date(0) })` writes the
 * same files from disk: regular files only (no folder entries), mode 644,
 * mtime 0, no owners; a long or non-ASCII path gets the pax header `tar`
 * gives it. I/O edge (the file written); the entries' bytes are deterministic.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { TransformOptions } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { Header, ReadEntry, WriteEntryTar } from 'tar';

/** One file of an archive. */
export interface ArchiveFile {
  /** Its path in the archive, `/`-separated (`minsheng-2023/site/index.html`). */
  path: string;
  /** Its content. */
  bytes: Uint8Array;
}

/** The time every entry of an archive carries: a snapshot's bytes never depend on when files were written. */
const epoch = new Date(0);

/** The end of a tar archive: two blocks of zeros (what `tar`'s `Pack` ends an archive with). */
const endOfArchive = Buffer.alloc(1024);

/**
 * Returns the bytes of a tar archive of `files`, in the order given, as a stream of chunks: each
 * file's header (and pax header when its path needs one), its bytes, its padding to 512 bytes, then
 * the end of the archive. Lazy: a file is taken from `files` only when the previous one is written,
 * so at most one file is held at a time however many there are.
 */
export async function* tarChunks(files: Iterable<ArchiveFile> | AsyncIterable<ArchiveFile>): AsyncGenerator<Buffer> {
  for await (const file of files) {
    const entry = new ReadEntry(new Header({ path: file.path, type: 'File', mode: 0o644, size: file.bytes.length, mtime: epoch }));
    const writing = new WriteEntryTar(entry, { portable: true, mtime: epoch, strict: true });
    entry.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
    for await (const chunk of writing) yield chunk;
  }
  yield endOfArchive;
}

/** What was written: the archive file's SHA-256 (hex) and its size in bytes. */
export interface Written {
  sha256: string;
  size: number;
}

/**
 * Writes `files` as a gzipped tar archive into `out` (gzip at `level`, no name or time in its
 * header, so the same files give the same bytes), with backpressure: a file is read from `files`
 * only as fast as gzip and the disk take the archive. Gzip runs on Node's thread pool, beside the
 * main thread making the next files. Returns the SHA-256 and size of the bytes as they are written
 * (the archive is never read back). Rejects with the first error of making a file, gzip or writing,
 * the half-written file removed.
 */
export async function writeTarGz(out: string, files: Iterable<ArchiveFile> | AsyncIterable<ArchiveFile>, level: number): Promise<Written> {
  const hash = createHash('sha256');
  let size = 0;
  // Gzip takes up to a few MiB ahead of what it has compressed: the main thread makes the next files
  // while the thread pool compresses (Node's zlib is a Transform stream, and takes its options).
  const gzip: ZlibOptions & TransformOptions = { level, writableHighWaterMark: 4 * 1024 * 1024 };
  const file = createWriteStream(out);
  try {
    await pipeline(
      tarChunks(files),
      createGzip(gzip),
      async function* (gzipped: AsyncIterable<Buffer>) {
        for await (const chunk of gzipped) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      file,
    );
  } catch (error) {
    // No half-written archive is left: the file is removed once its stream is closed.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    rmSync(out, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}
