/**
 * Keeping a year's archive members from one capture to the next (`npm run snapshot -- --incremental`,
 * `npm run build -- --incremental`). An archive is a row of gzip members, one per piece of its files
 * (`pieces`); a piece whose files did not change makes the same member, byte for byte. So each member's
 * key — what its bytes depend on — is recorded with where it lies in the archive written (`MemberIndex`),
 * and the next capture copies from that archive every member whose key it finds, gzipping only the others.
 *
 * A member's key is made without reading its files: their names and stamps (size, modification time in
 * nanoseconds, inode: `fileStamp`), the bytes of a file given in memory, and what every member depends on
 * (`memberContext`: the archive's folder, gzip level, what a page's banner says, the code that makes a
 * member, zlib's version). An incremental build's pages are hard links to its cache, which replaces a
 * district's files when it builds them again: an unchanged page keeps its stamp, a changed one never does.
 *
 * The index names the archive it was written with and that archive's stamp: an archive replaced or
 * touched since (another capture, a copy) is not read from. Pure, but for `readMemberIndex`,
 * `writeMemberIndex` and `KeptArchive`, the I/O edge.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileStamp } from '../../src/lib/files.ts';
import { sha256 } from '../../src/lib/hash.ts';
import type { ArchiveMember, ArchiveSource } from './archive-workers.ts';

/** A member of an archive written: its key, where its bytes lie, the SHA-256 of each of its files. */
export interface IndexedMember {
  key: string;
  offset: number;
  length: number;
  digests: [string, string][];
}

/** The members of the archive written last, and which archive that is. */
export interface MemberIndex {
  format: typeof indexFormat;
  /** The archive's path, as written. */
  archive: string;
  /** Its stamp once written (`fileStamp`): an archive changed since is not read from. */
  stamp: string;
  members: IndexedMember[];
}

/** The index's format: an index of another is not read. */
const indexFormat = 1;

/**
 * Returns what every member of an archive depends on beyond its files, as one string: the parts given
 * (the archive's folder, gzip level, banner facts, the code's key), in order, and zlib's version.
 */
export function memberContext(parts: Record<string, unknown>): string {
  return JSON.stringify({ ...parts, zlib: process.versions.zlib });
}

/**
 * Returns the key of a piece: the SHA-256 of the context and, for each file in order, its name in the
 * archive, its path in the site (a page gets a banner), and its stamp (`stampOf`) or, for bytes given,
 * their SHA-256. Equal keys, equal members.
 */
export function pieceKey(context: string, piece: readonly ArchiveSource[], stampOf: (file: string) => string): string {
  const hash = createHash('sha256');
  hash.update(`${Buffer.byteLength(context)}:${context}`);
  for (const source of piece) {
    const from = 'file' in source.from ? `stamp ${stampOf(source.from.file)}` : `bytes ${sha256(source.from.bytes)}`;
    hash.update(`\n${JSON.stringify([source.name, source.site ?? null, from])}`);
  }
  return hash.digest('hex');
}

/** Returns the index of the members written with `archive`'s last capture: its offsets, from the members' lengths. */
export function indexMembers(archive: string, stamp: string, members: readonly { key: string; length: number; digests: [string, string][] }[]): MemberIndex {
  let offset = 0;
  return {
    format: indexFormat,
    archive,
    stamp,
    members: members.map(({ key, length, digests }) => {
      const indexed = { key, offset, length, digests };
      offset += length;
      return indexed;
    }),
  };
}

/** Returns the index in `file`, or undefined when there is none or it is unreadable or of another format. */
export function readMemberIndex(file: string): MemberIndex | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const index = JSON.parse(readFileSync(file, 'utf8')) as Partial<MemberIndex>;
    return index.format === indexFormat && typeof index.archive === 'string' && typeof index.stamp === 'string' && Array.isArray(index.members)
      ? (index as MemberIndex)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an index beside and renames it into place: never a cut index. */
export function writeMemberIndex(file: string, index: MemberIndex): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(index));
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * The members an archive written before can give: those of `index` when `archive` is the archive it
 * was written with and still has its stamp, read from it by offset. Open until `close`.
 */
export class KeptArchive {
  readonly #byKey = new Map<string, IndexedMember>();
  #fd: number | undefined;

  constructor(archive: string, index: MemberIndex | undefined) {
    if (!index || index.archive !== archive || !existsSync(archive)) return;
    try {
      if (fileStamp(archive) !== index.stamp) return;
      this.#fd = openSync(archive, 'r');
    } catch {
      return;
    }
    for (const member of index.members) this.#byKey.set(member.key, member);
  }

  /** Whether a member of this key can be copied. */
  has(key: string): boolean {
    return this.#fd !== undefined && this.#byKey.has(key);
  }

  /** Returns the member of this key, its bytes read from the archive; undefined when there is none. */
  member(key: string): ArchiveMember | undefined {
    const kept = this.#byKey.get(key);
    if (this.#fd === undefined || !kept) return undefined;
    const gz = Buffer.allocUnsafe(kept.length);
    let read = 0;
    while (read < kept.length) {
      const n = readSync(this.#fd, gz, read, kept.length - read, kept.offset + read);
      if (n === 0) return undefined;
      read += n;
    }
    return { gz, digests: kept.digests };
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
