/**
 * The SHA-256 of many files (a national year's content is 100,000 of them, hashed to tell whether its
 * archive is current), each read only when it changed since it was last hashed: the digests are
 * remembered with each file's stamp (`fileStamp`: size, modification time in nanoseconds, inode — how
 * `make` and `rsync` tell a changed file, as the content loader does), one memo per folder hashed, in
 * `digestCacheDir()`. A file whose stamp is the one remembered is not read. The memo holds the files of
 * the last call for that folder; one that cannot be read is ignored, one that cannot be written only
 * costs time; a memo not written for a week is removed (the folders of tests and one-off corpora come
 * and go). I/O edge.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { digestCacheDir } from './config.ts';
import { fileStamp } from './files.ts';
import { sha256 } from './hash.ts';

/** How long a memo no run wrote is kept. */
const memoLife = 7 * 24 * 3600 * 1000;

/** Removes the memos of `dir` older than `memoLife`. */
function pruneMemos(dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (Date.now() - statSync(file).mtimeMs > memoLife) rmSync(file, { force: true });
  }
}

/** A memo: each file's path (relative to the folder hashed) and its stamp and SHA-256 when last hashed. */
type Memo = Record<string, [stamp: string, sha256: string]>;

/** Returns the memo of a folder, or an empty one. */
function readMemo(file: string): Memo {
  try {
    const value: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Memo) : {};
  } catch {
    return {};
  }
}

/**
 * Returns the SHA-256 (hex) of each file of `base` named in `paths` (relative, `/`-separated), in order:
 * remembered when its stamp is unchanged, else read and hashed. `use` names the memo among those of the
 * same folder (each caller asks for its own files: one memo would hold only the last caller's);
 * `cacheDir` is where memos are kept.
 */
export function fileDigests(base: string, paths: readonly string[], use: string, cacheDir: string = digestCacheDir()): string[] {
  const memoFile = join(cacheDir, `${sha256(`${resolve(base)}\0${use}`).slice(0, 32)}.json`);
  const memo = readMemo(memoFile);
  const next: Memo = {};
  let changed = Object.keys(memo).length !== paths.length;
  const digests = paths.map((path) => {
    const file = join(base, path);
    const stamp = fileStamp(file);
    const known = memo[path];
    if (Array.isArray(known) && known[0] === stamp && typeof known[1] === 'string') {
      next[path] = known;
      return known[1];
    }
    changed = true;
    const digest = sha256(readFileSync(file));
    next[path] = [stamp, digest];
    return digest;
  });
  if (changed) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${memoFile}.${process.pid}`, JSON.stringify(next));
      renameSync(`${memoFile}.${process.pid}`, memoFile);
      pruneMemos(cacheDir);
    } catch {
      // A read-only or full disk: the next run reads the files again.
    }
  }
  return digests;
}
