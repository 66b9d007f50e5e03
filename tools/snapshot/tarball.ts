/**
 * Writing a snapshot's `.tar.gz` from bytes in memory: the archive is made
 * straight from what the caller reads (a built page made relative, a source
 * notice), never from a copy of the files on disk, as gzip members made
 * elsewhere (`archive-workers.ts`) and written in order (`writeMembers`). The tar
 * entries are written by the `tar` package (`ReadEntry` → `WriteEntryTar`),
 * exactly as `tar.create({ portable: true, mtime: new Date(0) })` writes the
 * same files from disk: regular files only (no folder entries), mode 644,
 * mtime 0, no owners; a long or non-ASCII path gets the pax header `tar`
 * gives it. I/O edge (the file written); the entries' bytes are deterministic.
 * `readFirstJson` reads one small file back from the start of an archive; `hashEntries` reads every
 * entry as a stream, for `--verify`, without unpacking anything to disk.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { isRunning } from '../../src/lib/processes.ts';
import { Header, Parser, ReadEntry, WriteEntryTar } from 'tar';

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
 * the end of the archive (`end: false`: not yet, more entries follow in another piece). Lazy: a file is
 * taken from `files` only when the previous one is written, so at most one file is held at a time
 * however many there are.
 */
export async function* tarChunks(files: Iterable<ArchiveFile> | AsyncIterable<ArchiveFile>, { end = true }: { end?: boolean } = {}): AsyncGenerator<Buffer> {
  for await (const file of files) {
    const entry = new ReadEntry(new Header({ path: file.path, type: 'File', mode: 0o644, size: file.bytes.length, mtime: epoch }));
    const writing = new WriteEntryTar(entry, { portable: true, mtime: epoch, strict: true });
    entry.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
    for await (const chunk of writing) yield chunk;
  }
  if (end) yield endOfArchive;
}

/** Returns the tar bytes of `files` (`tarChunks`) joined: a piece of an archive made whole in memory. */
export async function tarBytes(files: Iterable<ArchiveFile>, options: { end?: boolean } = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of tarChunks(files, options)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** What was written: the archive file's SHA-256 (hex) and its size in bytes. */
export interface Written {
  sha256: string;
  size: number;
}

/** Removes what writes of `out` killed outright left beside it (`<name>.partial-<pid>`, the process gone). */
function removeDeadPartials(out: string): void {
  const folder = dirname(out);
  const prefix = `${basename(out)}.partial-`;
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(join(folder, name), { force: true });
  }
}

/** Resolves when a stream drains or closes, and leaves no listener behind (a national archive waits thousands of times). */
async function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  const stop = new AbortController();
  const events = ['drain', 'close'].map((name) => once(stream, name, { signal: stop.signal }));
  // The event that did not come rejects when its wait is stopped: nobody waits for it.
  for (const event of events) event.catch(() => undefined);
  try {
    await Promise.race(events);
  } finally {
    stop.abort();
  }
}

/**
 * Writes an archive made of gzip `members` (RFC 1952 § 2.2: every gzip reader reads them as one
 * stream), in their order, into `out`, taking the next member only as fast as the disk takes them.
 * Returns the SHA-256 and size of the bytes as they are written (the archive is never read back).
 * Rejects with the first error of making a member or writing, the half-written file removed.
 *
 * The archive is written beside `out` (`<name>.partial-<pid>`) and renamed over it only when whole: an
 * archive already there stays as it was until then, and a write killed outright never leaves a cut
 * archive under its name, whose first bytes would still read as a current snapshot. What such a write
 * left is removed by the next one.
 */
export async function writeMembers(out: string, members: AsyncIterable<Uint8Array>): Promise<Written> {
  const hash = createHash('sha256');
  let size = 0;
  const partial = `${out}.partial-${process.pid}`;
  removeDeadPartials(out);
  const file = createWriteStream(partial);
  let failed: Error | undefined;
  file.on('error', (error) => (failed ??= error));
  try {
    for await (const gzipped of members) {
      if (failed) throw failed;
      hash.update(gzipped);
      size += gzipped.length;
      if (!file.write(gzipped)) await drainedOrClosed(file);
      if (failed) throw failed;
    }
    file.end();
    await finished(file);
    renameSync(partial, out);
  } catch (error) {
    // No half-written archive is left: the file is removed once its stream is closed.
    file.destroy();
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Returns the JSON file `name` at the top of an archive's folder (`minsheng-2023/snapshot.json`), read
 * up to that entry and no further: a snapshot's `snapshot.json` is its first entry, so only the first
 * bytes of a national archive (hundreds of megabytes) are unpacked. Undefined when the archive has no
 * such file, is not a readable `.tar.gz` before it, or its JSON is malformed.
 */
export async function readFirstJson(archive: string, name: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(archive)) return undefined;
  const source = createReadStream(archive);
  const unzip = createGunzip();
  const parser = new Parser();
  let text: string | undefined;
  const found = new Promise<void>((done, failed) => {
    parser.on('entry', (entry: ReadEntry) => {
      if (!(entry.path.endsWith(`/${name}`) && entry.path.split('/').length === 2)) {
        entry.resume();
        return;
      }
      let body = '';
      entry.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      entry.on('end', () => {
        text = body;
        done();
      });
    });
    parser.on('end', () => done());
    source.on('error', failed);
    unzip.on('error', failed);
    parser.on('error', failed);
  });
  source.pipe(unzip).pipe(parser);
  try {
    await found;
    return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return undefined;
  } finally {
    source.destroy();
    unzip.destroy();
  }
}

/** What `hashEntries` read of an archive. */
export interface ArchiveEntries {
  /** Each plain file's SHA-256, hex, by its path in the archive. */
  digests: Map<string, string>;
  /** The bytes of the files `keep` chose. */
  kept: Map<string, Buffer>;
  /** What a snapshot may not hold, each said in words: an entry that is neither a plain file nor a folder (a link, a device), a path given twice. */
  refused: string[];
}

/** The tar entry types that are plain files. */
const fileTypes = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * Reads every entry of a `.tar.gz` as a stream and returns each plain file's SHA-256, the bytes of the
 * files `keep` chooses and what a snapshot may not hold; nothing is written to disk, and memory holds
 * the digests and the kept files only. Rejects when the archive is not a readable `.tar.gz` (a damaged
 * gzip stream, a malformed tar header).
 */
export async function hashEntries(archive: string, keep: (path: string) => boolean): Promise<ArchiveEntries> {
  const digests = new Map<string, string>();
  const kept = new Map<string, Buffer>();
  const refused: string[] = [];
  const source = createReadStream(archive);
  const unzip = createGunzip();
  const parser = new Parser({ strict: true });
  await new Promise<void>((done, failed) => {
    parser.on('entry', (entry: ReadEntry) => {
      const path = entry.path;
      if (!fileTypes.has(entry.type)) {
        if (entry.type !== 'Directory') refused.push(`${path}: a ${entry.type} entry, not a plain file`);
        entry.resume();
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      const keeping = keep(path);
      entry.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        if (keeping) chunks.push(chunk);
      });
      entry.on('end', () => {
        if (digests.has(path)) refused.push(`${path}: given twice`);
        digests.set(path, hash.digest('hex'));
        if (keeping) kept.set(path, Buffer.concat(chunks));
      });
    });
    parser.on('end', () => done());
    source.on('error', failed);
    unzip.on('error', failed);
    parser.on('error', failed);
    source.pipe(unzip).pipe(parser);
  }).finally(() => {
    source.destroy();
    unzip.destroy();
  });
  return { digests, kept, refused };
}
