/**
 * The yearly snapshots a build publishes on `/archive/` (made by `npm run snapshot -- --all` into
 * `snapshots/`, see scripts/snapshot.ts): read once per build, with their size, SHA-256 and what
 * their `snapshot.json` says. A snapshot is published only when it is current (`isCurrentSnapshot`):
 * made from the content being built (the year's notices, commitments and corrections: its content
 * hash matches) for the same site address, in this format; so a stale archive or another corpus's is
 * never offered. The code it was made with does not enter: an archive is a capture, kept (and its
 * SHA-256 stays the same for those who recorded it) until the year's content changes. I/O edge.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as tar from 'tar';
import YAML from 'yaml';
import { archiveCopy, contentDir, siteUrl, snapshotDir } from '../config.ts';
import { filesBelow } from '../files.ts';
import { sha256 } from '../hash.ts';
import { fileDigests } from '../digests.ts';
import { commitmentsDir, correctionsPath, noticesDir, redirectsPath, reportsDir, yearFolders } from '../content/paths.ts';
import type { Correction } from '../schema.ts';
import { readCorrections, readRedirects } from '../site/permanence.ts';

/**
 * Returns one hash over files (path and bytes), for the inputs of a snapshot. Each file's own SHA-256
 * is remembered with its stamp between runs (`fileDigests`): a national year's content is read again only
 * where it changed.
 */
export function treeHash(base: string, paths: readonly string[]): string {
  const digests = fileDigests(base, paths, 'tree');
  return sha256(paths.map((p, i) => `${p}\0${digests[i] ?? ''}\n`).join(''));
}

/** The format of the snapshots this code makes (`snapshot.json`'s `format`); an archive of another format is made again. */
export const snapshotFormat = 1;

/**
 * Returns the corrections of `root`'s corrections file that concern one year (their URL is under
 * `/<year>/`), in the file's order; throws (with the reason) when the file is malformed.
 */
export function yearCorrections(root: string, year: number | string): Correction[] {
  const file = join(root, correctionsPath);
  return readCorrections(existsSync(file) ? readFileSync(file, 'utf8') : undefined).filter((c) => c.url.startsWith(`/${year}/`));
}

/** Returns the corrections file a snapshot's corpus holds for its year's corrections (none: no file). */
export function yearCorrectionsText(corrections: readonly Correction[]): string | undefined {
  return corrections.length > 0 ? YAML.stringify({ corrections }) : undefined;
}

/**
 * Returns the hash of one year's content as a snapshot records it: the files of its folders (`yearFolders`:
 * notices, commitments, progress reports) of `root`, and the year's corrections as the snapshot's corpus
 * holds them — the same hash over the live content (`root` the content directory) and over the year's corpus.
 */
export function yearContentHash(root: string, year: number | string): string {
  const paths = yearFolders(year).flatMap((folder) => filesBelow(join(root, folder)).map((f) => `${folder}${f}`));
  const corrections = yearCorrectionsText(yearCorrections(root, year));
  const files = treeHash(root, paths.sort());
  return corrections === undefined ? files : sha256(`${files}${correctionsPath}\0${sha256(corrections)}\n`);
}

/**
 * Returns whether the content at `root` is one year's corpus and nothing more that pages read: its notices,
 * commitments and reports are that year's alone, every correction is of that year, no redirect is declared.
 * The live site built from it is then, page for page, the site of that year's snapshot (whose corpus is
 * those folders and corrections, `yearFolders`), but for what the pages are told besides (base path,
 * history, the archives they list). Throws when the corrections or redirects file is malformed.
 */
export function holdsOnlyYear(root: string, year: number | string): boolean {
  for (const dir of [noticesDir, commitmentsDir, reportsDir]) {
    const entries = existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : [];
    if (entries.some((entry) => entry !== String(year))) return false;
  }
  const read = (path: string): string | undefined => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);
  return readRedirects(read(redirectsPath)).length === 0 && readCorrections(read(correctionsPath)).every((c) => c.url.startsWith(`/${year}/`));
}

/** What decides whether an archive is current: its `snapshot.json`'s format, site address and content hash. */
export interface SnapshotMeta {
  format?: unknown;
  site?: unknown;
  inputs?: { contentSha256?: unknown } | null;
}

/**
 * Returns whether an archive (its `snapshot.json`) is current for a build: the same format, made for
 * the same site address from the same content of its year. The commit and the code it was made with
 * do not enter (a capture is kept until its content changes).
 */
export function isCurrentSnapshot(meta: SnapshotMeta | undefined, expected: { site: string; contentSha256: string }): boolean {
  return meta?.format === snapshotFormat && meta.site === expected.site && meta.inputs?.contentSha256 === expected.contentSha256;
}

/** Returns the archive's file name for a year: `minsheng-2023.tar.gz`. */
export function snapshotName(year: number): string {
  return `minsheng-${year}.tar.gz`;
}

/** A snapshot the site offers for download. Its bytes (and their size and digest) are read when first asked for. */
export interface PublishedSnapshot {
  year: number;
  /** File name, e.g. `minsheng-2023.tar.gz`. */
  file: string;
  /** Size in bytes. */
  readonly size: number;
  /** SHA-256 of the archive, hex. */
  readonly sha256: string;
  /** How many files the archive holds. */
  files: number;
  /** Commit it was made from, capture date and the live site, from its `snapshot.json`. */
  commit: string | null;
  captured: string | null;
  /** The notices inside. */
  notices: { slug: string; districtFull: string | null; date: string | null }[];
  /** The archive's bytes, for the download endpoint. */
  readonly bytes: Uint8Array;
}

/**
 * Returns the `snapshot.json` text of an archive, read from its first bytes only (it is the first entry;
 * a national archive is 300 MB of gzip over 3 GB): a growing prefix of the file is decompressed until
 * the entry is whole. Undefined when the first entry is not a plain `<folder>/snapshot.json`.
 */
export function firstMetaText(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    for (let length = 64 * 1024; ; length *= 4) {
      const prefix = Buffer.alloc(Math.min(length, total));
      readSync(fd, prefix, 0, prefix.length, 0);
      // A prefix ends mid-stream: decompressed as far as it goes, not refused.
      const tarBytes = gunzipSync(prefix, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
      if (tarBytes.length < 512) return undefined;
      const header = new tar.Header(tarBytes.subarray(0, 512));
      const path = header.path ?? '';
      if (header.type !== 'File' || path.split('/').length !== 2 || !path.endsWith('/snapshot.json') || header.size === undefined) return undefined;
      if (tarBytes.length >= 512 + header.size) return tarBytes.subarray(512, 512 + header.size).toString('utf8');
      if (prefix.length === total) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns the `snapshot.json` text and the number of files of an archive: from `snapshot.json` when it
 * says (`files`), else by reading every entry (archives made before it said).
 */
function readArchive(file: string): { meta: string; files: number } {
  const first = firstMetaText(file);
  const said = first === undefined ? undefined : (JSON.parse(first) as { files?: unknown }).files;
  if (first !== undefined && typeof said === 'number' && Number.isInteger(said)) return { meta: first, files: said };
  let meta = '';
  let files = 0;
  tar.t({
    sync: true,
    file,
    onReadEntry: (entry) => {
      if (entry.type === 'File') files++;
      if (entry.path.split('/').length === 2 && entry.path.endsWith('/snapshot.json')) entry.on('data', (chunk: Buffer) => (meta += chunk.toString('utf8')));
    },
  });
  return { meta, files };
}

let published: PublishedSnapshot[] | undefined;

/** Returns the snapshots to publish for `years`, newest first; none in a snapshot's own build. */
export function publishedSnapshots(years: readonly number[]): PublishedSnapshot[] {
  if (published) return published;
  published = [];
  if (archiveCopy()) return published;
  const dir = snapshotDir();
  for (const year of [...years].sort((a, b) => b - a)) {
    const file = join(dir, snapshotName(year));
    if (!existsSync(file)) continue;
    try {
      const { meta, files } = readArchive(file);
      const m = JSON.parse(meta) as SnapshotMeta & { commit?: string | null; captured?: string | null; notices?: PublishedSnapshot['notices'] };
      if (!isCurrentSnapshot(m, { site: siteUrl(), contentSha256: yearContentHash(contentDir(), year) })) continue;
      // Read when first asked for: a national year's archive is 316 MB, and a caller may want its name alone.
      let bytes: Buffer | undefined;
      let digest: string | undefined;
      const read = (): Buffer => (bytes ??= readFileSync(file));
      published.push({
        year,
        file: snapshotName(year),
        get size() {
          return read().length;
        },
        get sha256() {
          return (digest ??= sha256(read()));
        },
        files,
        commit: m.commit ?? null,
        captured: m.captured ?? null,
        notices: m.notices ?? [],
        get bytes() {
          return read();
        },
      });
    } catch {
      continue;
    }
  }
  return published;
}
