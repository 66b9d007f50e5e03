/**
 * Making a snapshot's gzip members on both cores. The archive's files are cut into pieces of a few
 * megabytes (`pieces`), and each piece is made whole by one of `jobs` worker threads: every file
 * read (or taken as given), a built page given its banner and relative links (`archivedFile`), hashed
 * for `SHA256SUMS`, written as tar entries and gzipped as one member. The main thread only hands out the
 * pieces and takes the members back in order, to write them (`writeMembers`).
 *
 * Where the members are cut depends on the files alone, so the archive's bytes never depend on how many
 * workers made it, nor in what order they finished. At most `piecesAhead × jobs` pieces are out at once:
 * memory holds those pieces, not the archive.
 *
 * The same module is the workers' code: started with `workerData.archiveWorker`, each answers every
 * piece it is given with its member and digests, or with the first error, in words.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { sha256 } from '../../src/lib/hash.ts';
import { archivedFile } from './banner.ts';
import type { ArchiveCopy } from './banner.ts';
import { tarBytes } from './tarball.ts';

/** One file of an archive, as a worker makes it. */
export interface ArchiveSource {
  /** Its path below the archive's folder, as `SHA256SUMS` names it (`site/index.html`). */
  name: string;
  /** Where it is read from; or its bytes, given. */
  from: { file: string } | { bytes: Uint8Array };
  /** A built file: its path in the site (`2023/x/index.html`); a page among them is made an archived page. */
  site?: string;
}

/** A gzip member of an archive and the SHA-256 of each file in it, by its `SHA256SUMS` name. */
export interface ArchiveMember {
  gz: Buffer;
  digests: [string, string][];
}

/** How the members are made. */
export interface MemberOptions {
  /** The folder every path of the archive is below (`minsheng-2023/`). */
  prefix: string;
  /** The gzip level. */
  level: number;
  /** What an archived page says of itself. */
  copy: ArchiveCopy;
  /** How many worker threads. */
  jobs: number;
}

/**
 * How many pieces per worker are out at once. A worker held up by a large piece (a year's open data is
 * 200 MB) leaves the other the pieces after it; more ahead changed nothing measurable at national scale.
 */
const piecesAhead = 4;

/** A piece as a worker is given it. */
interface Task extends Omit<MemberOptions, 'jobs'> {
  id: number;
  files: ArchiveSource[];
}

/** What a worker answers: the member, or why it could not be made. */
type Answer = { id: number; gz: Uint8Array; digests: [string, string][] } | { id: number; error: string };

/** Returns the member of one piece: its files made, hashed, written as tar entries (no end of archive) and gzipped. */
export async function makeMember(files: readonly ArchiveSource[], { prefix, level, copy }: Omit<MemberOptions, 'jobs'>): Promise<ArchiveMember> {
  const digests: [string, string][] = [];
  const made = files.map((source) => {
    const read = 'file' in source.from ? readFileSync(source.from.file) : source.from.bytes;
    const bytes = source.site === undefined ? read : archivedFile(source.site, read, copy);
    digests.push([source.name, sha256(bytes)]);
    return { path: `${prefix}${source.name}`, bytes };
  });
  return { gz: gzipSync(await tarBytes(made, { end: false }), { level }), digests };
}

/**
 * Where an archive's members are cut: before about one file in `every` (`startsPiece`, from its name
 * alone), and wherever a piece would grow past `files` files or `bytes` bytes (a larger file is a piece
 * alone).
 */
export interface PieceSize {
  every: number;
  bytes: number;
  files: number;
}

/**
 * Returns whether a file whose name is `name` starts a piece of its own: one in `every`, by a hash of the
 * name (FNV-1a, 32 bits). Cuts made this way stay where they are when files are added or removed
 * elsewhere — a national year's new notice changes the pieces that hold its files, not the thousand
 * after them — so the other members are the same bytes and can be kept (`member-cache.ts`).
 */
export function startsPiece(name: string, every: number): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % every === 0;
}

/**
 * Returns the items cut, in order, into pieces: a piece ends before an item whose name starts one
 * (`startsPiece`), and before it would hold more than `size.files` items or more than `size.bytes` (the
 * sizes `sizeOf` gives; a larger item is a piece alone). Where the archive's members are cut: the cuts
 * depend on the items' names and sizes alone.
 */
export function pieces<T>(items: readonly T[], nameOf: (item: T) => string, sizeOf: (item: T) => number, size: PieceSize): T[][] {
  const cut: T[][] = [];
  let piece: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = sizeOf(item);
    if (piece.length > 0 && (piece.length === size.files || bytes + itemBytes > size.bytes || startsPiece(nameOf(item), size.every))) {
      cut.push(piece);
      piece = [];
      bytes = 0;
    }
    piece.push(item);
    bytes += itemBytes;
  }
  if (piece.length > 0) cut.push(piece);
  return cut;
}

/**
 * Returns the member of each piece, in the pieces' order, made on `jobs` worker threads (at most
 * `piecesAhead × jobs` pieces out at once, each to the worker with the fewest). Rejects with the first error a
 * worker gives (`<file>: <reason>`), every worker stopped.
 */
export async function* membersInWorkers(files: readonly ArchiveSource[][], { jobs, ...options }: MemberOptions): AsyncGenerator<ArchiveMember> {
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, files.length)) }, () => ({
    worker: new Worker(new URL(import.meta.url), { workerData: { archiveWorker: true } }),
    out: 0,
  }));
  /** Each piece out, by its id: its answer, when it comes. */
  const waiting = new Map<number, { done: (member: ArchiveMember) => void; failed: (error: Error) => void }>();
  const answers = new Map<number, Promise<ArchiveMember>>();
  /** Why the workers cannot go on: a worker failed or stopped. Every wait then fails, and every later one. */
  let broken: Error | undefined;
  const failAll = (error: Error): void => {
    broken ??= error;
    for (const { failed } of waiting.values()) failed(error);
    waiting.clear();
  };
  for (const slot of workers) {
    slot.worker.on('message', (answer: Answer) => {
      slot.out--;
      const wait = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) wait?.failed(new Error(answer.error));
      else wait?.done({ gz: Buffer.from(answer.gz.buffer, answer.gz.byteOffset, answer.gz.length), digests: answer.digests });
    });
    slot.worker.on('error', failAll);
    slot.worker.on('exit', (code) => failAll(new Error(`an archive worker stopped (exit code ${code})`)));
  }
  const send = (id: number): void => {
    const slot = workers.reduce((a, b) => (b.out < a.out ? b : a));
    slot.out++;
    const answer = new Promise<ArchiveMember>((done, failed) => (broken ? failed(broken) : waiting.set(id, { done, failed })));
    // Its failure is taken when its turn comes (or dropped with the others on an earlier failure).
    answer.catch(() => undefined);
    answers.set(id, answer);
    const task: Task = { id, files: files[id] ?? [], ...options };
    slot.worker.postMessage(task);
  };
  const ahead = piecesAhead * workers.length;
  try {
    for (let id = 0; id < Math.min(ahead, files.length); id++) send(id);
    for (let id = 0; id < files.length; id++) {
      const member = await (answers.get(id) as Promise<ArchiveMember>);
      answers.delete(id);
      if (id + ahead < files.length) send(id + ahead);
      yield member;
    }
  } finally {
    for (const { worker } of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

if (!isMainThread && parentPort && (workerData as { archiveWorker?: unknown } | null)?.archiveWorker === true) {
  const port = parentPort;
  port.on('message', (task: Task) => {
    makeMember(task.files, task).then(
      // Copied, not transferred: a small member may share its memory with Node's buffer pool.
      ({ gz, digests }) => port.postMessage({ id: task.id, gz, digests } satisfies Answer),
      (error: unknown) => port.postMessage({ id: task.id, error: whyPieceFailed(error, task.files) } satisfies Answer),
    );
  });
}

/** Returns why a piece could not be made, in one line naming the file when it is a file's fault. */
function whyPieceFailed(error: unknown, files: readonly ArchiveSource[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' || files.length === 0
    ? message
    : `${files
        .map((f) => f.name)
        .join(', ')
        .slice(0, 200)}: ${message}`;
}
