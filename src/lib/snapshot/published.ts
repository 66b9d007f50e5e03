/**
 * The yearly snapshots a build publishes on `/archive/` (made by `npm run snapshot -- --all` into
 * `snapshots/`, see scripts/snapshot.ts): read once per build, with their size, SHA-256 and what
 * their `snapshot.json` says. A snapshot is published only when it was made from the content being
 * built (its content hash matches), so a stale archive or another corpus's is never offered. I/O edge.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tar from 'tar';
import { archiveCopy, contentDir, snapshotDir } from '../config.ts';
import { filesBelow } from '../files.ts';
import { sha256 } from '../hash.ts';
import { commitmentsFolder, noticesFolder } from '../content/paths.ts';

/** Returns one hash over files (path and bytes), for the inputs of a snapshot. */
export function treeHash(base: string, paths: readonly string[]): string {
  return sha256(paths.map((p) => `${p}\0${sha256(readFileSync(join(base, p)))}\n`).join(''));
}

/** Returns the hash of one year's content (`notices/<year>/` and `commitments/<year>/` of `root`), as a snapshot records it. */
export function yearContentHash(root: string, year: number): string {
  const paths = [noticesFolder(year), commitmentsFolder(year)].flatMap((folder) => filesBelow(join(root, folder)).map((f) => `${folder}${f}`));
  return treeHash(root, paths.sort());
}

/** Returns the archive's file name for a year: `minsheng-2023.tar.gz`. */
export function snapshotName(year: number): string {
  return `minsheng-${year}.tar.gz`;
}

/** A snapshot the site offers for download. */
export interface PublishedSnapshot {
  year: number;
  /** File name, e.g. `minsheng-2023.tar.gz`. */
  file: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the archive, hex. */
  sha256: string;
  /** How many files the archive holds. */
  files: number;
  /** Commit it was made from, capture date and the live site, from its `snapshot.json`. */
  commit: string | null;
  captured: string | null;
  /** The notices inside. */
  notices: { slug: string; districtFull: string | null; date: string | null }[];
  /** The archive's bytes, for the download endpoint. */
  bytes: Uint8Array;
}

/** Returns the `snapshot.json` text and the number of files of an archive. */
function readArchive(file: string): { meta: string; files: number } {
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
      const m = JSON.parse(meta) as { commit?: string | null; captured?: string | null; notices?: PublishedSnapshot['notices']; inputs?: { contentSha256?: string } };
      if (m.inputs?.contentSha256 !== yearContentHash(contentDir(), year)) continue;
      const bytes = readFileSync(file);
      published.push({
        year,
        file: snapshotName(year),
        size: bytes.length,
        sha256: sha256(bytes),
        files,
        commit: m.commit ?? null,
        captured: m.captured ?? null,
        notices: m.notices ?? [],
        bytes,
      });
    } catch {
      continue;
    }
  }
  return published;
}
